package io.github.presencesdk.benchmarks;

import io.github.presencesdk.benchmarks.wire.Mappers;
import io.github.presencesdk.voipnow.VoipNowDecoding;
import io.github.presencesdk.vonage.VonageDecoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okio.BufferedSource;
import okio.Okio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding a 50-entry VCC answer and a 5,000-entry VoipNow page with the SDK's hand-written
 * adapters, Moshi's reflective adapters (classes and records) and Jackson databind. Every decoder
 * reads the same bytes from an {@link InputStream}, so none is favoured by its input type; run with
 * {@code -prof gc} for the allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {
  private final byte[] vcc =
      Payloads.vccPresences(Payloads.vccUserIds(50)).getBytes(StandardCharsets.UTF_8);
  private final byte[] voipNow =
      Payloads.voipNowPage(0, 5000, 5000, 0, 5000).getBytes(StandardCharsets.UTF_8);

  private static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private static BufferedSource source(byte[] bytes) {
    return Okio.buffer(Okio.source(stream(bytes)));
  }

  /** VCC, 50 entries: the SDK's adapter. */
  @Benchmark
  public Object vccSdk() throws IOException {
    return VonageDecoding.presences(source(vcc));
  }

  /** VCC, 50 entries: Moshi's reflective class adapter. */
  @Benchmark
  public Object vccMoshiReflective() throws IOException {
    try (BufferedSource source = source(vcc)) {
      return Mappers.MOSHI_VCC.fromJson(source);
    }
  }

  /** VCC, 50 entries: Moshi's record adapter. */
  @Benchmark
  public Object vccMoshiRecords() throws IOException {
    try (BufferedSource source = source(vcc)) {
      return Mappers.MOSHI_RECORDS_VCC.fromJson(source);
    }
  }

  /** VCC, 50 entries: Jackson databind. */
  @Benchmark
  public Object vccJackson() throws IOException {
    return Mappers.JACKSON_VCC.readValue(stream(vcc));
  }

  /** VoipNow, 5,000 entries: the SDK's adapter. */
  @Benchmark
  public Object voipNowSdk() throws IOException {
    return VoipNowDecoding.page(source(voipNow));
  }

  /** VoipNow, 5,000 entries: Moshi's reflective class adapter. */
  @Benchmark
  public Object voipNowMoshiReflective() throws IOException {
    try (BufferedSource source = source(voipNow)) {
      return Mappers.MOSHI_VOIPNOW.fromJson(source);
    }
  }

  /** VoipNow, 5,000 entries: Moshi's record adapter. */
  @Benchmark
  public Object voipNowMoshiRecords() throws IOException {
    try (BufferedSource source = source(voipNow)) {
      return Mappers.MOSHI_RECORDS_VOIPNOW.fromJson(source);
    }
  }

  /** VoipNow, 5,000 entries: Jackson databind. */
  @Benchmark
  public Object voipNowJackson() throws IOException {
    return Mappers.JACKSON_VOIPNOW.readValue(stream(voipNow));
  }
}
