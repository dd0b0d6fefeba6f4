package org.tingsted.server.browser;

import org.tingsted.server.AdminLogin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.tingsted.server.LiveAssembly;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;

/**
 * The printable join cards (cards.html) against a running node: with the admin token and no
 * assembly id, the server's one assembly is fetched; every card prints its person's join code
 * as the API gives it and no internal id; a facilitator's card leads to the console and a
 * member's to the member app (each link followed in a browser of its own); ten cards print on
 * two A4 pages. With several assemblies the page offers a choice. Takes docs/screenshots/cards.png
 * (the first printed sheet, at the width of A4 within its margins).
 */
@DisplayName("In a browser: the printable join cards")
class CardsBrowserTest extends BrowserFixture {

  /** A4's printable area at 96 px an inch with the page's 8 mm margins: 194 × 281 mm. */
  static final int A4_WIDTH = 733;
  static final int A4_HEIGHT = 1062;

  /** A facilitator, seven members, the lead facilitator and the observer: ten cards, two sheets. */
  @Override
  int seats() {
    return 7;
  }

  @Test
  @DisplayName("the one assembly is picked; each card has its code and no id; a facilitator's leads to the console, a member's to the app")
  void oneAssembly() throws Exception {
    JsonArray links = joinLinks();
    assertThat(links).hasSize(10);

    Browser b = browser(A4_WIDTH, A4_HEIGHT);
    AdminLogin.token(live.node);
    // Not logged in yet: the cards page sends the administrator to the staff login, which brings them back.
    b.go(Links.base(live) + "/cards.html");
    b.until(d -> d.getCurrentUrl().contains("/staff.html?next=") ? Boolean.TRUE : null);
    logIn(b);
    b.until(d -> d.getCurrentUrl().endsWith("/cards.html") ? Boolean.TRUE : null);
    assertThat(b.visible(hook("assembly")).getDomProperty("value")).isEmpty();
    b.clickable(hook("cards-fetch")).click();
    b.until(d -> d.findElements(hook("card")).size() == links.size() ? Boolean.TRUE : null);
    assertThat(b.driver.findElement(hook("assembly")).getDomProperty("value")).isEqualTo(live.assembly.id());
    assertThat(b.driver.findElement(hook("assembly-choice")).isDisplayed()).isFalse();
    assertThat(b.driver.getCurrentUrl()).endsWith("/cards.html?assembly=" + live.assembly.id());

    Map<String, WebElement> cards = b.all(hook("card")).stream()
        .collect(Collectors.toMap(c -> c.findElement(hook("card-name")).getText(), c -> c));
    for (JsonObject link : links.stream().map(JsonObject.class::cast).toList()) {
      WebElement card = cards.get(link.getString("name"));
      assertThat(card).as("the card of " + link.getString("name")).isNotNull();
      assertThat(card.findElement(hook("card-code")).getText()).isEqualTo(link.getString("code"));
      assertThat(card.findElement(hook("card-link")).getDomAttribute("href")).isEqualTo(link.getString("codeUrl"));
      assertThat(card.findElement(hook("card-where")).getText())
          .isEqualTo("Gå til " + Links.base(live) + " og skriv koden");
    }
    Member facilitator = live.facilitators.get(0);
    Member sofie = live.members.get(0).get(0);
    assertThat(cards.get(facilitator.name()).findElement(hook("card-role")).getText()).isEqualTo("Konsol for bordfacilitator");
    assertThat(cards.get(live.lead.name()).findElement(hook("card-role")).getText()).isEqualTo("Konsol for ledende facilitator");
    assertThat(cards.get(sofie.name()).findElement(hook("card-role")).getText()).isEqualTo("Deltager");
    assertThat(cards.get(live.observer.name()).findElement(hook("card-role")).getText()).isEqualTo("Observatør");
    assertThat(cards.get(sofie.name()).findElement(hook("card-table")).getText()).isEqualTo("Table 1");

    // No internal id anywhere on the cards: not in their text, their links or their attributes.
    String text = b.driver.findElement(By.id("cards")).getText();
    String markup = String.valueOf(b.script("const c = document.getElementById('card-list').cloneNode(true);"
        + "c.querySelectorAll('.qr img, .qr canvas').forEach(e => e.remove()); return c.outerHTML;"));
    List<String> ids = new ArrayList<>(List.of(live.assembly.id(), live.session.id(), live.table(0)));
    live.assembly.members().values().forEach(m -> {
      ids.add(m.id());
      ids.add(live.link(m));
    });
    for (String id : ids) {
      assertThat(text).doesNotContain(id);
      assertThat(markup).doesNotContain(id);
    }

    AccessibilityBrowserTest.assertNoSeriousViolations("the cards page", b);
    assertThat(b.consoleErrors()).as("errors in the browser console, CSP included").isEmpty();

    // On paper: eight cards to an A4 page, each whole, so ten cards take two pages.
    PrintOptions a4 = new PrintOptions();
    a4.setPageSize(new PageSize(29.7, 21.0));
    a4.setPageMargin(new PageMargin(0.8, 0.8, 0.8, 0.8));
    a4.setBackground(true);
    byte[] pdf = Base64.getDecoder().decode(b.driver.print(a4).getContent());
    assertThat(pages(pdf)).as("printed A4 pages").isEqualTo(2);

    // The first sheet as it prints, for the README.
    b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    b.until(d -> d.findElement(hook("cards-fetch")).isDisplayed() ? null : Boolean.TRUE);
    b.script("window.scrollTo(0, 0); document.documentElement.style.overflow = 'hidden';");
    Path file = ScreenshotsBrowserTest.DIR.resolve("cards.png");
    b.screenshot(file);
    ScreenshotsBrowserTest.assertSize(file, A4_WIDTH, A4_HEIGHT);
    b.script("document.documentElement.style.overflow = '';");
    b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    String facilitatorLink = cards.get(facilitator.name()).findElement(hook("card-link")).getDomAttribute("href");
    try (Browser f = Browser.open(Console.WIDTH, Console.HEIGHT)) {
      f.go(facilitatorLink);
      f.awaitStatus("online");
      assertThat(f.driver.getCurrentUrl()).isEqualTo(Links.base(live) + "/console.html");
      f.visible(hook("console-table"));
    }
    String leadLink = cards.get(live.lead.name()).findElement(hook("card-link")).getDomAttribute("href");
    try (Browser l = Browser.open(Console.WIDTH, Console.HEIGHT)) {
      l.go(leadLink);
      l.awaitStatus("online");
      assertThat(l.driver.getCurrentUrl()).isEqualTo(Links.base(live) + "/console.html");
      l.visible(hook("session-phase"));
    }
    String memberLink = cards.get(sofie.name()).findElement(hook("card-link")).getDomAttribute("href");
    try (Browser m = Browser.tablet()) {
      m.go(memberLink);
      m.awaitStatus("online");
      assertThat(m.driver.getCurrentUrl()).isEqualTo(Links.base(live) + "/join");
      new MemberApp(m).view("table");
      m.withText(hook("presence"), sofie.name() + " (dig)");
    }
  }

