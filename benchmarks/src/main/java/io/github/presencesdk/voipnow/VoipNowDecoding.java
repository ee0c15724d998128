package io.github.presencesdk.voipnow;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.List;
import okio.BufferedSource;

/**
 * Benchmark access to the package-private VoipNow listing adapter. It lives in the SDK's package,
 * in the benchmarks jar only, so that the decoding benchmark measures exactly the adapter the
 * client uses, without the HTTP call around it. The benchmarks run on the class path, where a
 * package may span two jars.
 */
public final class VoipNowDecoding {
  private VoipNowDecoding() {}

  /**
   * Decodes one 200 page of the presence listing with the client's adapter; returns its entries.
   */
  public static List<ExtensionPresence> page(BufferedSource source) throws IOException {
    try (JsonReader reader = JsonReader.of(source)) {
      return PresenceJson.readPage(reader, 200).entries();
    }
  }
}
