package io.github.presencesdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.presencesdk.Page;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.PresenceClient;
import io.github.presencesdk.PresenceState;
import io.github.presencesdk.talkdesk.TalkdeskClient;
import io.github.presencesdk.talkdesk.TalkdeskCustomStatus;
import io.github.presencesdk.talkdesk.TalkdeskPresence;
import io.github.presencesdk.talkdesk.TalkdeskStatus;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.ExtensionPresencePage;
import io.github.presencesdk.voipnow.ListPresenceRequest;
import io.github.presencesdk.voipnow.VoipNowClient;
import io.github.presencesdk.vonage.AvailabilitySummary;
import io.github.presencesdk.vonage.AvailabilitySummaryRequest;
import io.github.presencesdk.vonage.VonageClient;
import io.github.presencesdk.vonage.VonagePresence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;

/**
 * The operations of the matrix, sync and async, and the fake vendors that answer them. An async
 * form is its sync form with another call: the same requests, answers and checks.
 */
final class Operations {
  private Operations() {}

  static List<Operation> all() {
    return List.of(
        new VccPresences(),
        new VccPresencesAsync(),
        new VccPresence(),
        new VccPresenceAsync(),
        new VccSetPresence(),
        new VccPresenceDefinitions(),
        new VccAvailabilitySummary(),
        new TalkdeskPresences(),
        new TalkdeskPresencesAsync(),
        new TalkdeskPresenceOne(),
        new TalkdeskPresenceOneAsync(),
        new TalkdeskUpdateStatus(),
        new TalkdeskCustomStatuses(),
        new VoipNowPresences(),
        new VoipNowPresencesAsync(),
        new VoipNowPresenceOne(),
        new VoipNowPresenceOneAsync(),
        new VoipNowList(),
        new VoipNowListAsync(),
        new VoipNowListPage(),
        new VoipNowPagesByHand(),
        new VoipNowPagesByHandAsync());
  }

  /**
   * An operation of one vendor: its client, and the fields of the answers that its operations share
   * (an operation may override them).
   */
  abstract static class VendorOperation extends Operation {
    private final Function<Env, PresenceClient<?>> clients;
    private final Map<String, Object> unknownEnumValues;
    private final Set<String> optionalFields;
    private final Set<String> requiredFields;

    VendorOperation(
        String vendor,
        String name,
        boolean retrySafe,
        Function<Env, PresenceClient<?>> clients,
        Map<String, Object> unknownEnumValues,
        Set<String> optionalFields,
        Set<String> requiredFields) {
      super(vendor, name, retrySafe);
      this.clients = clients;
      this.unknownEnumValues = unknownEnumValues;
      this.optionalFields = optionalFields;
      this.requiredFields = requiredFields;
    }

    @Override
    PresenceClient<?> client(Env env) {
      return clients.apply(env);
    }

    @Override
    Map<String, Object> unknownEnumValues() {
      return unknownEnumValues;
    }

    @Override
    Set<String> optionalFields() {
      return optionalFields;
    }

    @Override
    Set<String> requiredFields() {
      return requiredFields;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Vonage Contact Center

  /** The fake VCC account: 120 users, every tenth unknown, each in one of the four categories. */
  static final class Vcc {
    static final String[] CATEGORIES = {"Ready", "Away", "ExtendedAway", "LoggedOut"};
    static final PresenceState[] STATES = {
      PresenceState.AVAILABLE, PresenceState.AWAY, PresenceState.AWAY, PresenceState.OFFLINE
    };
    static final List<String> USERS =
        IntStream.range(0, 120)
            .mapToObj(i -> String.format("%08x-5c1d-4e2f-9a3b-%012x", 0xdaab0000 + i, i))
            .toList();

    private Vcc() {}

    static boolean known(String id) {
      return USERS.indexOf(id.toLowerCase(java.util.Locale.ROOT)) % 10 != 9;
    }

    static int category(String id) {
      return Math.floorMod(id.toLowerCase(java.util.Locale.ROOT).hashCode(), 4);
    }

    static String presenceId(int category) {
      return String.format("eaed6862-14fa-4114-be62-b8709b5d4a4%d", category);
    }

    static int categoryOfPresenceId(String presenceId) {
      return presenceId.charAt(presenceId.length() - 1) - '0';
    }

    static Map<String, Object> definition(int category) {
      Map<String, Object> type = new LinkedHashMap<>();
      type.put("categoryType", CATEGORIES[category]);
      type.put("description", CATEGORIES[category]);
      Map<String, Object> presence = new LinkedHashMap<>();
      presence.put("presenceId", presenceId(category));
      presence.put("selectable", true);
      presence.put("category", type);
      presence.put("description", CATEGORIES[category] + " presence");
      return presence;
    }

    static Map<String, Object> entry(String userId, int category) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("userId", userId);
      entry.put("updated", "2021-10-22T13:16:26.730Z");
      entry.put("presence", definition(category));
      return entry;
    }

    static VonageClient client(Operation.Env env) {
      return env.configure(VonageClient.builder()).build();
    }

    static void verifyPresence(Presence<?> p, String id, Fault fault) {
      Operation.verifyPresence(
          p, id, fault, STATES[category(id)], CATEGORIES[category(id)], "OnBreak");
      if (fault != Fault.MISSING_OPTIONAL_FIELDS) {
        assertThat(p.updatedAt()).isPresent();
      }
    }

    static Map<String, Object> unknownEnums() {
      return Map.of("categoryType", "OnBreak");
    }

    static Set<String> optional() {
      return Set.of("updated", "description", "selectable");
    }
  }

