package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * axe-core finds no serious or critical accessibility violation on the member app and the
 * console, each with a table in the middle of its work on it.
 */
@DisplayName("In a browser: accessibility (axe-core)")
class AccessibilityBrowserTest extends BrowserFixture {

  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  @BeforeEach
  void scene() {
    TableScene.setUp(live);
  }

  @Test
  @DisplayName("the member app has no serious or critical violation")
  void theMemberApp() {
    MemberApp app = memberApp(0);
    app.awaitVote("dots");
    assertNoSeriousViolations("the member app", app.browser);
  }

  @Test
  @DisplayName("the console has no serious or critical violation")
  void theConsole() {
    Console console = console();
    console.browser.visible(Browser.hook("open-vote"));
    assertNoSeriousViolations("the console", console.browser);
  }

  static void assertNoSeriousViolations(String page, Browser browser) {
    Results results = new AxeBuilder().analyze(browser.driver);
    assertThat(results.getErrorMessage()).as("axe-core's own error").isNull();
    assertThat(results.getPasses()).as("rules axe-core checked and passed on " + page).isNotEmpty();
    List<Rule> blocking = results.getViolations().stream()
        .filter(rule -> BLOCKING.contains(rule.getImpact()))
        .toList();
    assertThat(blocking).as(() -> page + " has serious or critical accessibility violations:\n" + describe(blocking))
        .isEmpty();
  }

  private static String describe(List<Rule> rules) {
    return rules.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
            + "\n" + rule.getNodes().stream()
                .map(node -> "    " + node.getTarget() + (node.getFailureSummary() == null ? ""
                    : " – " + node.getFailureSummary().replace('\n', ' ')))
                .collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n"));
  }
}
