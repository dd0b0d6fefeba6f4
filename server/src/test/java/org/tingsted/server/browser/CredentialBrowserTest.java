package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tingsted.server.roster.Member;

/**
 * The join link's credential in a browser: exchanged at once and gone from the address bar,
 * the app still in after a reload, and a revoked link or session told as such.
 */
@DisplayName("In a browser: the credential of a join link")
class CredentialBrowserTest extends BrowserFixture {

  @Test
  @DisplayName("opening a join link leaves no credential in the address or the history, and the app works after a reload")
  void noSecretInTheAddress() {
    Member sofie = live.members.get(0).get(0);
    String link = live.link(sofie);
    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    b.go(Links.join(live, sofie));
    b.awaitStatus("online");
    assertThat(b.driver.getCurrentUrl()).isEqualTo(Links.base(live) + "/join");
    assertThat(String.valueOf(b.script("return location.href + '|' + history.length + '|' + JSON.stringify(history.state)")))
        .doesNotContain(link).doesNotContain(link.substring(link.lastIndexOf('.') + 1));
    assertThat(String.valueOf(b.script("return JSON.stringify(localStorage)"))).doesNotContain(link);

    b.driver.navigate().refresh();
    b.awaitStatus("online");
    new MemberApp(b).view("table");
    b.withText(hook("presence"), sofie.name() + " (dig)");
    assertThat(b.driver.getCurrentUrl()).isEqualTo(Links.base(live) + "/join");
    assertThat(b.consoleErrors()).isEmpty();
  }

  @Test
  @DisplayName("the lead facilitator reissues a lost card from the console: the member's screen says the link no longer works, the old link says so too, the new one gets in")
  void leadReissues() {
    Member sofie = live.members.get(0).get(0);
    String oldLink = Links.join(live, sofie);
    Browser tablet = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    tablet.go(oldLink);
    tablet.awaitStatus("online");

    Browser lead = browser(Console.WIDTH, Console.HEIGHT);
    lead.go(Links.console(live, live.lead));
    lead.awaitStatus("online");
    assertThat(lead.driver.getCurrentUrl()).isEqualTo(Links.base(live) + "/console.html");
    new org.openqa.selenium.support.ui.Select(lead.visible(hook("reissue-member"))).selectByValue(sofie.id());
    lead.clickable(hook("reissue-submit")).click();
    lead.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
    assertThat(lead.driver.switchTo().alert().getText()).contains(sofie.name());
    lead.driver.switchTo().alert().accept();
    String result = lead.visible(hook("reissue-result")).getText();
    assertThat(result).contains(sofie.name()).containsPattern("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
    String newLink = lead.present(hook("reissue-link")).getDomAttribute("href");
    var qr = lead.visible(hook("reissue-qr"));
    assertThat(qr.getDomAttribute("src")).startsWith("data:image/png;base64,");
    assertThat(qr.getDomAttribute("alt")).contains(sofie.name());
    assertThat(newLink).contains("/join#").isNotEqualTo(oldLink);
    lead.screenshot(java.nio.file.Path.of("target", "screenshots", "console-reissued.png"));

    // Danish by default: the member's screen says the link no longer works and to ask.
    tablet.withText(By.id("join-problem-text"), "virker ikke længere");
    assertThat(lead.consoleErrors()).isEmpty();
    assertThat(tablet.present(By.id("join-problem-text")).getDomAttribute("data-key")).isEqualTo("join.revoked");
    assertThat(tablet.driver.findElement(By.id("join-problem-text")).getText()).contains("facilitator");
    tablet.screenshot(java.nio.file.Path.of("target", "screenshots", "member-revoked-tablet.png"));

    Browser again = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    again.go(oldLink);
    again.withText(By.id("join-problem-text"), "virker ikke længere");
    assertThat(again.driver.getCurrentUrl()).doesNotContain("#");

    Browser fresh = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    fresh.go(newLink.startsWith("http") ? newLink : Links.base(live) + newLink);
    fresh.awaitStatus("online");
    new MemberApp(fresh).view("table");
    fresh.withText(hook("presence"), sofie.name() + " (dig)");
  }
}
