package io.github.presencesdk.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AvailabilitySummaryRequestTest {
  private static final String SKILL = "457857dc-19eb-4eb9-b562-c90ca37de447";
  private static final String GROUP = "69962baf-e196-461b-9547-aabd8db075fc";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "skill-1",
        "457857dc19eb4eb9b562c90ca37de447",
        "{457857dc-19eb-4eb9-b562-c90ca37de447}",
        "457857dc-19eb-4eb9-b562-c90ca37de44",
        "457857dc-19eb-4eb9-b562-c90ca37de447 ",
        "g57857dc-19eb-4eb9-b562-c90ca37de447"
      })
  void idsThatAreNotGuidsAreRejectedNamingTheListAndIndex(String id) {
    assertThatThrownBy(() -> AvailabilitySummaryRequest.builder().skillGuids(SKILL, id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("skillGuids[1] must be a GUID");
    assertThatThrownBy(() -> AvailabilitySummaryRequest.builder().groupGuids(List.of(id)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("groupGuids[0] must be a GUID");
    assertThatThrownBy(() -> AvailabilitySummaryRequest.builder().queueGuids(GROUP, GROUP, id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("queueGuids[2] must be a GUID");
    assertThatThrownBy(
            () -> new AvailabilitySummaryRequest(List.of(id), List.of(), List.of(), Liveness.LIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("skillGuids[0]");
  }

  @Test
  void guidsInAnyLetterCaseAreAccepted() {
    AvailabilitySummaryRequest request =
        AvailabilitySummaryRequest.builder()
            .skillGuids("457857DC-19EB-4EB9-B562-C90CA37DE447")
            .build();

    assertThat(request.skillGuids()).containsExactly("457857DC-19EB-4EB9-B562-C90CA37DE447");
  }

  @Test
  void nullListsAndNullIdsAreRejected() {
    assertThatThrownBy(() -> AvailabilitySummaryRequest.builder().skillGuids((List<String>) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skillGuids must not be null");
    assertThatThrownBy(() -> AvailabilitySummaryRequest.builder().groupGuids((String[]) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupGuids must not be null");
    assertThatThrownBy(
            () -> AvailabilitySummaryRequest.builder().queueGuids(Arrays.asList(GROUP, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queueGuids[1] must not be null");
    assertThatThrownBy(() -> AvailabilitySummaryRequest.builder().liveness(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("liveness must not be null");
    assertThatThrownBy(
            () -> new AvailabilitySummaryRequest(List.of(), List.of(), List.of(), (Liveness) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("liveness must not be null");
    assertThatThrownBy(
            () ->
                new AvailabilitySummaryRequest(
                    List.of(), List.of(), List.of(), (Optional<Liveness>) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("requestedLiveness must not be null");
  }

  @Test
  void groupsAndQueuesCannotBeCombined() {
    assertThatThrownBy(
            () -> AvailabilitySummaryRequest.builder().groupGuids(GROUP).queueGuids(SKILL).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groupGuids and queueGuids cannot be used together");
  }

  @Test
  void listsAreCopied() {
    List<String> skills = new ArrayList<>(List.of(SKILL));
    AvailabilitySummaryRequest request =
        AvailabilitySummaryRequest.builder().skillGuids(skills).build();
    skills.add(GROUP);

    assertThat(request.skillGuids()).containsExactly(SKILL);
    assertThatThrownBy(() -> request.skillGuids().add(GROUP))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void noLivenessSetSendsNoFieldAndCountsAsLive() {
    AvailabilitySummaryRequest byDefault =
        AvailabilitySummaryRequest.builder().skillGuids(SKILL).build();

    assertThat(byDefault.requestedLiveness()).isEmpty();
    assertThat(byDefault.liveness()).isEqualTo(Liveness.LIVE);
    assertThat(Fixtures.parse(VonageJson.availabilityBody(byDefault)))
        .isEqualTo(Map.of("skillGuids", List.of(SKILL)));
  }

  @Test
  void liveSetExplicitlyIsSentAsLive() {
    AvailabilitySummaryRequest explicit =
        AvailabilitySummaryRequest.builder().skillGuids(SKILL).liveness(Liveness.LIVE).build();

    assertThat(explicit.requestedLiveness()).contains(Liveness.LIVE);
    assertThat(explicit.liveness()).isEqualTo(Liveness.LIVE);
    assertThat(explicit)
        .isNotEqualTo(AvailabilitySummaryRequest.builder().skillGuids(SKILL).build());
    assertThat(Fixtures.parse(VonageJson.availabilityBody(explicit)))
        .isEqualTo(Map.of("skillGuids", List.of(SKILL), "liveness", "live"));
    assertThat(new AvailabilitySummaryRequest(List.of(SKILL), List.of(), List.of(), Liveness.LIVE))
        .isEqualTo(explicit);
  }

  @Test
  void livenessValuesHaveTheirWireNames() {
    assertThat(Liveness.LIVE.wireValue()).isEqualTo("live");
    assertThat(Liveness.SEMILIVE.wireValue()).isEqualTo("semilive");
    assertThat(Liveness.NONLIVE.wireValue()).isEqualTo("nonlive");
    assertThat(
            Fixtures.parse(
                VonageJson.availabilityBody(
                    AvailabilitySummaryRequest.builder()
                        .groupGuids(GROUP)
                        .liveness(Liveness.NONLIVE)
                        .build())))
        .isEqualTo(Map.of("groupGuids", List.of(GROUP), "liveness", "nonlive"));
  }
}
