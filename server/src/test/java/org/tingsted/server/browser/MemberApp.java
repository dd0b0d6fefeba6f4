package org.tingsted.server.browser;

import static org.tingsted.server.browser.Browser.hook;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The member app (index.html) as a person uses it, by the contract's data-test hooks only.
 * Every read waits for what it expects; nothing sleeps.
 */
final class MemberApp {

  /** A proposal card, acknowledged or still being sent. */
  static final By CARDS = By.cssSelector("[data-test=\"proposal\"], [data-test=\"proposal-pending\"]");

  final Browser browser;

  MemberApp(Browser browser) {
    this.browser = browser;
  }

  /**
   * Shows one of the app's views (propose, board, vote, plenary, table) by its tab, as a person
   * taps it, unless it is shown already.
   */
  MemberApp view(String name) {
    By view = By.id("view-" + name);
    browser.present(view);
    if (!browser.driver.findElement(view).isDisplayed()) {
      browser.clickable(hook("tab-" + name)).click();
      browser.visible(view);
    }
    return this;
  }

  /** Opens a join link and waits until the app is connected. */
  MemberApp open(String url) {
    browser.go(url);
    browser.awaitStatus("online");
    return this;
  }

  void propose(String title, String text) {
    view("propose");
    WebElement t = browser.visible(hook("propose-title"));
    t.clear();
    t.sendKeys(title);
    WebElement x = browser.visible(hook("propose-text"));
    x.clear();
    x.sendKeys(text);
    browser.clickable(hook("propose-submit")).click();
  }

  /** Waits for the acknowledged card with this title; returns the proposal's id. */
  String proposal(String title) {
    view("board");
    return browser.until(d -> d.findElements(hook("proposal")).stream()
        .filter(card -> card.getDomAttribute("data-id") != null)
        .filter(card -> card.findElements(hook("proposal-title")).stream().anyMatch(e -> title.equals(e.getText())))
        .map(card -> card.getDomAttribute("data-id"))
        .findFirst().orElse(null));
  }

  /** Every card with this title, acknowledged or pending. */
  List<WebElement> cardsTitled(String title) {
    view("board");
    return browser.all(CARDS).stream()
        .filter(card -> card.findElements(hook("proposal-title")).stream().anyMatch(e -> title.equals(e.getText())))
        .toList();
  }

  WebElement card(String proposal) {
    view("board");
    return browser.present(hook("proposal", proposal));
  }

  void comment(String proposal, String kind, String text) {
    WebElement card = openComments(proposal);
    new Select(card.findElement(hook("comment-kind"))).selectByValue(kind);
    WebElement field = card.findElement(hook("comment-text"));
    field.clear();
    field.sendKeys(text);
    card.findElement(hook("comment-submit")).click();
  }