  abstract static class VccOperation extends VendorOperation {
    VccOperation(String name, boolean retrySafe) {
      super(
          "vonage",
          name,
          retrySafe,
          Vcc::client,
          Vcc.unknownEnums(),
          Vcc.optional(),
          Set.of("presenceId"));
    }
  }

  static class VccPresences extends VccOperation {
    VccPresences() {
      this("presences (bulk, 120 ids in 3 requests)");
    }

    VccPresences(String name) {
      super(name, true);
    }

    @Override
    List<String> requestedIds() {
      List<String> ids = new ArrayList<>(Vcc.USERS);
      ids.addAll(Vcc.USERS.subList(0, 5));
      return ids;
    }

    @Override
    int chunkSize() {
      return 50;
    }

    @Override
    String poisonId() {
      return Vcc.USERS.get(60);
    }

    @Override
    boolean concernsPoison(RecordedRequest request) {
      return ids(request).contains(poisonId());
    }

    private static List<String> ids(RecordedRequest request) {
      String value = request.getUrl().queryParameter("userId");
      return value == null ? List.of() : Arrays.asList(value.split(",", -1));
    }

    @Override
    Object call(PresenceClient<?> client) {
      return client.presences(requestedIds());
    }

    @Override
    Answer good(RecordedRequest request) {
      List<Object> entries = new ArrayList<>();
      for (String id : ids(request)) {
        if (Vcc.known(id)) {
          entries.add(Vcc.entry(id, Vcc.category(id)));
        }
      }
      return Answer.ok(JsonTree.write(entries));
    }

    @Override
    void verify(Object result, Fault fault) {
      verifyBatch(
          result,
          distinctIds().stream().filter(id -> !Vcc.known(id)).toList(),
          (id, p) -> Vcc.verifyPresence(p, id, fault));
    }
  }

  static final class VccPresencesAsync extends VccPresences {
    VccPresencesAsync() {
      super("presencesAsync (bulk, 120 ids in 3 requests)");
    }

    @Override
    Object call(PresenceClient<?> client) {
      return await(client.presencesAsync(requestedIds()));
    }
  }

  static class VccPresence extends VccOperation {
    static final String USER = Vcc.USERS.get(3);

    VccPresence() {
      this("presence");
    }

    VccPresence(String name) {
      super(name, true);
    }

    @Override
    Object call(PresenceClient<?> client) {
      return client.presence(USER);
    }

    @Override
    Answer good(RecordedRequest request) {
      return Answer.ok(JsonTree.write(Vcc.entry(USER, Vcc.category(USER))));
    }

    @Override
    void verify(Object result, Fault fault) {
      Vcc.verifyPresence((Presence<?>) result, USER, fault);
    }
  }

  static final class VccPresenceAsync extends VccPresence {
    VccPresenceAsync() {
      super("presenceAsync");
    }

    @Override
    Object call(PresenceClient<?> client) {
      return await(client.presenceAsync(USER));
    }
  }

  static final class VccSetPresence extends VccOperation {
    static final String USER = Vcc.USERS.get(4);

    VccSetPresence() {
      super("setPresence (PATCH, not safe to repeat)", false);
    }

