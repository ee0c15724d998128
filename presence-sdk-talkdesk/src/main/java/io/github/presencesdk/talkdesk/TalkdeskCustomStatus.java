package io.github.presencesdk.talkdesk;

import java.util.Objects;
import java.util.Optional;

/**
 * One custom status configured for the account, as listed by {@link
 * TalkdeskClient#customStatuses()}. Its id can be passed to {@link
 * TalkdeskClient#updateStatus(String, TalkdeskStatus, String)}.
 *
 * @param id the custom status id
 * @param displayName the name agents see, when Talkdesk sends one
 */
public record TalkdeskCustomStatus(String id, Optional<String> displayName) {

  /** Checks that no component is null. */
  public TalkdeskCustomStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
  }
}
