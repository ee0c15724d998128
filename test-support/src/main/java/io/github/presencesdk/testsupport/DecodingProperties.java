package io.github.presencesdk.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The decoding properties every vendor module checks: arbitrary JSON built from the vendor's field
 * names and values, and the documented payloads damaged in every way {@link JsonFuzz.Mutation}
 * knows or byte by byte, each give every decoder a value or a refusal ({@code R}), never another
 * exception; the same bodies sent by a server give every operation of the client a result or a
 * failure ({@code F}). A subclass gives the vendor's fixtures, names, values, decoders, server and
 * operations, and checks the refusals and failures.
 *
 * <p>Provides the bodies as {@code "documents"}, {@code "mutations"}, {@code "damagedBytes"} and
 * {@code "bodies"} (documents or mutations) for the subclass's own properties. Needs jqwik on the
 * class path.
 *
 * @param <R> the exception a decoder refuses a body with
 * @param <F> the exception an operation may end in
 */
public abstract class DecodingProperties<R extends RuntimeException, F extends RuntimeException> {
  private final Class<R> refusal;
  private final Class<F> failure;

  protected DecodingProperties(Class<R> refusal, Class<F> failure) {
    this.refusal = refusal;
    this.failure = failure;
  }

  /** The names of the documented payloads, under {@code /fixtures/} on the class path. */
  protected abstract List<String> fixtureNames();

  /** The vendor's field names, the keys of arbitrary documents. */
  protected abstract List<String> fieldNames();

  /** The vendor's values, often the strings of arbitrary documents. */
  protected abstract List<String> fieldValues();

  /** The decoders the client uses, each as the client calls it. */
  protected abstract List<DecodingChecks.Decoder> decoders();

  /** Checks a refusal of a decoder. */
  protected abstract void checkRefusal(R refusal);

  /** Makes the server answer every request with {@code body}. */
  protected abstract void serve(String body);

  /** Every operation of the client against the server. */
  protected abstract List<? extends Supplier<?>> operations();

  /** Checks the failure an operation ended in. */
  protected abstract void checkFailure(F failure);

  /** The text of the documented payload {@code name}. */
  protected final String fixture(String name) {
    return DecodingChecks.fixture(getClass(), name);
  }

  private List<String> fixtures() {
    return DecodingChecks.fixtures(getClass(), fixtureNames());
  }

  @Provide
  protected Arbitrary<String> documents() {
    return JsonFuzz.documents(fieldNames(), fieldValues());
  }

  @Provide
  protected Arbitrary<String> mutations() {
    return JsonFuzz.mutations(fixtures());
  }

  /** A documented payload with some of its bytes replaced by arbitrary ones (often not UTF-8). */
  @Provide
  protected Arbitrary<byte[]> damagedBytes() {
    return DecodingChecks.damagedBytes(fixtures());
  }

  @Provide
  protected Arbitrary<String> bodies() {
    return Arbitraries.oneOf(documents(), mutations());
  }

  private void decodesOrRefuses(byte[] bytes) {
    DecodingChecks.decodesOrRefuses(bytes, decoders(), refusal, this::checkRefusal);
  }

  @Property(tries = 300)
  public void bytesThatAreNotUtf8DecodeOrAreRefused(@ForAll("damagedBytes") byte[] bytes) {
    decodesOrRefuses(bytes);
  }

  @Property(tries = 400)
  public void arbitraryJsonDecodesOrIsRefused(@ForAll("documents") String text) {
    decodesOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    DecodingChecks.someAreRefused();
  }

  @Property(tries = 500)
  public void damagedPayloadsDecodeOrAreRefused(@ForAll("mutations") String text) {
    decodesOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    // Both must happen often: damage that a tolerant decoder reads, and damage it refuses.
    DecodingChecks.bothOutcomesAreFrequent();
  }

  /** Every operation of the client ends in a result or in the failure {@code F}. */
  @Property(tries = 120)
  public void everyOperationEndsInAResultOrAPresenceException(@ForAll("bodies") String text) {
    serve(text);
    DecodingChecks.endsInAResultOr(operations(), failure, this::checkFailure);
  }
}