  @Test
  @DisplayName("with several assemblies the page offers a choice and fetches the one chosen; ?assembly= fills in the id")
  void severalAssemblies() throws Exception {
    Roster roster = live.node.roster();
    Assembly other = LiveAssembly.await(roster.create("Ungeforsamlingen", "Hvordan?",
        List.of(new Roster.NewSession("Dag 1", null, List.of("Bord 1")))));
    LiveAssembly.await(roster.addMember(other.id(), "Ida", Role.MEMBER, null, other.sessions().get(0).tables().get(0).id()));

    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    AdminLogin.token(live.node);
    b.go(Links.base(live) + "/staff.html?next=%2Fcards.html");
    logIn(b);
    b.until(d -> d.getCurrentUrl().endsWith("/cards.html") ? Boolean.TRUE : null);
    b.clickable(hook("cards-fetch")).click();
    Select choice = new Select(b.visible(hook("assembly-choice")));
    assertThat(choice.getOptions().stream().map(WebElement::getText))
        .containsExactly("– vælg –", "Test assembly", "Ungeforsamlingen");
    assertThat(b.all(hook("card"))).isEmpty();
    choice.selectByVisibleText("Ungeforsamlingen");
    b.until(d -> d.findElements(hook("card")).size() == 1 ? Boolean.TRUE : null);
    assertThat(b.driver.findElement(hook("card-name")).getText()).isEqualTo("Ida");
    assertThat(b.driver.findElement(hook("card-table")).getText()).isEqualTo("Bord 1");
    assertThat(b.driver.findElement(hook("assembly")).getDomProperty("value")).isEqualTo(other.id());

    b.go(Links.base(live) + "/cards.html?assembly=" + live.assembly.id());
    assertThat(b.visible(hook("assembly")).getDomProperty("value")).isEqualTo(live.assembly.id());
    assertThat(b.consoleErrors()).as("errors in the browser console, CSP included").isEmpty();
  }

  private JsonArray joinLinks() throws IOException, InterruptedException {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(Links.base(live) + "/api/assemblies/" + live.assembly.id() + "/join-links"))
        .header("Authorization", AdminLogin.bearer(live.node)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return new JsonArray(answer.body());
  }

  /** Logs in at the staff page as the test administrator. */
  private static void logIn(Browser b) {
    b.visible(hook("staff-username")).sendKeys(AdminLogin.USERNAME);
    b.visible(hook("staff-password")).sendKeys(AdminLogin.PASSWORD);
    b.clickable(hook("staff-submit")).click();
  }

  /** The pages of a PDF as Chromium writes it: one page object each. */
  private static int pages(byte[] pdf) {
    var matcher = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
