package io.github.presencesdk.testsupport;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.statistics.Statistics;

/**
 * The vendor-independent part of the decoding property tests: documented payloads read from the
 * class path, damaged bytes, and the checks that a decoder gives a value or refuses the body with
 * the one exception it may throw, and that every operation of a client ends in a result or that
 * exception. The outcomes are collected under the jqwik statistics label {@code "outcome"} as
 * {@code "decoded"} and {@code "refused"}. Needs jqwik on the class path.
 */
public final class DecodingChecks {
  private static final String OUTCOME = "outcome";

  private DecodingChecks() {}

  /** A decoder as the client calls it, reading a whole body. */
  @FunctionalInterface
  public interface Decoder {
    /** The decoded value of {@code body}. */
    Object decode(byte[] body);
  }

  /** The text of the class-path resource {@code /fixtures/<name>} beside {@code anchor}. */
  public static String fixture(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The texts of the fixtures {@code names}, in order. */
  public static List<String> fixtures(Class<?> anchor, List<String> names) {
    return names.stream().map(name -> fixture(anchor, name)).toList();
  }

  /**
   * One of {@code documents} with some of its bytes replaced by arbitrary ones (often not UTF-8).
   */
  public static Arbitrary<byte[]> damagedBytes(List<String> documents) {
    return Combinators.combine(
            Arbitraries.of(documents),
            Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.bytes().list().ofMinSize(8).ofMaxSize(8))
        .as(
            (document, positions, values) -> {
              byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
              for (int i = 0; i < positions.size(); i++) {
                bytes[positions.get(i) % bytes.length] = values.get(i);
              }
              return bytes;
            });
  }

  /**
   * Every decoder gives {@code bytes} a non-null value or throws a {@code refusal}, which must pass
   * {@code checkRefusal}; any other exception fails.
   */
  public static <E extends RuntimeException> void decodesOrRefuses(
      byte[] bytes,
      List<? extends Decoder> decoders,
      Class<E> refusal,
      Consumer<? super E> checkRefusal) {
    for (Decoder decoder : decoders) {
      Object value;
      try {
        value = decoder.decode(bytes);
      } catch (RuntimeException e) {
        if (!refusal.isInstance(e)) {
          throw e;
        }
        checkRefusal.accept(refusal.cast(e));
        Statistics.label(OUTCOME).collect("refused");
        continue;
      }
      assertNotNull(value);
      Statistics.label(OUTCOME).collect("decoded");
    }
  }

  /**
   * Every operation gives a non-null result or throws an {@code allowed} exception, which must pass
   * {@code check}; any other exception fails.
   */
  public static <E extends RuntimeException> void endsInAResultOr(
      List<? extends Supplier<?>> operations, Class<E> allowed, Consumer<? super E> check) {
    for (Supplier<?> operation : operations) {
      Object result;
      try {
        result = operation.get();
      } catch (RuntimeException e) {
        if (!allowed.isInstance(e)) {
          throw e;
        }
        check.accept(allowed.cast(e));
        continue;
      }
      assertNotNull(result);
    }
  }

  /** Requires that some tries were refused. */
  public static void someAreRefused() {
    Statistics.label(OUTCOME).coverage(c -> c.check("refused").count(n -> n > 0));
  }

  /** Requires that more than 5% of the outcomes were decoded and more than 5% refused. */
  public static void bothOutcomesAreFrequent() {
    Statistics.label(OUTCOME)
        .coverage(
            c -> {
              c.check("decoded").percentage(p -> p > 5);
              c.check("refused").percentage(p -> p > 5);
            });
  }
}
