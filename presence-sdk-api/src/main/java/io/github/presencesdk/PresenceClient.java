package io.github.presencesdk;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the presence of agents from one contact-center platform.
 *
 * <p>This is the vendor-neutral contract: every vendor module has one client that implements it and
 * adds that vendor's own operations with precise types. Vendor-neutral code holds a {@code
 * PresenceClient<?>}; code that holds the vendor client reaches the vendor detail through {@code D}
 * without casts.
 *
 * <p>Implementations are thread-safe and meant to be shared: build one client per account and reuse
 * it. {@link #close()} releases its threads and, unless the caller supplied its own {@code
 * OkHttpClient}, its connections.
 *
 * @param <D> the vendor detail type carried by each {@link Presence}
 */
public interface PresenceClient<D extends PresenceDetail> extends AutoCloseable {

  /** A short, stable name of the vendor, such as {@code "vonage"}. */
  String vendor();

  /**
   * Reads the presence of one user.
   *
   * @throws IllegalArgumentException if {@code userId} is null, blank or not a valid id for this
   *     vendor; nothing is sent
   * @throws NotFoundException if the vendor does not know the user
   * @throws PresenceException for any other failure
   */
  Presence<D> presence(String userId);

  /**
   * Reads the presence of one user like {@link #presence(String)}, and returns it with the metadata
   * of the vendor's response: its status, the vendor's request id and its headers (without any that
   * could carry credentials). For bulk reads, {@link PresenceBatch#responses()} holds the same for
   * each request.
   *
   * @throws IllegalArgumentException as {@link #presence(String)} does; nothing is sent
   * @throws PresenceException as {@link #presence(String)} does; a {@link PresenceServiceException}
   *     carries the request id and headers of the error response
   */
  WithMetadata<Presence<D>> presenceWithMetadata(String userId);

  /**
   * Reads the presence of many users, with as few requests as the vendor allows.
   *
   * <p>Ids are deduplicated and the result keeps the order of their first appearance. An id the
   * vendor does not know is reported in {@link PresenceBatch#unknownIds()} rather than failing the
   * call. An empty collection sends nothing.
   *
   * @throws IllegalArgumentException if the collection or any id in it is invalid; nothing is sent
   * @throws PartialFailureException if some ids could not be read; it carries the ids that were
   *     read and the cause of each failure
   * @throws PresenceException if nothing could be read
   */
  PresenceBatch<D> presences(Collection<String> userIds);

  /**
   * Reads the presence of one user without blocking the caller. The future completes with the
   * exceptions {@link #presence(String)} would throw; argument errors are thrown at once.
   */
  CompletableFuture<Presence<D>> presenceAsync(String userId);

  /**
   * Reads the presence of many users without blocking the caller. The future completes with the
   * exceptions {@link #presences(Collection)} would throw; argument errors are thrown at once.
   */
  CompletableFuture<PresenceBatch<D>> presencesAsync(Collection<String> userIds);

  /** The optional operations this client offers. */
  Set<Capability> capabilities();

  /** Returns true if this client offers {@code capability}. */
  default boolean supports(Capability capability) {
    return capabilities().contains(capability);
  }

  /**
   * Releases this client's threads and owned connections. Calls in flight end with a {@link
   * PresenceIoException}; later calls throw {@link IllegalStateException}. Closing twice is
   * harmless.
   */
  @Override
  void close();
}
