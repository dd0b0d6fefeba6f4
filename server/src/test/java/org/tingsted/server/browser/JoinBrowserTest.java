package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tingsted.server.roster.Member;

/**
 * Joining from a paper card: the short code typed into the start page (in lower case, with a
 * space for the dash) and the card's short link /j/<code> each open that person's own app; a
 * facilitator's code opens the console; the start page is accessible.
 */
@DisplayName("In a browser: joining with the code on a card")
class JoinBrowserTest extends BrowserFixture {

  private String codeOf(Member m) {
    return live.node.links().codes().of(live.assembly.id(), m);
  }

  @Test
  @DisplayName("a code typed into the start page joins as that person")
  void typedCode() {
    Member sofie = live.members.get(0).get(1);
    String code = codeOf(sofie);
    assertThat(code).matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    b.go(Links.base(live) + "/");
    b.visible(hook("start-code")).sendKeys(code.toLowerCase().replace('-', ' '));
    b.clickable(hook("start-submit")).click();
    b.awaitStatus("online");
    new MemberApp(b).view("table");
    b.withText(hook("presence"), sofie.name() + " (dig)");
    assertThat(b.driver.getCurrentUrl()).endsWith("/join");
  }

  @Test
  @DisplayName("the card's short link /j/<code> joins as that person, and a facilitator's opens the console")
  void shortLink() {
    Member bo = live.members.get(0).get(0);
    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    b.go(Links.base(live) + "/j/" + codeOf(bo));
    b.awaitStatus("online");
    new MemberApp(b).view("table");
    b.withText(hook("presence"), bo.name() + " (dig)");

    Browser f = browser(Console.WIDTH, Console.HEIGHT);
    f.go(Links.base(live) + "/j/" + codeOf(live.facilitators.get(0)));
    f.awaitStatus("online");
    assertThat(f.driver.getCurrentUrl()).endsWith("/console.html");
    f.visible(hook("console-table"));
  }

  @Test
  @DisplayName("an unknown code is answered on the start page with its own message; the page has no serious accessibility violation")
  void unknownCode() {
    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    b.go(Links.base(live) + "/");
    AccessibilityBrowserTest.assertNoSeriousViolations("the start page", b);
    b.visible(hook("start-code")).sendKeys("2222-2222");
    b.clickable(hook("start-submit")).click();
    b.until(d -> d.findElements(By.cssSelector("[data-test=\"start-error\"], body")).stream()
        .anyMatch(e -> !e.getText().isBlank() && (e.getText().contains("kode") || e.getText().contains("Kode"))) ? Boolean.TRUE : null);
    assertThat(b.driver.findElement(By.tagName("body")).getText()).doesNotContain("Offline");
  }
}