    @Override
    Object call(PresenceClient<?> client) {
      return ((VonageClient) client).setPresence(USER, Vcc.presenceId(1));
    }

    @Override
    Answer good(RecordedRequest request) {
      String body = request.getBody() == null ? "" : request.getBody().utf8();
      @SuppressWarnings("unchecked")
      Map<String, Object> json = (Map<String, Object>) JsonTree.parse(body);
      int category = Vcc.categoryOfPresenceId((String) json.get("presenceId"));
      return Answer.ok(JsonTree.write(Vcc.entry(USER, category)));
    }

    @Override
    void verify(Object result, Fault fault) {
      @SuppressWarnings("unchecked")
      Presence<VonagePresence> p = (Presence<VonagePresence>) result;
      verifyWritten(p, USER, PresenceState.AWAY, fault);
      assertThat(p.detail().presenceId()).isEqualTo(Vcc.presenceId(1));
    }
  }

  static final class VccPresenceDefinitions extends VccOperation {
    VccPresenceDefinitions() {
      super("presenceDefinitions", true);
    }

    @Override
    Object call(PresenceClient<?> client) {
      return ((VonageClient) client).presenceDefinitions();
    }

    @Override
    Answer good(RecordedRequest request) {
      List<Object> definitions = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        definitions.add(Vcc.definition(c));
      }
      return Answer.ok(JsonTree.write(Map.of("presenceDefinitions", definitions)));
    }

    @Override
    void verify(Object result, Fault fault) {
      @SuppressWarnings("unchecked")
      List<VonagePresence> definitions = (List<VonagePresence>) result;
      assertThat(definitions)
          .extracting(VonagePresence::presenceId)
          .containsExactly(
              Vcc.presenceId(0), Vcc.presenceId(1), Vcc.presenceId(2), Vcc.presenceId(3));
      assertThat(definitions)
          .extracting(VonagePresence::state)
          .containsExactlyElementsOf(
              fault == Fault.UNKNOWN_ENUM_VALUES
                  ? List.of(
                      PresenceState.UNKNOWN,
                      PresenceState.UNKNOWN,
                      PresenceState.UNKNOWN,
                      PresenceState.UNKNOWN)
                  : Arrays.asList(Vcc.STATES));
    }
  }

  static final class VccAvailabilitySummary extends VccOperation {
    static final AvailabilitySummaryRequest REQUEST =
        AvailabilitySummaryRequest.builder()
            .skillGuids("457857dc-19eb-4eb9-b562-c90ca37de447")
            .build();

    VccAvailabilitySummary() {
      super("availabilitySummary (POST, a read)", true);
    }

    @Override
    Object call(PresenceClient<?> client) {
      return ((VonageClient) client).availabilitySummary(REQUEST);
    }

    @Override
    Answer good(RecordedRequest request) {
      Map<String, Object> presence = new LinkedHashMap<>();
      presence.put("Ready", 12);
      presence.put("Away", 8);
      presence.put("ExtendedAway", 5);
      presence.put("LoggedOut", 10);
      Map<String, Object> availability = new LinkedHashMap<>();
      availability.put("available", 8);
      availability.put("incompatiblePresence", 23);
      availability.put("insufficientCapacity", 4);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("presenceSummary", presence);
      body.put("availabilitySummary", availability);
      return Answer.ok(JsonTree.write(body));
    }

    @Override
    Map<String, Object> unknownEnumValues() {
      Map<String, Object> presence = new LinkedHashMap<>();
      presence.put("Ready", 1);
      presence.put("OnBreak", 2);
      return Map.of("presenceSummary", presence);
    }

    @Override
    Set<String> optionalFields() {
      return Set.of("availabilitySummary");
    }

    @Override
    Set<String> requiredFields() {
      return Set.of("presenceSummary", "availabilitySummary");
    }

