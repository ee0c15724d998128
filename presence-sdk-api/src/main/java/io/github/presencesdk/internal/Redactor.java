package io.github.presencesdk.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.Credentials;
import org.jspecify.annotations.Nullable;

/**
 * Removes a client's credentials from text a server sent back, before the text goes into an
 * exception (an error body, the excerpt of a 2xx body that could not be decoded, a decoder's
 * message quoting a value): servers and proxies do echo requests in their pages, and an echoed
 * token or client secret must not end up in a message, a log or a bug report. Covers the access
 * token, the client secret as sent in a form body, and the HTTP Basic credentials. Immutable.
 */
final class Redactor {
  /** What replaces a credential. */
  static final String REDACTED = "<redacted>";

  /** Shorter values would match ordinary text; no real credential is this short. */
  private static final int MIN_LENGTH = 4;

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** The credentials of a client's settings. */
  static Redactor of(CoreSettings settings) {
    Set<String> secrets = new LinkedHashSet<>();
    add(secrets, settings.accessToken());
    String secret = settings.clientSecret();
    String clientId = settings.clientId();
    if (secret != null) {
      add(secrets, secret);
      add(secrets, URLEncoder.encode(secret, StandardCharsets.UTF_8));
      if (clientId != null) {
        String basic = Credentials.basic(clientId, secret);
        add(secrets, basic.substring(basic.indexOf(' ') + 1));
      }
    }
    return new Redactor(sorted(secrets));
  }

  /** This redactor and one more value, such as the token a request carried. */
  Redactor with(@Nullable String value) {
    if (value == null || value.length() < MIN_LENGTH || secrets.contains(value)) {
      return this;
    }
    Set<String> more = new LinkedHashSet<>(secrets);
    more.add(value);
    return new Redactor(sorted(more));
  }

  /** {@code text} with every credential replaced by {@value #REDACTED}. */
  String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }

  /** Like {@link #redact(String)}, passing null through. */
  @Nullable String redactOrNull(@Nullable String text) {
    return text == null ? null : redact(text);
  }

  /**
   * {@code t} if neither its message nor those of its causes hold a credential; otherwise a copy of
   * the chain with the credentials replaced, each link a {@link RedactedException} that names the
   * original type and keeps its stack trace.
   */
  Throwable redact(Throwable t) {
    Throwable cause = t.getCause();
    Throwable safeCause = cause == null || cause == t ? null : redact(cause);
    String message = t.getMessage();
    String safeMessage = redactOrNull(message);
    if (safeCause == cause && Objects.equals(message, safeMessage)) {
      return t;
    }
    RedactedException safe =
        new RedactedException(
            t.getClass().getName() + (safeMessage != null ? ": " + safeMessage : ""), safeCause);
    safe.setStackTrace(t.getStackTrace());
    return safe;
  }

  /** Stands in for an exception whose message held a credential. */
  static final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedactedException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  private static void add(Set<String> secrets, @Nullable String value) {
    if (value != null && value.length() >= MIN_LENGTH) {
      secrets.add(value);
    }
  }

  /** Longest first, so that a credential containing another is replaced whole. */
  private static List<String> sorted(Set<String> secrets) {
    List<String> out = new ArrayList<>(secrets);
    out.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "Redactor{" + secrets.size() + " values}";
  }
}
