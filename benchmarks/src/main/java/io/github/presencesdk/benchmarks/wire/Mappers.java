package io.github.presencesdk.benchmarks.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reflective baselines, configured once as an application would: Moshi with an {@link Instant}
 * adapter, Jackson databind with an {@link Instant} deserializer and unknown properties ignored.
 */
public final class Mappers {
  private static final Moshi MOSHI =
      new Moshi.Builder().add(Instant.class, new InstantAdapter().nullSafe()).build();

  /** Moshi's reflective adapter for a VCC presence answer. */
  public static final JsonAdapter<List<Dtos.VccUserPresence>> MOSHI_VCC =
      MOSHI.adapter(Types.newParameterizedType(List.class, Dtos.VccUserPresence.class));

  /** Moshi's reflective adapter for a VoipNow page. */
  public static final JsonAdapter<Dtos.VoipNowPage> MOSHI_VOIPNOW =
      MOSHI.adapter(Dtos.VoipNowPage.class);

  /** Moshi's record adapter for a VCC presence answer. */
  public static final JsonAdapter<List<Records.VccUserPresence>> MOSHI_RECORDS_VCC =
      MOSHI.adapter(Types.newParameterizedType(List.class, Records.VccUserPresence.class));

  /** Moshi's record adapter for a VoipNow page. */
  public static final JsonAdapter<Records.VoipNowPage> MOSHI_RECORDS_VOIPNOW =
      MOSHI.adapter(Records.VoipNowPage.class);

  private static final ObjectMapper JACKSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .registerModule(new SimpleModule().addDeserializer(Instant.class, new InstantDeser()));

  /** Jackson's reader for a VCC presence answer. */
  public static final ObjectReader JACKSON_VCC;

  /** Jackson's reader for a VoipNow page. */
  public static final ObjectReader JACKSON_VOIPNOW = JACKSON.readerFor(Dtos.VoipNowPage.class);

  static {
    JavaType list =
        JACKSON.getTypeFactory().constructCollectionType(List.class, Dtos.VccUserPresence.class);
    JACKSON_VCC = JACKSON.readerFor(list);
  }

  private Mappers() {}

  private static final class InstantAdapter extends JsonAdapter<Instant> {
    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      return Instant.parse(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Instant value) throws IOException {
      writer.value(value == null ? null : value.toString());
    }
  }

  private static final class InstantDeser extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantDeser() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return Instant.parse(parser.getValueAsString());
    }
  }
}
