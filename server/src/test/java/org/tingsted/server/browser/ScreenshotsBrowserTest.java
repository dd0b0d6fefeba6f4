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
import org.tingsted.protocol.PlenaryCommand;
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
  @DisplayName("the published report on a tablet")
  void theReport() throws IOException {
    try (TableClient lead = live.join(live.lead)) {
      ack(lead.call(new PlenaryCommand.PublishReport(id())));
    }
    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    b.go(Links.base(live) + "/reports/" + live.assembly.id() + "/" + live.session.id() + "?format=html");
    b.until(d -> d.findElement(By.tagName("body")).getText().contains(live.assembly.name()) ? Boolean.TRUE : null);
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
