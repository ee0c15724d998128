package io.github.presencesdk.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small statistics over repeated measurements. */
final class Stats {
  private Stats() {}

  /** The median; the mean of the middle two for an even count. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static double min(List<Double> values) {
    return Collections.min(values);
  }

  static double max(List<Double> values) {
    return Collections.max(values);
  }

  /** Rounds to {@code digits} decimals, for readable reports. */
  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
