package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import java.util.List;
import java.util.Map;
import org.tingsted.protocol.Ballot;
import org.tingsted.protocol.Choice;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.server.TableClient;

/**
 * Pictures in the README: the published report on a tablet (1024×768) and the console on a
 * laptop (1280×900), with a table in the middle of its work (the member app's are taken in
 * every phase by MemberTaskBrowserTest). Written into docs/screenshots
 * of the project (the tests run in server/), so a run of the tests refreshes them.
 */
@DisplayName("In a browser: the README's screenshots")
class ScreenshotsBrowserTest extends BrowserFixture {

  static final Path DIR = Path.of("..", "docs", "screenshots");

  @BeforeEach
  void scene() {
    TableScene.setUp(live);
  }

  @Test
  @DisplayName("the published report on a tablet, with a recommendation made from the table's group")
  void theReport() throws IOException {
    var seats = live.members.get(0);
    try (TableClient lead = live.join(live.lead);
         TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient anna = live.join(seats.get(0));
         TableClient bo = live.join(seats.get(1))) {
      // The scene's open dots vote on p1 (benches), p2 (yards), p3 (bikes); the group k1 holds p1 and p2.
      ack(anna.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of("p1", 3, "p2", 2)))));
      ack(bo.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of("p2", 3, "p3", 2)))));
      ack(facilitator.call(new VoteCommand.CloseVote(id(), null, "v1")));
      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(0), null, "k1", "Byrum for alle",
          "Kommunen sætter bænke ved alle busstoppesteder og åbner grønne gårde for naboerne om aftenen.")));
      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(0), "p3", null, null, null)));
      ack(lead.call(new PlenaryCommand.OpenFinalVote(id(), List.of("d1", "d2"), 0.5)));
      ack(anna.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT, "d2", Choice.SUPPORT))));
      ack(bo.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT, "d2", Choice.OPPOSE))));
      ack(lead.call(new PlenaryCommand.CloseFinalVote(id(), "f1")));
      ack(lead.call(new PlenaryCommand.PublishReport(id())));
    }
    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    b.go(Links.base(live) + "/reports/" + live.assembly.id() + "/" + live.session.id() + "?format=html");
    b.until(d -> d.findElement(By.tagName("body")).getText().contains("Gruppens forslag") ? Boolean.TRUE : null);
    Path file = DIR.resolve("report.png");
    b.screenshot(file);
    assertSize(file, Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
  }

  @Test
  @DisplayName("the console on a laptop")
  void theConsole() throws IOException {
    Console console = console();
    console.browser.visible(Browser.hook("open-vote"));
    Path file = DIR.resolve("console.png");
    console.browser.screenshot(file);
    assertSize(file, Console.WIDTH, Console.HEIGHT);
  }

  static void assertSize(Path file, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
  }
}
