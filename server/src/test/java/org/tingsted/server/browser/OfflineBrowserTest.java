package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tingsted.protocol.EventKind;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.server.TableClient;

/**
 * A tablet loses the network, its member goes on proposing, and when the network is back the
 * proposal reaches the table once: the browser's outbox keeps it, and the server applies a
 * command id once.
 */
@DisplayName("In a browser: offline and back")
class OfflineBrowserTest extends BrowserFixture {

  private static final String TITLE = "Forslag skrevet uden net";

  @Test
  @DisplayName("a proposal made offline is shown as pending, and lands exactly once when the tablet is back online")
  void proposeOffline() {
    String stream = live.stream(0);
    try (Cable cable = Cable.to(live.clients, live.node.port());
         TableClient table = live.join(live.facilitators.get(0))) {
      MemberApp anna = new MemberApp(browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT))
          .open(Links.join(live, live.members.get(0).get(0), cable));
      // Offline: the cable is pulled (the open socket closes, reconnects are refused), and the
      // browser is told it is offline (Chrome's network emulation: navigator.onLine, 'offline').
      cable.unplug();
      anna.browser.network(false);
      anna.browser.awaitStatus("offline");
      assertThat(anna.browser.present(hook("status")).getText()).isNotBlank();

      anna.propose(TITLE, "Skrevet i kælderen, hvor der ikke er dækning.");
      var pendingCard = anna.browser.until(d -> anna.cardsTitled(TITLE).stream()
          .filter(card -> !card.findElements(hook("pending")).isEmpty()
              && card.findElement(hook("pending")).isDisplayed())
          .findFirst().orElse(null));
      assertThat(pendingCard.getDomAttribute("data-test")).isEqualTo("proposal-pending");
      assertThat(anna.browser.driver.findElements(By.cssSelector("[data-test=\"proposal\"]"))).isEmpty();

      // Back online: the app reconnects by itself and sends its outbox.
      cable.plugIn();
      anna.browser.network(true);
      anna.browser.awaitStatus("online");
      String proposal = anna.proposal(TITLE);
      anna.browser.until(d -> anna.cardsTitled(TITLE).size() == 1
          && anna.cardsTitled(TITLE).get(0).findElements(hook("pending")).stream().noneMatch(e -> e.isDisplayed())
          ? Boolean.TRUE : null);

      // The table's stream, as another member's socket reads it: the proposal is there once.
      // A command of the facilitator's after it marks the point up to which the stream is read.
      var sentinel = TableClient.ack(table.call(new ProposalCommand.Propose(TableClient.id(), null, "Efter", "Sidste.")));
      List<Push.Event> events = table.awaitEvents(stream, sentinel.seq().intValue());
      List<Push.Event> proposed = events.stream()
          .filter(e -> EventKind.PROPOSED.wire().equals(e.kind()))
          .filter(e -> TITLE.equals(e.data().path("title").asText()))
          .toList();
      assertThat(proposed).as("proposed events of the offline proposal").hasSize(1);
      assertThat(proposed.get(0).data().get("proposal").asText()).isEqualTo(proposal);
      assertThat(anna.cardsTitled(TITLE)).hasSize(1);
    }
  }
}
