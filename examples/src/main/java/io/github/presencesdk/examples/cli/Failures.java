package io.github.presencesdk.examples.cli;

import com.squareup.moshi.JsonWriter;
import io.github.presencesdk.AuthenticationException;
import io.github.presencesdk.ErrorDetail;
import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.PresenceException;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceServiceException;
import io.github.presencesdk.UndecodableResponseException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Turns what a command threw into a report on standard error and an exit code: 3 for an error
 * answer of the vendor (with its status, code and message), 4 for a network failure, 2 for a caller
 * mistake the SDK refused before sending anything. A bulk read that failed for some ids is a
 * network failure when every one of them failed on the network, and a vendor error otherwise.
 */
final class Failures {
  /** Where and how failures are reported. */
  record Target(PrintStream err, boolean json, Redactor redactor) {}

  /** The SDK's advice to call {@code allowInsecureHttp(true)}, an option the tool does not have. */
  private static final Pattern INSECURE_HTTP_ADVICE =
      Pattern.compile(",? or call allowInsecureHttp\\(true\\)[^;.]*");

  private Failures() {}

  /**
   * Reports {@code thrown} and returns the exit code.
   *
   * @param names the SDK's argument names with the options the user typed, to name those in a
   *     caller mistake the SDK refused (see {@link #inUserTerms})
   */
  static int report(Exception thrown, CommandLine line, Target target, Map<String, String> names) {
    Throwable e = unwrap(thrown);
    String command = line.getCommandSpec().qualifiedName();
    if (e instanceof PartialFailureException partial) {
      reportPartial(partial, target);
      return exitCode(partial);
    }
    if (e instanceof PresenceException failure && onTheNetwork(failure)) {
      print(target, "network", failure, null, describe(failure));
      return PresenceCli.NETWORK_FAILURE;
    }
    if (e instanceof PresenceException presence) {
      print(target, "vendor", presence, null, describe(presence));
      return PresenceCli.VENDOR_ERROR;
    }
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
      String message = target.redactor().redact(inUserTerms(String.valueOf(e.getMessage()), names));
      if (target.json()) {
        target
            .err()
            .println(Json.line(w -> w.name("error").value("usage").name("message").value(message)));
      } else {
        target.err().println("presence: " + message);
        target.err().println("Try '" + command + " --help' for more.");
      }
      return PresenceCli.USAGE;
    }
    String message = target.redactor().redact(String.valueOf(e));
    if (target.json()) {
      target
          .err()
          .println(
              Json.line(w -> w.name("error").value("internal").name("message").value(message)));
    } else {
      target.err().println("presence: unexpected failure: " + message);
    }
    return CommandLine.ExitCode.SOFTWARE;
  }

  /**
   * A message of the SDK in the terms of the command line: each argument name of {@code names} is
   * replaced by the option or parameter the user typed ({@code userIds[0]} by {@code USER_ID},
   * {@code filterOp} by {@code --filter-op}), and advice to call a builder method the tool does not
   * offer is left out. A name in camel case is replaced wherever it stands as a word; a plain word
   * ({@code count}) only where the message begins with it, as it may be prose elsewhere.
   */
  static String inUserTerms(String message, Map<String, String> names) {
    String result = INSECURE_HTTP_ADVICE.matcher(message).replaceAll("");
    for (Map.Entry<String, String> name : names.entrySet()) {
      String key = Pattern.quote(name.getKey());
      boolean camel = !name.getKey().equals(name.getKey().toLowerCase(Locale.ROOT));
      Pattern word =
          Pattern.compile(
              (camel ? "(?<![\\w\"'.\\-])" : "^") + key + "(\\[\\d+])?(?![\\w\"'(\\[])");
      result = word.matcher(result).replaceAll(Matcher.quoteReplacement(name.getValue()));
    }
    return result;
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable e = thrown;
    while ((e instanceof InvocationTargetException || e instanceof CommandLine.ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * True for a failure on the network: no answer from the API, or none from the token endpoint (an
   * {@link AuthenticationException} caused by a {@link PresenceIoException}).
   */
  static boolean onTheNetwork(PresenceException failure) {
    return failure instanceof PresenceIoException
        || (failure instanceof AuthenticationException
            && failure.getCause() instanceof PresenceIoException);
  }

  /**
   * 4 when every failed id failed on the network, else 3: the vendor answered some with an error.
   */
  static int exitCode(PartialFailureException partial) {
    boolean network =
        !partial.failures().isEmpty()
            && partial.failures().values().stream().allMatch(Failures::onTheNetwork);
    return network ? PresenceCli.NETWORK_FAILURE : PresenceCli.VENDOR_ERROR;
  }

  private static void reportPartial(PartialFailureException partial, Target target) {
    Map<String, PresenceException> failures = partial.failures();
    if (!target.json()) {
      target
          .err()
          .printf(
              "presence: %d of %d ids could not be read (the others are printed above)%n",
              failures.size(), partial.succeeded().size() + failures.size());
    }
    failures.forEach(
        (id, failure) ->
            print(
                target,
                onTheNetwork(failure) ? "network" : "vendor",
                failure,
                id,
                describe(failure)));
  }

  /** The facts of one failure; only what the vendor answered, never a credential. */
  private record Facts(
      @Nullable String vendor,
      int status,
      @Nullable String code,
      @Nullable String title,
      @Nullable String vendorMessage,
      List<String> details,
      @Nullable String requestId) {}

  private static Facts describe(PresenceException e) {
    if (e instanceof PresenceServiceException service) {
      return new Facts(
          service.vendor(),
          service.statusCode(),
          service.errorCode().orElse(null),
          service.error().title().orElse(null),
          service.vendorMessage().orElse(null),
          service.details().stream().map(ErrorDetail::toString).toList(),
          service.requestId().orElse(null));
    }
    if (e instanceof UndecodableResponseException undecodable) {
      return new Facts(
          undecodable.vendor(), undecodable.statusCode(), null, null, null, List.of(), null);
    }
    return new Facts(null, 0, null, null, null, List.of(), null);
  }

  private static void print(
      Target target, String kind, PresenceException e, @Nullable String id, Facts facts) {
    Redactor redactor = target.redactor();
    String type = e.getClass().getSimpleName();
    String message = redactor.redact(String.valueOf(e.getMessage()));
    PrintStream err = target.err();
    if (target.json()) {
      err.println(
          Json.line(
              w -> {
                w.name("error").value(kind);
                if (id != null) {
                  w.name("userId").value(id);
                }
                w.name("exception").value(type);
                w.name("vendor").value(facts.vendor());
                if (facts.status() > 0) {
                  w.name("status").value(facts.status());
                } else {
                  w.name("status").nullValue();
                }
                optional(w, "code", facts.code(), redactor);
                optional(w, "title", facts.title(), redactor);
                optional(w, "vendorMessage", facts.vendorMessage(), redactor);
                w.name("details").beginArray();
                for (String detail : facts.details()) {
                  w.value(redactor.redact(detail));
                }
                w.endArray();
                optional(w, "requestId", facts.requestId(), redactor);
                w.name("message").value(message);
              }));
      return;
    }
    String subject = id == null ? "presence" : "  " + id;
    if (kind.equals("network")) {
      err.println(subject + ": network failure (" + type + "): " + message);
      return;
    }
    err.println(
        subject
            + ": "
            + (facts.vendor() == null ? "the vendor" : facts.vendor())
            + " answered with an error ("
            + type
            + ")");
    String indent = id == null ? "  " : "    ";
    if (facts.status() > 0) {
      err.println(indent + "status:     " + facts.status());
    }
    if (facts.code() != null) {
      err.println(indent + "code:       " + redactor.redact(facts.code()));
    }
    if (facts.title() != null) {
      err.println(indent + "title:      " + redactor.redact(facts.title()));
    }
    if (facts.vendorMessage() != null) {
      err.println(indent + "message:    " + redactor.redact(facts.vendorMessage()));
    }
    for (String detail : facts.details()) {
      err.println(indent + "field:      " + redactor.redact(detail));
    }
    if (facts.requestId() != null) {
      err.println(indent + "request id: " + redactor.redact(facts.requestId()));
    }
    err.println(indent + "details:    " + message);
  }

  private static void optional(
      JsonWriter writer, String name, @Nullable String value, Redactor redactor)
      throws IOException {
    writer.name(name).value(value == null ? null : redactor.redact(value));
  }
}
