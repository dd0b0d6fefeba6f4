package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tingsted.server.LiveAssembly;
import org.tingsted.server.staff.PersonLink;
import org.tingsted.server.staff.Staff;
import org.tingsted.server.staff.StaffRole;

/**
 * The staff login page in Chromium: the first administrator made there with the admin token,
 * the way on to the cards, logging out, and a facilitator led to their console.
 */
@DisplayName("In a browser: the staff login")
class StaffBrowserTest extends BrowserFixture {

  @Test
  @DisplayName("on a new server, the admin token makes the first administrator there, who is led to the cards, and logs out")
  void firstAdministrator() {
    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    b.go(Links.base(live) + "/staff.html");
    b.visible(hook("staff-bootstrap-token")).sendKeys("not the admin token");
    b.visible(hook("staff-bootstrap-username")).sendKeys("ada");
    b.visible(hook("staff-bootstrap-name")).sendKeys("Ada");
    b.visible(hook("staff-bootstrap-password")).sendKeys("Ada's password, long enough");
    b.clickable(hook("staff-bootstrap-submit")).click();
    b.until(d -> d.findElement(hook("staff-bootstrap-error")).getText().contains("Administratornøglen") ? Boolean.TRUE : null);

    b.visible(hook("staff-bootstrap-token")).clear();
    b.visible(hook("staff-bootstrap-token")).sendKeys(live.node.adminToken());
    b.clickable(hook("staff-bootstrap-submit")).click();
    WebElement who = b.visible(hook("staff-who"));
    assertThat(who.getText()).contains("Ada").contains("ada").contains("administrator");
    assertThat(b.driver.findElements(hook("staff-bootstrap"))).allMatch(e -> !e.isDisplayed());
    AccessibilityBrowserTest.assertNoSeriousViolations("the staff page, logged in", b);

    b.clickable(hook("staff-way-cards")).click();
    b.until(d -> d.getCurrentUrl().endsWith("/cards.html") ? Boolean.TRUE : null);
    b.clickable(hook("cards-fetch")).click();
    b.until(d -> !d.findElements(hook("card")).isEmpty() ? Boolean.TRUE : null);

    b.go(Links.base(live) + "/staff.html");
    b.clickable(hook("staff-logout")).click();
    b.visible(hook("staff-username"));
    assertThat(b.driver.findElements(hook("staff-bootstrap"))).as("an administrator exists now").allMatch(e -> !e.isDisplayed());
    b.go(Links.base(live) + "/cards.html");
    b.until(d -> d.getCurrentUrl().contains("/staff.html?next=") ? Boolean.TRUE : null);
    assertThat(b.consoleErrors()).as("errors in the browser console, CSP included (the wrong admin token's 401 aside)")
        .allMatch(e -> e.contains("staff/bootstrap") && e.contains("401"));
  }

  @Test
  @DisplayName("a facilitator logs in, in English, is told a wrong password, and is led to the console of their table")
  void facilitatorToConsole() throws Exception {
    LiveAssembly.await(live.node.staff().create(new Staff.NewAccount("lene", "Lene", Set.of(StaffRole.FACILITATOR),
        "Lene's password, long enough", java.util.List.of(new PersonLink(live.assembly.id(), live.facilitators.get(0).id())))));
    Browser b = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    b.go(Links.base(live) + "/staff.html");
    new Select(b.visible(hook("lang"))).selectByValue("en");
    b.until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? Boolean.TRUE : null);
    assertThat(b.visible(By.tagName("h1")).getText()).isEqualTo("Staff login");
    assertThat(b.driver.findElements(hook("staff-oidc"))).as("no provider configured").allMatch(e -> !e.isDisplayed());
    AccessibilityBrowserTest.assertNoSeriousViolations("the staff login page", b);

    b.visible(hook("staff-username")).sendKeys("lene");
    b.visible(hook("staff-password")).sendKeys("a wrong password");
    b.clickable(hook("staff-submit")).click();
    b.until(d -> d.findElement(hook("staff-error")).getText().equals("Wrong username or password.") ? Boolean.TRUE : null);

    b.visible(hook("staff-password")).clear();
    b.visible(hook("staff-password")).sendKeys("Lene's password, long enough");
    b.clickable(hook("staff-submit")).click();
    assertThat(b.visible(hook("staff-who")).getText()).contains("Lene").contains("table facilitator");
    b.screenshot(java.nio.file.Path.of("target", "screenshots", "staff-facilitator-tablet.png"));
    assertThat(b.driver.findElements(hook("staff-way-cards"))).as("no cards for a facilitator").isEmpty();
    WebElement console = b.clickable(hook("staff-way-console"));
    assertThat(console.getText()).contains(live.facilitators.get(0).name()).contains(live.assembly.name());
    console.click();
    // The console exchanges the link at once and takes it out of the address.
    b.until(d -> d.getCurrentUrl().endsWith("/console.html") ? Boolean.TRUE : null);
    b.visible(hook("console-table"));
    assertThat(b.consoleErrors()).as("errors in the browser console (the wrong password's 401 aside)")
        .allMatch(e -> e.contains("api/login") && e.contains("401"));
  }
}
