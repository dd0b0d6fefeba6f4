package org.tingsted.server.browser;

import static org.tingsted.server.browser.Browser.hook;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The facilitators' console (console.html#token) as a table facilitator uses it, by data-test hooks. */
final class Console {

  static final int WIDTH = 1280;
  static final int HEIGHT = 900;

  final Browser browser;

  Console(Browser browser) {
    this.browser = browser;
  }

  Console open(String url) {
    browser.go(url);
    browser.awaitStatus("online");
    browser.visible(hook("console-table"));
    return this;
  }

  /** Opens a vote of this method on these items (proposal or cluster ids); returns the vote's id. */
  String openVote(String method, List<String> items) {
    List<String> before = browser.all(hook("console-vote")).stream().map(e -> e.getDomAttribute("data-id")).toList();
    new Select(browser.visible(hook("vote-method"))).selectByValue(method);
    for (String item : items) {
      By box = By.cssSelector("[data-test=\"vote-item\"][value=\"" + item + "\"]");
      WebElement check = browser.clickable(box);
      if (!check.isSelected()) {
        check.click();
      }
    }
    browser.clickable(hook("open-vote")).click();
    return browser.until(d -> d.findElements(hook("console-vote")).stream()
        .filter(e -> "open".equals(e.getDomAttribute("data-status")))
        .map(e -> e.getDomAttribute("data-id"))
        .filter(id -> id != null && !before.contains(id))
        .findFirst().orElse(null));
  }

  /** Waits until the console counts this many ballots in the vote (its text names the number). */
  void awaitBallots(String vote, int ballots) {
    By count = By.cssSelector("[data-test=\"console-vote\"][data-id=\"" + vote + "\"] [data-test=\"ballot-count\"]");
    browser.until(d -> d.findElements(count).stream()
        .anyMatch(e -> e.getText().matches("^\\D*" + ballots + "\\b.*")) ? Boolean.TRUE : null);
  }

  void closeVote(String vote) {
    browser.clickable(By.cssSelector("[data-test=\"console-vote\"][data-id=\"" + vote + "\"] [data-test=\"close-vote\"]")).click();
    browser.until(d -> d.findElements(By.cssSelector(
        "[data-test=\"console-vote\"][data-id=\"" + vote + "\"][data-status=\"closed\"]")).isEmpty() ? null : Boolean.TRUE);
  }

  void publishResult(String vote) {
    browser.clickable(By.cssSelector("[data-test=\"console-vote\"][data-id=\"" + vote + "\"] [data-test=\"publish-result\"]")).click();
  }
}
