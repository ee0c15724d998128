package io.github.presencesdk.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The secrets of the test suite and the check that none of them shows up where it must not.
 *
 * <p>Every access token, client secret and password in the tests of presence-sdk follows one
 * convention, so that a leak is found even where no test registered the value:
 *
 * <ul>
 *   <li>client secrets and passwords contain {@value #SECRET_MARKER} (any letter case), such as
 *       {@code app-s3cr3t-1};
 *   <li>access tokens start with {@value #TOKEN_PREFIX}, such as {@code tok-static-1}.
 * </ul>
 *
 * <p>Values that do not follow it (a token from a vendor's documented payload, say) are registered
 * with {@link #register(String)}. HTTP Basic credentials are found too: any {@code Basic <base64>}
 * in the text is decoded and scanned. Thread-safe.
 */
public final class Secrets {
  /** The part every client secret of the test suite contains. */
  public static final String SECRET_MARKER = "s3cr3t";

  /** The start of every access token of the test suite. */
  public static final String TOKEN_PREFIX = "tok-";

  /** Registered values shorter than this would match too much text to be useful. */
  static final int MIN_LENGTH = 6;

  private static final Pattern MARKER =
      Pattern.compile(Pattern.quote(SECRET_MARKER), Pattern.CASE_INSENSITIVE);

  /** A token: the prefix at the start of a word, followed by at least one more character. */
  private static final Pattern TOKEN =
      Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(TOKEN_PREFIX) + "[A-Za-z0-9]");

  private static final Pattern BASIC = Pattern.compile("Basic\\s+([A-Za-z0-9+/]{4,}={0,2})");

  private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

  private Secrets() {}

  /**
   * Registers a secret that does not follow the naming convention, for the rest of the run, and
   * returns it.
   *
   * @throws IllegalArgumentException if it is shorter than 6 characters, which would match ordinary
   *     text
   */
  public static String register(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "secret must be at least " + MIN_LENGTH + " characters, to be told apart from text");
    }
    REGISTERED.add(secret);
    return secret;
  }

  /** The secrets registered so far. */
  public static Set<String> registered() {
    return Collections.unmodifiableSet(REGISTERED);
  }

  /**
   * Returns a description of the first secret found in {@code text}, with the secret itself masked,
   * or empty if there is none.
   */
  public static Optional<String> find(@Nullable CharSequence text) {
    if (text == null || text.length() == 0) {
      return Optional.empty();
    }
    String s = text.toString();
    Optional<String> direct = findDirect(s);
    if (direct.isPresent()) {
      return direct;
    }
    Matcher basic = BASIC.matcher(s);
    while (basic.find()) {
      String decoded = decodeBase64(basic.group(1));
      if (decoded != null && findDirect(decoded).isPresent()) {
        return Optional.of(
            "HTTP Basic credentials holding a secret: " + context(s, basic.start(), basic.end()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> findDirect(String s) {
    Matcher marker = MARKER.matcher(s);
    if (marker.find()) {
      return Optional.of(
          "a value containing the secret marker: " + context(s, marker.start(), marker.end()));
    }
    Matcher token = TOKEN.matcher(s);
    if (token.find()) {
      return Optional.of("an access token: " + context(s, token.start(), token.end()));
    }
    for (String secret : REGISTERED) {
      int at = s.indexOf(secret);
      if (at >= 0) {
        return Optional.of("a registered secret: " + context(s, at, at + secret.length()));
      }
    }
    return Optional.empty();
  }

  private static @Nullable String decodeBase64(String value) {
    try {
      return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The text around a finding, with the whole word holding it replaced, so that reports leak
   * nothing.
   */
  private static String context(String s, int start, int end) {
    while (start > 0 && isSecretChar(s.charAt(start - 1))) {
      start--;
    }
    while (end < s.length() && isSecretChar(s.charAt(end))) {
      end++;
    }
    String before = s.substring(Math.max(0, start - 40), start);
    String after = s.substring(end, Math.min(s.length(), end + 20));
    return ("..." + before + "<secret>" + after + "...").replaceAll("\\s+", " ");
  }

  private static boolean isSecretChar(char c) {
    return Character.isLetterOrDigit(c) || "-._~+/=".indexOf(c) >= 0;
  }

  /**
   * Throws {@link AssertionError} if {@code text} holds a secret.
   *
   * @param where what the text is, for the message (such as "the exception message")
   */
  public static void assertNoSecret(String where, @Nullable CharSequence text) {
    find(text)
        .ifPresent(
            found -> {
              throw new AssertionError(where + " reveals " + found);
            });
  }

  /**
   * Throws {@link AssertionError} if the message or {@code toString()} of {@code thrown}, of any of
   * its causes or of anything suppressed by them holds a secret.
   */
  public static void assertNoSecret(@Nullable Throwable thrown) {
    find(thrown)
        .ifPresent(
            found -> {
              throw new AssertionError(found);
            });
  }

  /**
   * Returns a description of the first secret in the message or {@code toString()} of {@code
   * thrown}, its causes and suppressed exceptions, or empty.
   */
  public static Optional<String> find(@Nullable Throwable thrown) {
    if (thrown == null) {
      return Optional.empty();
    }
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> pending = new ArrayList<>();
    pending.add(thrown);
    while (!pending.isEmpty()) {
      Throwable t = pending.remove(pending.size() - 1);
      if (!seen.add(t)) {
        continue;
      }
      String name = t.getClass().getName();
      Optional<String> found = find(t.getMessage());
      if (found.isEmpty()) {
        found = find(String.valueOf(t));
      }
      if (found.isEmpty() && t.getLocalizedMessage() != null) {
        found = find(t.getLocalizedMessage());
      }
      if (found.isPresent()) {
        return Optional.of(
            "the "
                + name.substring(name.lastIndexOf('.') + 1)
                + (t == thrown ? "" : " inside " + thrown.getClass().getSimpleName())
                + " reveals "
                + found.get());
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      Collections.addAll(pending, t.getSuppressed());
    }
    return Optional.empty();
  }
}
