package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pictures in the README: the member app on a tablet (1024×768) and the console on a
 * laptop (1280×900), each with a table in the middle of its work. Written into docs/screenshots
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
  @DisplayName("the member app on a tablet")
  void theMemberApp() throws IOException {
    MemberApp app = memberApp(0);
    app.awaitVote("dots");
    app.browser.withText(Browser.hook("announcement"), "Pause");
    Path file = DIR.resolve("member-app.png");
    app.browser.screenshot(file);
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

  private static void assertSize(Path file, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
  }
}
