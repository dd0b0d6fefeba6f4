package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The member app and the console load under the server's Content-Security-Policy and go online. */
@DisplayName("In a browser: the apps start")
class MemberAppSmokeTest extends BrowserFixture {

  @Test
  @DisplayName("a join link opens the member app, which connects, with no error in the console (no CSP violation)")
  void joinLinkConnects() {
    MemberApp app = memberApp(0);
    assertThat(app.browser.present(hook("status")).getText()).isNotBlank();
    assertThat(app.browser.consoleErrors()).as("errors in the browser console").isEmpty();
  }

  @Test
  @DisplayName("the facilitator's console opens and connects, with no error in the console")
  void consoleConnects() {
    Console console = console();
    assertThat(console.browser.consoleErrors()).as("errors in the browser console").isEmpty();
  }
}
