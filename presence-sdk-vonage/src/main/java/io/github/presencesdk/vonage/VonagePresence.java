package io.github.presencesdk.vonage;

import io.github.presencesdk.PresenceDetail;
import io.github.presencesdk.PresenceState;
import java.util.Objects;
import java.util.Optional;

/**
 * A VCC presence definition: one of the presences an account defines (such as "Ready", "Break" or
 * "Logged Out"). It is the detail of every {@link io.github.presencesdk.Presence} a {@link
 * VonageClient} returns, and the item type of {@link VonageClient#presenceDefinitions()}.
 *
 * @param presenceId the presence definition id, unique within the account (a GUID)
 * @param selectable true if agents may choose this presence themselves
 * @param category the category, which decides the normalized state
 * @param description the presence's display text, such as {@code "Break"}
 */
public record VonagePresence(
    String presenceId, boolean selectable, PresenceCategory category, Optional<String> description)
    implements PresenceDetail {

  /** Checks that no component is null. */
  public VonagePresence {
    Objects.requireNonNull(presenceId, "presenceId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(description, "description");
  }

  /** The normalized state of this presence, from its category type. */
  public PresenceState state() {
    return category.categoryType().state();
  }
}
