package io.github.presencesdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.presencesdk.PartialFailureException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceDetail;
import io.github.presencesdk.PresenceIoException;
import io.github.presencesdk.PresenceState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class PartialFailureTypingTest {
  record Mine(String raw) implements PresenceDetail {}

  record Other(String raw) implements PresenceDetail {}

  @Test
  void succeededCanBeReadWithTheClientsDetailType() {
    Presence<Mine> a = Presence.of("a", PresenceState.AWAY, "Away", null, null, new Mine("Away"));
    PartialFailureException e =
        new PartialFailureException(
            PresenceBatch.of(List.of("a"), Map.of("a", a), Set.of()),
            Map.of("b", new PresenceIoException("reset", null)));

    PresenceBatch<Mine> typed = e.succeeded(Mine.class);

    assertThat(typed.presences().get(0).detail().raw()).isEqualTo("Away");
    assertThatThrownBy(() -> e.succeeded(Other.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not " + Other.class.getName());
    assertThat(e.getMessage()).isEqualTo("1 of 2 ids could not be read; first failure: reset");
  }
}
