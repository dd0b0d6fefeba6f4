package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;
import static org.tingsted.server.browser.Browser.hook;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.EventKind;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.TimerScope;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.TableClient;

/**
 * What a member does with their hands on the app, and what it must never do to them: move by
 * keyboard only on confirm, refuse a ballot over the budget without sending it, keep what was
 * typed across a reload, show a round timer's end, and explain a broken link without claiming to
 * be offline.
 */
@DisplayName("In browsers: the member app's controls say no, keep what was typed, and show time's up")
class MemberWorkBrowserTest extends BrowserFixture {

  @Test
  @DisplayName("keyboard only: choosing a group moves nothing; the Move button moves the proposal once and keeps the focus")
  void keyboardMove() {
    String benches;
    String cluster;
    try (TableClient sofie = live.join(live.members.get(0).get(1))) {
      benches = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Flere bænke", "Ved busstoppene."))));
      ack(sofie.call(new ClusterCommand.CreateCluster(id(), null, "Byrum", List.of())));
      cluster = "k1";
    }
    TableClient watcher = live.join(live.facilitators.get(0));
    MemberApp app = memberApp(0);
    Browser b = app.browser;
    app.view("board");
    WebElement select = b.visible(By.cssSelector("[data-test=\"proposal\"][data-id=\"" + benches + "\"] [data-test=\"move-to-cluster\"]"));
    b.until(d -> select.findElements(By.cssSelector("option[value=\"" + cluster + "\"]")).isEmpty() ? null : Boolean.TRUE);
    b.script("arguments[0].focus();", select);
    new Actions(b.driver).sendKeys(Keys.ARROW_DOWN).perform();
    assertThat(select.getDomProperty("value")).as("the arrow key chose the group").isEqualTo(cluster);
    assertThat(focusedTest(b)).isEqualTo("move-to-cluster");
    // Nothing moved: the card is still without a group, and nothing is being sent.
    sleep(Duration.ofMillis(800));
    assertThat(b.all(By.cssSelector("#loose [data-test=\"proposal\"][data-id=\"" + benches + "\"]"))).hasSize(1);
    assertThat(b.all(hook("pending")).stream().filter(WebElement::isDisplayed).toList()).isEmpty();

    new Actions(b.driver).sendKeys(Keys.TAB).perform();
    assertThat(focusedTest(b)).isEqualTo("move-confirm");
    new Actions(b.driver).sendKeys(Keys.ENTER).perform();
    app.awaitInCluster(benches, cluster);
    b.until(d -> "move-confirm".equals(focusedTest(b)) ? Boolean.TRUE : null);
    Object inCard = b.script("return document.activeElement.closest('[data-test=proposal]')?.dataset.id ?? null;");
    assertThat(inCard).as("the focus is on the moved proposal's own control").isEqualTo(benches);

    // The move happened once: one moveToCluster event on the table.
    try (watcher) {
      watcher.awaitEvents(live.stream(0), 1);
      sleep(Duration.ofMillis(800));
      long moves = watcher.events(live.stream(0)).stream()
          .filter(e -> EventKind.PROPOSAL_MOVED.wire().equals(e.kind())).count();
      assertThat(moves).isEqualTo(1);
    }
    assertThat(b.consoleErrors()).isEmpty();
  }

  @Test
  @DisplayName("a title of 120 emoji can be typed and is proposed whole; a 121st is not taken, as the protocol counts characters")
  void emojiTitle() {
    TableClient watcher = live.join(live.facilitators.get(0));
    MemberApp app = memberApp(0);
    Browser b = app.browser;
    app.view("propose");
    WebElement title = b.visible(hook("propose-title"));
    // The browser's maxlength counts UTF-16 units and would stop typing at 60 emoji.
    assertThat(b.all(By.cssSelector("#view-propose [maxlength], #view-board [maxlength]"))).isEmpty();
    // ChromeDriver types only the basic plane, so the text goes in as a paste would.
    String paste = "const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true}));";
    String tree = "\uD83C\uDF33";
    b.script(paste, title, tree.repeat(121));
    assertThat((String) b.script("return arguments[0].value;", title)).as("the 121st tree is not taken").isEqualTo(tree.repeat(120));
    b.script(paste, b.visible(hook("propose-text")), "Træer i hele byen.");
    b.clickable(hook("propose-submit")).click();
    try (watcher) {
      Push.Event proposed = (Push.Event) watcher.await(m -> m instanceof Push.Event e
          && EventKind.PROPOSED.wire().equals(e.kind()));
      assertThat(proposed.data().get("title").asText()).isEqualTo(tree.repeat(120));
    }
    assertThat(b.consoleErrors()).isEmpty();
  }