    @Override
    void verify(Object result, Fault fault) {
      AvailabilitySummary summary = (AvailabilitySummary) result;
      if (fault == Fault.UNKNOWN_ENUM_VALUES) {
        assertThat(summary.ready()).isEqualTo(1);
        assertThat(summary.otherPresenceCounts()).containsEntry("OnBreak", 2);
      } else {
        assertThat(summary.ready()).isEqualTo(12);
        assertThat(summary.away()).isEqualTo(8);
        assertThat(summary.extendedAway()).isEqualTo(5);
        assertThat(summary.loggedOut()).isEqualTo(10);
      }
      if (fault == Fault.MISSING_OPTIONAL_FIELDS) {
        assertThat(summary.available()).isZero();
      } else {
        assertThat(summary.available()).isEqualTo(8);
        assertThat(summary.incompatiblePresence()).isEqualTo(23);
        assertThat(summary.insufficientCapacity()).isEqualTo(4);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Talkdesk

  /** The fake Talkdesk account: six users, the fifth unknown (404). */
  static final class Talkdesk {
    static final List<String> USERS =
        IntStream.range(0, 6).mapToObj(i -> String.format("5f1e3c2a9b%014x", i + 1)).toList();
    static final String UNKNOWN = USERS.get(4);
    static final String[] STATUSES = {"available", "away", "offline"};
    static final PresenceState[] STATES = {
      PresenceState.AVAILABLE, PresenceState.AWAY, PresenceState.OFFLINE
    };

    private Talkdesk() {}

    static int status(String id) {
      return USERS.indexOf(id) % 3;
    }

    static Map<String, Object> presence(String id, String status) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", "evt-" + id);
      p.put("user_id", id);
      p.put("account_id", "acc-1");
      p.put("status", status);
      p.put("custom_status", "Lunch");
      p.put("custom_status_id", "cs-1");
      p.put("occupancy", 0);
      p.put("channels", List.of(Map.of("name", "voice", "devices", List.of("d1"), "occupancy", 0)));
      p.put("devices", List.of(Map.of("id", "d1")));
      p.put("interactions", List.of());
      p.put("updated_by", "agent");
      p.put("updated_at", "2024-01-01T10:00:00Z");
      p.put(
          "_links",
          Map.of("self", Map.of("href", "https://api.talkdeskapp.com/users/" + id + "/presence")));
      return p;
    }

    static TalkdeskClient client(Operation.Env env) {
      return env.configure(TalkdeskClient.builder()).build();
    }

    static Operation.Answer presenceAnswer(RecordedRequest request) {
      List<String> segments = request.getUrl().pathSegments();
      String id = segments.get(1);
      if (id.equals(UNKNOWN) || !USERS.contains(id)) {
        return new Operation.Answer(404, "{\"code\":\"3900404\",\"message\":\"User not found\"}");
      }
      return Operation.Answer.ok(JsonTree.write(presence(id, STATUSES[status(id)])));
    }

    static void verifyPresence(Presence<?> p, String id, Fault fault) {
      PresenceState state = STATES[status(id)];
      if (fault == Fault.MISSING_OPTIONAL_FIELDS && state == PresenceState.AVAILABLE) {
        // Without occupancy and interactions nothing says an available user is free.
        state = PresenceState.UNKNOWN;
      }
      Operation.verifyPresence(p, id, fault, state, STATUSES[status(id)], "on_break");
    }

    static Set<String> optional() {
      return Set.of(
          "id",
          "account_id",
          "custom_status",
          "custom_status_id",
          "occupancy",
          "channels",
          "devices",
          "interactions",
          "updated_by",
          "updated_at",
          "_links");
    }
  }

  abstract static class TalkdeskOperation extends VendorOperation {
    TalkdeskOperation(String name, boolean retrySafe) {
      super(
          "talkdesk",
          name,
          retrySafe,
          Talkdesk::client,
          Map.of("status", "on_break"),
          Talkdesk.optional(),
          Set.of("status"));
    }
  }

  static class TalkdeskPresences extends TalkdeskOperation {
    TalkdeskPresences() {
      this("presences (bulk, 6 ids, one request each)");
    }

    TalkdeskPresences(String name) {
      super(name, true);
    }

    @Override
    List<String> requestedIds() {
      List<String> ids = new ArrayList<>(Talkdesk.USERS);
      ids.add(Talkdesk.USERS.get(0));
      return ids;
    }

    @Override
    int chunkSize() {
      return 1;
    }

    @Override
    String poisonId() {
      return Talkdesk.USERS.get(2);
    }

    @Override
    boolean concernsPoison(RecordedRequest request) {
      return request.getUrl().pathSegments().get(1).equals(poisonId());
    }

    @Override
    Object call(PresenceClient<?> client) {
      return client.presences(requestedIds());
    }

    @Override
    Answer good(RecordedRequest request) {
      return Talkdesk.presenceAnswer(request);
    }

    @Override
    void verify(Object result, Fault fault) {
      verifyBatch(
          result, List.of(Talkdesk.UNKNOWN), (id, p) -> Talkdesk.verifyPresence(p, id, fault));
    }
  }

  static final class TalkdeskPresencesAsync extends TalkdeskPresences {
    TalkdeskPresencesAsync() {
      super("presencesAsync (bulk, 6 ids, one request each)");
    }

    @Override
    Object call(PresenceClient<?> client) {
      return await(client.presencesAsync(requestedIds()));
    }
  }

  static class TalkdeskPresenceOne extends TalkdeskOperation {
    static final String USER = Talkdesk.USERS.get(1);

    TalkdeskPresenceOne() {
      this("presence");
    }

    TalkdeskPresenceOne(String name) {
      super(name, true);
    }

    @Override
    Object call(PresenceClient<?> client) {
      return client.presence(USER);
    }

    @Override
    Answer good(RecordedRequest request) {
      return Talkdesk.presenceAnswer(request);
    }

    @Override
    void verify(Object result, Fault fault) {
      Talkdesk.verifyPresence((Presence<?>) result, USER, fault);
    }
  }

  static final class TalkdeskPresenceOneAsync extends TalkdeskPresenceOne {
    TalkdeskPresenceOneAsync() {
      super("presenceAsync");
    }

    @Override
    Object call(PresenceClient<?> client) {
      return await(client.presenceAsync(USER));
    }
  }

  static final class TalkdeskUpdateStatus extends TalkdeskOperation {
    static final String USER = Talkdesk.USERS.get(0);

    TalkdeskUpdateStatus() {
      super("updateStatus (PUT, idempotent)", true);
    }

    @Override
    Object call(PresenceClient<?> client) {
      return ((TalkdeskClient) client).updateStatus(USER, TalkdeskStatus.AWAY);
    }

    @Override
    Answer good(RecordedRequest request) {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) JsonTree.parse(request.getBody().utf8());
      return Answer.ok(JsonTree.write(Talkdesk.presence(USER, (String) body.get("status"))));
    }

    /**
     * Talkdesk may answer a status change without a presence; the change was made whatever the body
     * holds, so a body that is not a presence gives an empty result, not a failure.
     */
    @Override
    Class<? extends RuntimeException> expectedForBodyFault(Fault fault) {
      return null;
    }

    @Override
    void verify(Object result, Fault fault) {
      @SuppressWarnings("unchecked")
      Optional<Presence<TalkdeskPresence>> p = (Optional<Presence<TalkdeskPresence>>) result;
      if (fault.kind == Fault.Kind.BAD_BODY || fault.kind == Fault.Kind.MISSING_REQUIRED) {
        assertThat(p).isEmpty();
        return;
      }
      assertThat(p).isPresent();
      verifyWritten(p.get(), USER, PresenceState.AWAY, fault);
    }
  }