  /** Opens the comments of a proposal's card (a tap on "Kommentarer"), unless they are open. */
  WebElement openComments(String proposal) {
    WebElement card = card(proposal);
    WebElement toggle = browser.until(d -> card.findElements(hook("comments-toggle")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    if (!"true".equals(toggle.getDomAttribute("aria-expanded"))) {
      toggle.click();
    }
    browser.until(d -> card.findElements(By.cssSelector(".comments-box")).stream().anyMatch(WebElement::isDisplayed) ? Boolean.TRUE : null);
    return card;
  }

  /** Waits until the card shows an acknowledged comment with this text. */
  void awaitComment(String proposal, String text) {
    openComments(proposal);
    browser.until(d -> d.findElements(By.cssSelector("[data-test=\"proposal\"][data-id=\"" + proposal
            + "\"] [data-test=\"comment\"]")).stream()
        .anyMatch(c -> c.getText().contains(text)) ? Boolean.TRUE : null);
  }

  /** Creates a cluster and waits for it; returns its id. */
  String createCluster(String name) {
    view("board");
    WebElement field = browser.visible(hook("cluster-new-name"));
    field.clear();
    field.sendKeys(name);
    browser.clickable(hook("cluster-create")).click();
    return cluster(name);
  }

  /** Waits for the acknowledged cluster with this name; returns its id. */
  String cluster(String name) {
    view("board");
    return browser.until(d -> d.findElements(hook("cluster")).stream()
        .filter(k -> k.getDomAttribute("data-id") != null)
        .filter(k -> k.findElements(hook("cluster-name")).stream().anyMatch(e -> name.equals(e.getText())))
        .map(k -> k.getDomAttribute("data-id"))
        .findFirst().orElse(null));
  }

  /** The cluster the card says it is in: its keyboard alternative's value ("" for none). */
  String clusterOf(String proposal) {
    view("board");
    var select = browser.driver.findElements(By.cssSelector(
        "[data-test=\"proposal\"][data-id=\"" + proposal + "\"] [data-test=\"move-to-cluster\"]"));
    return select.isEmpty() ? null : select.get(0).getDomProperty("value");
  }

  /** Waits until the card is shown in the cluster: in its drop zone, with its select on it. */
  void awaitInCluster(String proposal, String cluster) {
    view("board");
    By inZone = By.cssSelector("[data-test=\"cluster\"][data-id=\"" + cluster + "\"] [data-test=\"cluster-drop\"] "
        + "[data-test=\"proposal\"][data-id=\"" + proposal + "\"]");
    browser.until(d -> !d.findElements(inZone).isEmpty() && cluster.equals(clusterOf(proposal)) ? Boolean.TRUE : null);
  }

  /** The non-drag way: the group chosen in the card's select, then its "Flyt" button. */
  void moveWithSelect(String proposal, String cluster) {
    view("board");
    WebElement select = browser.present(By.cssSelector(
        "[data-test=\"proposal\"][data-id=\"" + proposal + "\"] [data-test=\"move-to-cluster\"]"));
    browser.until(d -> new Select(select).getOptions().stream()
        .anyMatch(o -> cluster.equals(o.getDomAttribute("value"))) ? Boolean.TRUE : null);
    new Select(select).selectByValue(cluster);
    browser.present(By.cssSelector(
        "[data-test=\"proposal\"][data-id=\"" + proposal + "\"] [data-test=\"move-confirm\"]")).click();
  }

  /**
   * Drags the card by its handle into the cluster's drop zone, as a finger or mouse does:
   * press, move a little (SortableJS starts a drag only after a move), move onto the zone, release.
   * (WebDriver's one-step {@code Actions.dragAndDrop} does not start SortableJS's drag in Chromium:
   * tried, the card stays where it was; this step-by-step sequence does.)
   */
  void dragIntoCluster(String proposal, String cluster) {
    view("board");
    WebElement card = card(proposal);
    List<WebElement> handles = card.findElements(By.cssSelector(".drag-handle"));
    WebElement grip = handles.isEmpty() ? card : handles.get(0);
    WebElement zone = browser.visible(By.cssSelector(
        "[data-test=\"cluster\"][data-id=\"" + cluster + "\"] [data-test=\"cluster-drop\"]"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", zone);
    new Actions(browser.driver)
        .moveToElement(grip)
        .clickAndHold()
        .moveByOffset(5, 5)
        .moveByOffset(10, 10)
        .moveToElement(zone)
        .moveByOffset(0, 5)
        .release()
        .perform();
  }

  /** Waits for an open vote of this method; returns its id. */
  String awaitVote(String method) {
    view("vote");
    return browser.until(d -> d.findElements(By.cssSelector("[data-test=\"vote\"][data-method=\"" + method + "\"]"))
        .stream().map(v -> v.getDomAttribute("data-id")).filter(id -> id != null).findFirst().orElse(null));
  }

  /** Puts dots on items and submits the ballot. */
  void castDots(String vote, Map<String, Integer> dots) {
    view("vote");
    WebElement form = browser.present(hook("vote", vote));
    dots.forEach((item, n) -> {
      WebElement input = form.findElement(By.cssSelector("[data-test=\"dots\"][data-item=\"" + item + "\"]"));
      input.clear();
      input.sendKeys(Integer.toString(n));
    });
    form.findElement(hook("ballot-submit")).click();
  }

  /** Waits for the published result's line of one item; returns its text (the item's figures). */
  String awaitResultOf(String vote, String item) {
    view("vote");
    return browser.visible(By.cssSelector("[data-test=\"result\"][data-vote=\"" + vote + "\"] [data-item=\"" + item + "\"]"))
        .getText();
  }

  /** Waits for the published result of the vote; returns its text. */
  String awaitResult(String vote) {
    view("vote");
    return browser.visible(By.cssSelector("[data-test=\"result\"][data-vote=\"" + vote + "\"]")).getText();
  }
}
