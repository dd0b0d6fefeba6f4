package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tingsted.protocol.Protocol;
import org.tingsted.server.TableClient;
import org.tingsted.server.roster.Member;

/**
 * A member opens Tingsted on more screens than the server keeps: the oldest, a tablet, is
 * closed with 4409. It says so in words, does not reconnect by itself (it would close another
 * of the member's screens), and continues when the member asks.
 */
@DisplayName("In a browser: opened on another screen")
class ReplacedBrowserTest extends BrowserFixture {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"tablet, 1024, 768", "phone, 390, 844"})
  @DisplayName("a screen replaced by the member's newer screens says it is open on another screen, waits, and continues when asked")
  void replacedAndContinued(String size, int width, int height) throws Exception {
    Member anna = live.members.get(0).get(0);
    MemberApp app = new MemberApp(browser(width, height)).open(Links.join(live, anna));
    app.browser.awaitStatus("online");
    List<TableClient> newer = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        newer.add(live.join(anna));
      }
      app.browser.awaitStatus("replaced");
      assertThat(app.browser.visible(hook("status")).getText()).contains("Tingsted er åbnet på en anden skærm");
      app.browser.visible(hook("status-resume"));
      app.browser.screenshot(Path.of("target", "screenshots", "member-replaced-" + size + ".png"));
      Thread.sleep(2_000);
      assertThat(newer).as("the tablet waited, closing none of the newer screens").noneMatch(TableClient::isClosed);

      app.browser.clickable(hook("status-resume")).click();
      app.browser.awaitStatus("online");
      assertThat(newer.get(0).awaitClosed()).as("the oldest of the rest made way").isEqualTo((short) Protocol.CLOSE_REPLACED);
      assertThat(app.browser.present(hook("status-resume")).isDisplayed()).isFalse();
      assertThat(app.browser.consoleErrors()).isEmpty();
    } finally {
      newer.forEach(TableClient::close);
    }
  }
}