  static final class TalkdeskCustomStatuses extends TalkdeskOperation {
    TalkdeskCustomStatuses() {
      super("customStatuses", true);
    }

    @Override
    Object call(PresenceClient<?> client) {
      return ((TalkdeskClient) client).customStatuses();
    }

    @Override
    Answer good(RecordedRequest request) {
      return Answer.ok(
          "{\"custom_status\":[{\"id\":\"cs-1\",\"display_name\":\"Lunch\"},"
              + "{\"id\":\"cs-2\",\"display_name\":\"Training\"}]}");
    }

    @Override
    Map<String, Object> unknownEnumValues() {
      return Map.of();
    }

    @Override
    Set<String> optionalFields() {
      return Set.of("display_name");
    }

    @Override
    Set<String> requiredFields() {
      return Set.of("id");
    }

    @Override
    void verify(Object result, Fault fault) {
      @SuppressWarnings("unchecked")
      List<TalkdeskCustomStatus> statuses = (List<TalkdeskCustomStatus>) result;
      assertThat(statuses).extracting(TalkdeskCustomStatus::id).containsExactly("cs-1", "cs-2");
      if (fault != Fault.MISSING_OPTIONAL_FIELDS) {
        assertThat(statuses.get(0).displayName()).contains("Lunch");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // VoipNow

  /** The fake VoipNow host: seven extensions of {@code @me}, statuses 1, 2, 3 in turn. */
  static final class VoipNow {
    static final List<String> EXTENSIONS =
        IntStream.rangeClosed(1, 7).mapToObj(i -> "0003*20" + i).toList();
    static final PresenceState[] STATES = {
      PresenceState.AVAILABLE, PresenceState.BUSY, PresenceState.BUSY
    };

    private VoipNow() {}

    static int status(String extension) {
      return EXTENSIONS.indexOf(extension) % 3 + 1;
    }

    static VoipNowClient client(Operation.Env env) {
      return env.configure(VoipNowClient.builder())
          .maxCount(3)
          .bulkChunkSize(2)
          .maxConcurrency(4)
          .build();
    }

    static Operation.Answer page(RecordedRequest request) {
      var url = request.getUrl();
      List<String> matching = EXTENSIONS;
      String op = url.queryParameter("filterOp");
      String value = url.queryParameter("filterValue");
      if ("equals".equals(op)) {
        matching = EXTENSIONS.stream().filter(e -> e.equals(value)).toList();
      } else if ("inArray".equals(op)) {
        List<String> wanted = Arrays.asList(value.split(","));
        matching = EXTENSIONS.stream().filter(wanted::contains).toList();
      }
      int count = Integer.parseInt(url.queryParameter("count"));
      int start = Integer.parseInt(url.queryParameter("startIndex"));
      List<String> slice =
          matching.subList(
              Math.min(start, matching.size()), Math.min(start + count, matching.size()));
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("startIndex", start);
      page.put("totalResults", matching.size());
      page.put("itemsPerPage", slice.size());
      page.put("filtered", op != null);
      page.put("sorted", false);
      page.put("entry", slice.stream().map(VoipNow::entry).collect(Collectors.toList()));
      return Operation.Answer.ok(JsonTree.write(page));
    }

    static Map<String, Object> entry(String extension) {
      Map<String, Object> registration = new LinkedHashMap<>();
      registration.put("agent", "Polycom VVX");
      registration.put("registration", 1);
      registration.put("status", "ok");
      registration.put("expire", "2030-01-01T00:00:00Z");
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("extension", extension);
      entry.put("status", status(extension));
      entry.put("registration", List.of(registration));
      return entry;
    }

    static void verifyEntry(ExtensionPresence entry, String extension, Fault fault) {
      assertThat(entry.extension()).isEqualTo(extension);
      assertThat(entry.normalizedState())
          .isEqualTo(
              fault == Fault.UNKNOWN_ENUM_VALUES
                  ? PresenceState.UNKNOWN
                  : STATES[status(extension) - 1]);
    }
  }

  abstract static class VoipNowOperation extends VendorOperation {
    VoipNowOperation(String name) {
      super(
          "voipnow",
          name,
          true,
          VoipNow::client,
          Map.of("status", 7),
          Set.of("registration", "itemsPerPage", "filtered", "sorted", "startIndex"),
          Set.of("totalResults"));
    }

    @Override
    Answer good(RecordedRequest request) {
      return VoipNow.page(request);
    }
  }

  static class VoipNowPresences extends VoipNowOperation {
    VoipNowPresences() {
      this("presences (bulk, 5 ids in 3 requests)");
    }

    VoipNowPresences(String name) {
      super(name);
    }

    @Override
    List<String> requestedIds() {
      return List.of("0003*201", "0003*202", "0003*203", "0003*299", "0003*204", "0003*202");
    }

    @Override
    int chunkSize() {
      return 2;
    }

    @Override
    String poisonId() {
      return "0003*203";
    }

    @Override
    boolean concernsPoison(RecordedRequest request) {
      String value = request.getUrl().queryParameter("filterValue");
      return value != null && Arrays.asList(value.split(",")).contains(poisonId());
    }

    @Override
    Object call(PresenceClient<?> client) {
      return client.presences(requestedIds());
    }

    @Override
    void verify(Object result, Fault fault) {
      assertThat(((PresenceBatch<?>) result).asMap().keySet())
          .containsExactly("0003*201", "0003*202", "0003*203", "0003*204");
      verifyBatch(
          result,
          List.of("0003*299"),
          (id, p) -> VoipNow.verifyEntry((ExtensionPresence) p.detail(), id, fault));
    }
  }

  static final class VoipNowPresencesAsync extends VoipNowPresences {
    VoipNowPresencesAsync() {
      super("presencesAsync (bulk, 5 ids in 3 requests)");
    }

    @Override
    Object call(PresenceClient<?> client) {
      return await(client.presencesAsync(requestedIds()));
    }
  }

  static class VoipNowPresenceOne extends VoipNowOperation {
    VoipNowPresenceOne() {
      this("presence");
    }

    VoipNowPresenceOne(String name) {
      super(name);
    }

    @Override
    Object call(PresenceClient<?> client) {
      return client.presence("0003*202");
    }

    @Override
    void verify(Object result, Fault fault) {
      @SuppressWarnings("unchecked")
      Presence<ExtensionPresence> p = (Presence<ExtensionPresence>) result;
      assertThat(p.userId()).isEqualTo("0003*202");
      VoipNow.verifyEntry(p.detail(), "0003*202", fault);
    }
  }

  static final class VoipNowPresenceOneAsync extends VoipNowPresenceOne {
    VoipNowPresenceOneAsync() {
      super("presenceAsync");
    }

    @Override
    Object call(PresenceClient<?> client) {
      return await(client.presenceAsync("0003*202"));
    }
  }

  static class VoipNowList extends VoipNowOperation {
    VoipNowList() {
      this("list (auto-paging, 7 entries in 3 pages)");
    }

    VoipNowList(String name) {
      super(name);
    }

    @Override
    int requestsWhenClean() {
      return 3;
    }

    @Override
    Object call(PresenceClient<?> client) {
      List<ExtensionPresence> all = new ArrayList<>();
      ((VoipNowClient) client).list().forEach(all::add);
      return all;
    }

    @Override
    void verify(Object result, Fault fault) {
      @SuppressWarnings("unchecked")
      List<ExtensionPresence> all = (List<ExtensionPresence>) result;
      assertThat(all)
          .extracting(ExtensionPresence::extension)
          .containsExactlyElementsOf(VoipNow.EXTENSIONS);
      all.forEach(e -> VoipNow.verifyEntry(e, e.extension(), fault));
    }
  }

  static final class VoipNowListAsync extends VoipNowList {
    VoipNowListAsync() {
      super("list toListAsync (auto-paging, 7 entries in 3 pages)");
    }

    @Override
    Object call(PresenceClient<?> client) {
      return await(((VoipNowClient) client).list().toListAsync());
    }
  }

  /** The first page with {@code listPage}, then each next one with {@code nextPage()}. */
  static final class VoipNowPagesByHand extends VoipNowList {
    VoipNowPagesByHand() {
      super("listPage then nextPage (7 entries in 3 pages)");
    }

    @Override
    Object call(PresenceClient<?> client) {
      Page<ExtensionPresence> page =
          ((VoipNowClient) client).listPage(ListPresenceRequest.builder().count(3).build());
      List<ExtensionPresence> all = new ArrayList<>(page.items());
      while (page.hasNextPage()) {
        page = page.nextPage();
        all.addAll(page.items());
      }
      return all;
    }
  }

  /** The first page with {@code listPageAsync}, then each next one with {@code nextPageAsync()}. */
  static final class VoipNowPagesByHandAsync extends VoipNowList {
    VoipNowPagesByHandAsync() {
      super("listPageAsync then nextPageAsync (7 entries in 3 pages)");
    }

    @Override
    Object call(PresenceClient<?> client) {
      Page<ExtensionPresence> page =
          await(
              ((VoipNowClient) client)
                  .listPageAsync(ListPresenceRequest.builder().count(3).build()));
      List<ExtensionPresence> all = new ArrayList<>(page.items());
      while (page.hasNextPage()) {
        page = await(page.nextPageAsync());
        all.addAll(page.items());
      }
      return all;
    }
  }

  static final class VoipNowListPage extends VoipNowOperation {
    VoipNowListPage() {
      super("listPage");
    }

    @Override
    Object call(PresenceClient<?> client) {
      return ((VoipNowClient) client).listPage(ListPresenceRequest.builder().count(3).build());
    }

    @Override
    void verify(Object result, Fault fault) {
      ExtensionPresencePage page = (ExtensionPresencePage) result;
      assertThat(page.totalResults()).isEqualTo(7);
      assertThat(page.hasNextPage()).isTrue();
      assertThat(page.entries())
          .extracting(ExtensionPresence::extension)
          .containsExactlyElementsOf(VoipNow.EXTENSIONS.subList(0, 3));
      page.entries().forEach(e -> VoipNow.verifyEntry(e, e.extension(), fault));
    }
  }
}
