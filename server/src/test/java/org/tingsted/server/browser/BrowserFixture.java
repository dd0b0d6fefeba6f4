package org.tingsted.server.browser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.tingsted.server.LiveAssembly;

/**
 * Each browser test gets a node of its own (a free port, a fresh journal) with one table of
 * members and a facilitator, and closes every browser it opened.
 */
@Timeout(180)
abstract class BrowserFixture {

  LiveAssembly live;
  private final List<Browser> browsers = new ArrayList<>();

  /** How many members sit at the one table. */
  int seats() {
    return 2;
  }

  @BeforeEach
  void startNode() {
    Browser.requireChromium();
    live = LiveAssembly.start(1, seats());
  }

  @AfterEach
  void stopAll() throws Exception {
    try {
      for (Browser b : browsers) {
        try {
          b.close();
        } catch (RuntimeException e) {
          // a browser that already went away
        }
      }
    } finally {
      if (live != null) {
        live.close();
      }
    }
  }

  Browser browser(int width, int height) {
    Browser b = Browser.open(width, height);
    browsers.add(b);
    return b;
  }

  /** A member's tablet with the member app open and connected. */
  MemberApp memberApp(int seat) {
    return new MemberApp(browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT))
        .open(Links.join(live, live.members.get(0).get(seat)));
  }

  /** The table facilitator's console, open and connected. */
  Console console() {
    return new Console(browser(Console.WIDTH, Console.HEIGHT)).open(Links.console(live, live.facilitators.get(0)));
  }
}
