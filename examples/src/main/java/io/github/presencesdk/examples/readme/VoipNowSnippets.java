package io.github.presencesdk.examples.readme;

import io.github.presencesdk.BadRequestException;
import io.github.presencesdk.Presence;
import io.github.presencesdk.PresenceBatch;
import io.github.presencesdk.voipnow.ExtensionPresence;
import io.github.presencesdk.voipnow.ExtensionPresencePage;
import io.github.presencesdk.voipnow.ExtensionStatus;
import io.github.presencesdk.voipnow.ListPresenceRequest;
import io.github.presencesdk.voipnow.ListingWindowExceededException;
import io.github.presencesdk.voipnow.Registration;
import io.github.presencesdk.voipnow.VoipNowClient;
import io.github.presencesdk.voipnow.VoipNowErrorCode;
import io.github.presencesdk.voipnow.VoipNowExtension;
import io.github.presencesdk.voipnow.VoipNowUser;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The VoipNow examples of docs/voipnow.md. */
@SuppressWarnings("UnusedVariable") // the examples name what they read
final class VoipNowSnippets {
  private VoipNowSnippets() {}

  static void configuration(String clientId, String clientSecret) {
    // README: voipnow-configuration
    try (VoipNowClient client =
        VoipNowClient.builder()
            .baseUrl("https://voipnow.example.com") // your VoipNow host
            .clientCredentials(clientId, clientSecret)
            .build()) {
      for (ExtensionPresence entry : client.list()) {
        System.out.println(entry.extension() + " " + entry.normalizedState());
      }
    }
    // README: end
  }

  static void presences(VoipNowClient client) {
    // README: voipnow-presences
    Presence<ExtensionPresence> one = client.presence("0003*210");
    // GET /uapi/extensions/@me/@self/presence?count=1&startIndex=0
    //     &filterBy=extension&filterOp=equals&filterValue=0003*210

    PresenceBatch<ExtensionPresence> many =
        client.presences(List.of("0003*210", "0003*211", "0003*299"));
    // one request per 545 such numbers: ...&filterOp=inArray&filterValue=0003*210,0003*211,0003*299
    Set<String> unknown = many.unknownIds(); // [0003*299] if VoipNow does not list it
    List<Registration> phones = many.presence("0003*210").orElseThrow().detail().registrations();
    // README: end
  }

  static void list(VoipNowClient client) {
    // README: voipnow-list
    for (ExtensionPresence entry : client.list()) { // @me/@self, everything
      System.out.println(entry.extension() + " " + entry.status() + " " + entry.normalizedState());
    }

    List<ExtensionPresence> busy =
        client.list().stream().filter(e -> e.status() == ExtensionStatus.BUSY).toList();

    CompletableFuture<Void> done = client.list().forEachAsync(entry -> handle(entry));
    // README: end
  }

  static void listRequest(VoipNowClient client) {
    // README: voipnow-list-request
    ListPresenceRequest request =
        ListPresenceRequest.builder()
            .user(VoipNowUser.id("12")) // default VoipNowUser.ME
            .extension(VoipNowExtension.SELF) // the default
            .filter(ListPresenceRequest.FilterOp.STARTS_WITH, "0003*2") // filterBy=extension
            .sortOrder(ListPresenceRequest.SortOrder.ASCENDING) // sortOrder=asc
            .fields("status", "registration") // fields=extension,status,registration
            .count(1000) // page size, default maxCount
            .build();
    client.list(request).forEach(entry -> handle(entry));
    // README: end
  }

  static void window(VoipNowClient client) {
    // README: voipnow-window
    try {
      client
          .list(
              ListPresenceRequest.builder()
                  .filter(ListPresenceRequest.FilterOp.CONTAINS, "21")
                  .build())
          .forEach(entry -> handle(entry));
    } catch (ListingWindowExceededException e) {
      System.err.println(e.unreachableEntries() + " entries not reached: " + e.getMessage());
    }
    // README: end
  }

  static void paging(VoipNowClient client) {
    // README: voipnow-paging
    ExtensionPresencePage page = client.listPage(ListPresenceRequest.builder().count(500).build());
    int total = page.totalResults(); // entries in all pages; also startIndex(), itemsPerPage()
    List<ExtensionPresence> entries = page.entries();
    while (page.hasNextPage()) {
      page = page.nextPage(); // same query, startIndex = previous startIndex + entries
    }
    // README: end
  }

  static void errors(VoipNowClient client) {
    // README: voipnow-errors
    try {
      client.listPage(
          ListPresenceRequest.builder().extension(VoipNowExtension.number("0003*210")).build());
    } catch (BadRequestException e) {
      if (VoipNowErrorCode.of(e) == VoipNowErrorCode.EXTENSION_INVALID) {
        // no such extension for this user
      }
    }
    // README: end
  }

  private static void handle(ExtensionPresence entry) {
    System.out.println(entry);
  }
}
