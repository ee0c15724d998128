package io.github.presencesdk;

import io.github.presencesdk.internal.Sentences;
import io.github.presencesdk.internal.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor said in an error response, decoded from whichever body shape it used.
 *
 * @param vendor the vendor, such as {@code "talkdesk"}
 * @param statusCode the HTTP status
 * @param code the vendor's machine-readable error code
 * @param title a short summary the vendor sent besides the message (for example a problem title)
 * @param message the vendor's human-readable message
 * @param details per-field or per-item details
 * @param hint advice from this SDK on what to change (for example the scope a token lacks)
 * @param requestId the request id the vendor sent back
 * @param body the start of the response body, at most {@link
 *     PresenceServiceException#MAX_BODY_CHARS} characters
 */
public record VendorError(
    String vendor,
    int statusCode,
    Optional<String> code,
    Optional<String> title,
    Optional<String> message,
    List<ErrorDetail> details,
    Optional<String> hint,
    Optional<String> requestId,
    String body) {

  /** Copies the details and checks that no component is null. */
  public VendorError {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    details = List.copyOf(details);
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(body, "body");
    if (body.length() > PresenceServiceException.MAX_BODY_CHARS) {
      body = body.substring(0, PresenceServiceException.MAX_BODY_CHARS);
    }
  }

  /** Returns a copy with the given hint. */
  public VendorError withHint(@Nullable String hint) {
    return new VendorError(
        vendor,
        statusCode,
        code,
        title,
        message,
        details,
        Optional.ofNullable(hint),
        requestId,
        body);
  }

  /** A one-line description used as the exception message. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(vendor).append(" answered HTTP ").append(statusCode);
    code.ifPresent(c -> out.append(" [").append(c).append(']'));
    if (title.isPresent() || message.isPresent()) {
      out.append(':');
      title.ifPresent(t -> out.append(' ').append(t));
      if (title.isPresent() && message.isPresent()) {
        out.append(" -");
      }
      message.ifPresent(m -> out.append(' ').append(m));
    } else if (!body.isBlank() && !looksLikeMarkup(body)) {
      out.append(": ").append(abbreviate(body.strip(), 200));
    } else if (!body.isBlank()) {
      out.append(" with a non-JSON body (an HTML page, often from a proxy or gateway)");
    }
    if (!details.isEmpty()) {
      out.append(" ").append(details);
    }
    // Vendor messages often end with a period of their own; the hint starts a sentence either way.
    hint.ifPresent(h -> Sentences.append(out, h));
    requestId.ifPresent(r -> out.append(" (request id ").append(r).append(')'));
    return out.toString();
  }

  private static boolean looksLikeMarkup(String body) {
    return body.stripLeading().startsWith("<");
  }

  private static String abbreviate(String s, int max) {
    return Text.abbreviate(s.replaceAll("\\s+", " "), max);
  }
}
