package io.github.presencesdk.internal;

import okio.Buffer;

/**
 * Turns a successful (2xx) response into a value. The body has been read completely before the
 * handler runs, so a handler failure is always a decoding problem, never a transport one.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ResponseHandler<T> {

  /** Decodes {@code body} of a response with status {@code status}. */
  T handle(int status, Buffer body);
}
