package io.github.presencesdk.vonage;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.List;
import okio.BufferedSource;

/**
 * Benchmark access to the package-private VCC adapters. It lives in the SDK's package, in the
 * benchmarks jar only, so that the decoding benchmark measures exactly the adapters the client
 * uses, without the HTTP call around them. The benchmarks run on the class path, where a package
 * may span two jars.
 */
public final class VonageDecoding {
  private VonageDecoding() {}

  /** Decodes the answer of {@code GET /agents/presences/users} with the client's adapter. */
  public static List<?> presences(BufferedSource source) throws IOException {
    try (JsonReader reader = JsonReader.of(source)) {
      List<?> presences = VonageJson.USER_PRESENCES.fromJson(reader);
      if (presences == null) {
        throw new IOException("the body is null");
      }
      return presences;
    }
  }
}
