package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Text at 200 % (WCAG 2.2, 1.4.4 Resize text): the pages reflow without sideways scrolling,
 * and what a person needs stays on screen and readable.
 */
@DisplayName("In a browser: text at 200 %")
class ZoomBrowserTest extends BrowserFixture {

  /** The root font size doubled, as a person's browser setting would; then what overflows. */
  private static final String DOUBLE_TEXT = "document.documentElement.style.fontSize = '200%';";
  private static final String SIDEWAYS = "return document.documentElement.scrollWidth - window.innerWidth;";
  private static final String CUT_OFF = """
      const out = [];
      for (const el of document.querySelectorAll(arguments[0])) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < -1 || r.right > window.innerWidth + 1) out.push(el.getAttribute('data-test') + ' runs off the page');
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden') out.push(el.getAttribute('data-test') + ' is cut off');
      }
      return out;""";

  @Test
  @DisplayName("the member app reflows at 200 % text on a tablet: no sideways scrolling, nothing cut off")
  void memberApp() {
    MemberApp app = memberApp(0);
    app.propose("Grønne gårde med plads til alle, også om aftenen", "Træer, bænke og lys i gårdene");
    app.proposal("Grønne gårde med plads til alle, også om aftenen");
    Browser b = app.browser;
    b.script(DOUBLE_TEXT);
    for (String view : List.of("board", "table", "propose")) {
      app.view(view);
      assertThat(((Number) b.script(SIDEWAYS)).intValue()).as("pixels of sideways scrolling in the " + view + " view").isLessThanOrEqualTo(1);
      @SuppressWarnings("unchecked")
      List<String> cut = (List<String>) b.script(CUT_OFF,
          "[data-test=status], [data-test=countdown], [data-test=menu-button], [data-test^=tab-], [data-test=propose-submit], "
              + "[data-test=raise-hand], [data-test=proposal-title], [data-test=comments-toggle], [data-test=propose-title]");
      assertThat(cut).as("controls and texts at 200 % in the " + view + " view").isEmpty();
    }
    assertThat(b.visible(hook("propose-submit")).isDisplayed()).isTrue();
  }

  @Test
  @DisplayName("the facilitator's console reflows at 200 % text")
  void theConsole() {
    Console console = console();
    Browser b = console.browser;
    b.script(DOUBLE_TEXT);
    assertThat(((Number) b.script(SIDEWAYS)).intValue()).as("pixels of sideways scrolling").isLessThanOrEqualTo(1);
    @SuppressWarnings("unchecked")
    List<String> cut = (List<String>) b.script(CUT_OFF,
        "[data-test=console-table], [data-test=give-floor], [data-test=open-vote], [data-test=lang], [data-test=status]");
    assertThat(cut).as("controls at 200 %").isEmpty();
  }
}