  @Test
  @DisplayName("a dots ballot over the budget is refused on the screen with a message, and the server receives no ballot")
  void dotsOverBudget() {
    String a;
    String c;
    try (TableClient sofie = live.join(live.members.get(0).get(1));
         TableClient facilitator = live.join(live.facilitators.get(0))) {
      a = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Bænke", "Flere bænke."))));
      c = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Træer", "Flere træer."))));
      ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS, List.of(a, c), new VoteParams(5, 3))));
    }
    TableClient watcher = live.join(live.facilitators.get(0));
    MemberApp app = memberApp(0);
    Browser b = app.browser;
    app.awaitVote("dots");
    By plusA = By.cssSelector("[data-test=\"dots-plus\"][data-item=\"" + a + "\"]");
    By plusC = By.cssSelector("[data-test=\"dots-plus\"][data-item=\"" + c + "\"]");
    for (int i = 0; i < 3; i++) {
      b.clickable(plusA).click();
    }
    // A fourth on the same item is more than the vote allows on one.
    b.clickable(plusA).click();
    assertThat(b.withText(By.cssSelector("[data-test=\"vote\"] .error"), "højst give 3 prikker").getText()).contains("Bænke");
    for (int i = 0; i < 2; i++) {
      b.clickable(plusC).click();
    }
    assertThat(b.visible(By.cssSelector(".dots-left")).getText()).isEqualTo("0 prikker tilbage af 5");
    b.clickable(plusC).click();
    b.withText(By.cssSelector("[data-test=\"vote\"] .error"), "Du har ikke flere prikker");
    assertThat(b.visible(By.cssSelector("[data-test=\"dots\"][data-item=\"" + c + "\"]")).getDomProperty("value")).isEqualTo("2");

    // Typed over the budget (3 + 3 with 5 dots): refused when sent, nothing is cut down or sent.
    WebElement typed = b.visible(By.cssSelector("[data-test=\"dots\"][data-item=\"" + c + "\"]"));
    typed.clear();
    typed.sendKeys("3");
    b.withText(By.cssSelector(".dots-left"), "1 prik for meget");
    b.clickable(hook("ballot-submit")).click();
    b.withText(By.cssSelector("[data-test=\"vote\"] .error"), "Du har givet 6 prikker, men har kun 5");
    try (watcher) {
      sleep(Duration.ofSeconds(1));
      List<Push.Event> events = watcher.events(live.stream(0));
      assertThat(events).as("no ballot reached the server").noneMatch(e -> EventKind.BALLOT_CAST.wire().equals(e.kind()));
    }
    assertThat(b.visible(hook("own-ballot")).getText()).isEqualTo("Du har ikke stemt endnu.");
  }

  @Test
  @DisplayName("half-typed text and an unsent ranking survive a reload, and are gone once sent")
  void nothingTypedIsLost() {
    String a;
    String c;
    try (TableClient sofie = live.join(live.members.get(0).get(1));
         TableClient facilitator = live.join(live.facilitators.get(0))) {
      a = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Bænke", "Flere bænke."))));
      c = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Træer", "Flere træer."))));
      ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.RANKING, List.of(a, c), null)));
    }
    MemberApp app = memberApp(0);
    Browser b = app.browser;
    app.view("propose");
    b.visible(hook("propose-title")).sendKeys("Legepladser");
    b.visible(hook("propose-text")).sendKeys("Flere legepladser i ");
    WebElement card = app.openComments(a);
    card.findElement(hook("comment-text")).sendKeys("Jeg er enig, men");
    app.awaitVote("ranking");
    b.clickable(By.cssSelector("[data-test=\"rank-item\"][data-item=\"" + c + "\"] [data-test=\"rank-up\"]")).click();
    b.until(d -> c.equals(firstRanked(b)) ? Boolean.TRUE : null);

    b.driver.navigate().refresh();
    b.awaitStatus("online");
    app.view("propose");
    assertThat(b.visible(hook("propose-title")).getDomProperty("value")).isEqualTo("Legepladser");
    assertThat(b.visible(hook("propose-text")).getDomProperty("value")).isEqualTo("Flere legepladser i ");
    app.view("board");
    WebElement again = b.visible(By.cssSelector("[data-test=\"proposal\"][data-id=\"" + a + "\"] [data-test=\"comment-text\"]"));
    assertThat(again.getDomProperty("value")).isEqualTo("Jeg er enig, men");
    app.view("vote");
    assertThat(firstRanked(b)).as("the unsent ranking came back").isEqualTo(c);

    // Sent, it is no longer kept: a reload shows empty fields.
    app.view("propose");
    b.clickable(hook("propose-submit")).click();
    app.proposal("Legepladser");
    b.driver.navigate().refresh();
    b.awaitStatus("online");
    app.view("propose");
    assertThat(b.visible(hook("propose-title")).getDomProperty("value")).isEmpty();
  }

  @Test
  @DisplayName("a round timer runs out: the member app and the console show 00:00 and Tiden er gået, the console's card the members' time throughout, and each device that asked for it chimes once")
  void roundTimerRunsOut() {
    String table = live.table(0);
    try (TableClient lead = live.join(live.lead)) {
      ack(lead.call(new ControlCommand.StartTimer(id(), TimerScope.PHASE, 1500, "Drøftelse", null)));
    }
    MemberApp app = memberApp(0);
    Console console = console();
    Browser m = app.browser;
    Browser f = console.browser;
    m.withText(hook("countdown"), "2");
    // The chime is off until this device asks for it; then it sounds (and vibrates) once, to try it.
    m.clickable(hook("menu-button")).click();
    assertThat(m.visible(hook("chime")).isSelected()).isFalse();
    countVibrations(m);
    m.clickable(hook("chime")).click();
    assertThat(vibrations(m)).as("the try-out when switched on").isEqualTo(1);
    m.clickable(hook("menu-button")).click();
    assertThat(f.visible(hook("chime")).isSelected()).isFalse();
    countVibrations(f);
    f.clickable(hook("chime")).click();
    countVibrations(m);
    countVibrations(f);
    try (TableClient facilitator = live.join(live.facilitators.get(0))) {
      ack(facilitator.call(new ControlCommand.StartTimer(id(), TimerScope.ROUND, 6, "Runde 1", table)));
    }
    m.withText(By.id("timer-note"), "Runde 1");
    long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
    boolean sawUp = false;
    while (System.nanoTime() < end && !sawUp) {
      int member = seconds(m.visible(hook("countdown")).getText());
      int card = seconds(f.visible(hook("table-countdown")).getText());
      assertThat(Math.abs(member - card)).as("member %s s, console card %s s", member, card).isLessThanOrEqualTo(1);
      assertThat(member).as("the round timer, not the phase timer").isLessThanOrEqualTo(6);
      sawUp = m.visible(hook("countdown")).getText().equals("00:00") && m.all(hook("time-up")).stream().anyMatch(WebElement::isDisplayed);
      sleep(Duration.ofMillis(400));
    }
    assertThat(sawUp).as("the member app reached 00:00 and said so").isTrue();
    assertThat(m.visible(hook("time-up")).getText()).isEqualTo("Tiden er gået");
    f.withText(hook("table-countdown"), "00:00 · Tiden er gået");
    // It stays until the facilitator moves on; the phase timer is shown beside it for what it is.
    sleep(Duration.ofSeconds(2));
    assertThat(m.visible(hook("time-up")).isDisplayed()).isTrue();
    assertThat(m.visible(hook("phase-countdown")).getText()).matches("2[0-9]:[0-9]{2}");
    assertThat(vibrations(m)).as("the member's tablet signalled the end once").isEqualTo(1);
    assertThat(vibrations(f)).as("the console signalled the end once").isEqualTo(1);
    assertThat(m.consoleErrors()).isEmpty();
    assertThat(f.consoleErrors()).isEmpty();
  }

  /** From now on the page counts its vibrations (the chime's second half) instead of vibrating. */
  private static void countVibrations(Browser b) {
    b.script("window.__vibrations = 0; Object.defineProperty(navigator, 'vibrate', "
        + "{ configurable: true, value: () => { window.__vibrations += 1; return true; } });");
  }

  private static long vibrations(Browser b) {
    return ((Number) b.script("return window.__vibrations;")).longValue();
  }

  @Test
  @DisplayName("a tampered link explains itself and shows no offline banner")
  void tamperedLink() {
    String good = Links.join(live, live.members.get(0).get(0));
    String bad = good.substring(0, good.length() - 3) + (good.endsWith("A") ? "BBB" : "AAA");
    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    b.go(bad);
    b.withText(hook("join-problem"), "virker ikke");
    sleep(Duration.ofMillis(500));
    assertThat(b.all(hook("status")).stream().filter(WebElement::isDisplayed).toList()).as("no status banner").isEmpty();
    assertThat(b.driver.findElement(By.tagName("body")).getText()).doesNotContain("Offline");
  }

  private static int seconds(String countdown) {
    String[] parts = countdown.replaceAll("[^0-9:]", "").split(":");
    return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1].substring(0, 2));
  }

  private static String firstRanked(Browser b) {
    Object item = b.script("return document.querySelector('[data-test=rank-item]')?.dataset.item ?? null;");
    return item == null ? null : item.toString();
  }

  private static String focusedTest(Browser b) {
    Object t = b.script("return document.activeElement?.dataset?.test ?? null;");
    return t == null ? null : t.toString();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
