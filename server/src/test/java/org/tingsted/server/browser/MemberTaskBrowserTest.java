package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;
import static org.tingsted.server.browser.Browser.hook;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tingsted.protocol.AgendaItem;
import org.tingsted.protocol.Choice;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.CommentKind;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.PhaseKind;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.TableClient;

/**
 * A whole session day's agenda on a tablet and a phone: in every phase the thing to do now is on
 * the first screen without scrolling, the countdown stays in view when the member scrolls, and
 * axe-core finds nothing serious. The screenshots in docs/screenshots/ are taken here.
 */
@DisplayName("In browsers: the member app puts the task of each phase first")
class MemberTaskBrowserTest extends BrowserFixture {

  static final int PHONE_WIDTH = 390;
  static final int PHONE_HEIGHT = 844;

  /** The demo's agenda: a session day from the welcome to the report. */
  static final List<AgendaItem> AGENDA = List.of(
      AgendaItem.of(PhaseKind.WELCOME, "Velkommen", 600),
      AgendaItem.of(PhaseKind.PROPOSE, "Forslag", 1800),
      AgendaItem.of(PhaseKind.DISCUSS, "Drøftelse", 2400),
      AgendaItem.of(PhaseKind.CLUSTER, "Gruppering", 1200),
      AgendaItem.of(PhaseKind.RANK, "Prioritering", 900),
      AgendaItem.of(PhaseKind.PLENARY, "Plenum", 2700),
      AgendaItem.of(PhaseKind.REPORT, "Rapport", 0));

  @Override
  int seats() {
    return 3;
  }

  @Test
  @DisplayName("welcome, propose, discuss, cluster, rank, results, plenary and report: the task is on the first screen, at tablet and phone size")
  void everyPhase() throws IOException {
    String table = live.table(0);
    var members = live.members.get(0);
    List<String> proposals = new ArrayList<>();
    try (TableClient lead = live.join(live.lead);
         TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient sofie = live.join(members.get(2))) {
      // A table with eight proposals, long ones among them, comments and a group: a full board.
      for (int i = 1; i <= 8; i++) {
        String text = "Forslag nummer " + i + ": " + "Flere grønne områder og steder at mødes i nabolaget. ".repeat(i % 3 == 0 ? 8 : 1);
        proposals.add(sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Idé " + i + " for byen", text)))));
      }
      ack(sofie.call(new ProposalCommand.Comment(id(), null, proposals.get(0), CommentKind.SUPPORT, "Godt for alle.", null)));
      ack(sofie.call(new ProposalCommand.Comment(id(), null, proposals.get(0), CommentKind.CONCERN, "Hvad koster det?", null)));
      ack(sofie.call(new ClusterCommand.CreateCluster(id(), null, "Grønne områder", List.of(proposals.get(1), proposals.get(2)))));
      ack(lead.call(new ControlCommand.SetAgenda(id(), AGENDA)));

      Browser tablet = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
      MemberApp onTablet = new MemberApp(tablet).open(Links.join(live, members.get(0)));
      Browser phone = browser(PHONE_WIDTH, PHONE_HEIGHT);
      MemberApp onPhone = new MemberApp(phone).open(Links.join(live, members.get(1)));
      List<MemberApp> apps = List.of(onTablet, onPhone);

      ack(lead.call(new ControlCommand.StartAgenda(id())));
      for (MemberApp app : apps) {
        awaitPhase(app, "welcome");
        assertFirstScreen(app, "welcome", hook("raise-hand"));
      }

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      for (MemberApp app : apps) {
        awaitPhase(app, "propose");
        assertFirstScreen(app, "propose", hook("propose-title"), hook("propose-submit"));
      }
      tablet.screenshot(ScreenshotsBrowserTest.DIR.resolve("member-tablet-propose.png"));

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      for (MemberApp app : apps) {
        awaitPhase(app, "discuss");
        assertFirstScreen(app, "discuss", firstCard(), By.cssSelector("[data-test=\"proposal\"] [data-test=\"comments-toggle\"]"));
      }
      phone.screenshot(ScreenshotsBrowserTest.DIR.resolve("member-phone-discuss.png"));

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      for (MemberApp app : apps) {
        awaitPhase(app, "cluster");
        assertFirstScreen(app, "cluster", firstCard(), By.cssSelector("[data-test=\"proposal\"] [data-test=\"move-confirm\"]"));
        app.browser.visible(hook("cluster-tools"));
      }

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS, proposals, new VoteParams(5, 3))));
      String vote = "v1";
      for (MemberApp app : apps) {
        awaitPhase(app, "rank");
        app.browser.visible(hook("vote"));
        assertFirstScreen(app, "rank", By.cssSelector("[data-test=\"vote\"] .vote-title"), By.cssSelector("[data-test=\"vote\"] .dots-left"),
            By.cssSelector("[data-test=\"vote\"] [data-test=\"dots-plus\"]"));
        assertThat(app.browser.visible(By.cssSelector("[data-test=\"vote\"] .dots-left")).getText())
            .isEqualTo("5 prikker tilbage af 5");
      }
      tablet.screenshot(ScreenshotsBrowserTest.DIR.resolve("member-tablet-rank.png"));
      phone.screenshot(ScreenshotsBrowserTest.DIR.resolve("member-phone-rank.png"));

      ack(sofie.call(new VoteCommand.CastBallot(id(), null, vote, new org.tingsted.protocol.Ballot(Map.of(proposals.get(0), 3), null, null))));
      ack(facilitator.call(new VoteCommand.CloseVote(id(), null, vote)));
      ack(facilitator.call(new VoteCommand.PublishResult(id(), null, vote)));
      for (MemberApp app : apps) {
        app.browser.visible(hook("result"));
        assertFirstScreen(app, "results", By.cssSelector("[data-test=\"result\"] h3"), By.cssSelector("[data-test=\"result\"] [data-item]"));
      }

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      ack(lead.call(new PlenaryCommand.Promote(id(), table, proposals.get(0), null, null, null)));
      ack(lead.call(new PlenaryCommand.OpenFinalVote(id(), List.of("d1"), 0.5)));
      for (MemberApp app : apps) {
        awaitPhase(app, "plenary");
        app.browser.visible(hook("final-vote"));
        assertFirstScreen(app, "plenary", By.cssSelector("[data-test=\"final-vote\"] h3"), hook("final-choice"), hook("final-submit"));
      }
      ack(sofie.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT))));
      ack(lead.call(new PlenaryCommand.CloseFinalVote(id(), "f1")));

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      ack(lead.call(new PlenaryCommand.PublishReport(id())));
      for (MemberApp app : apps) {
        awaitPhase(app, "report");
        app.browser.visible(hook("report-link"));
        assertFirstScreen(app, "report", hook("report-link"), By.cssSelector("[data-test=\"final-result\"] h3"));
      }
      for (MemberApp app : apps) {
        assertThat(app.browser.consoleErrors()).as("errors in the browser console").isEmpty();
      }
    }
  }

  private static By firstCard() {
    return By.cssSelector("#loose [data-test=\"proposal\"]");
  }

  /** Waits until the bar shows the phase. */
  private static void awaitPhase(MemberApp app, String phase) {
    app.browser.present(By.cssSelector("[data-test=\"phase\"][data-phase=\"" + phase + "\"]"));
  }

  /**
   * The page is at its top, each element is inside the first viewport without scrolling, the
   * countdown stays in view when the member scrolls to the bottom, and axe-core finds nothing
   * serious or critical.
   */
  private static void assertFirstScreen(MemberApp app, String phase, By... main) {
    Browser b = app.browser;
    b.script("window.scrollTo(0, 0);");
    for (By by : main) {
      WebElement el = b.visible(by);
      if (!inViewport(b, el)) {
        assertThat(b.script("const r = arguments[0].getBoundingClientRect(); return JSON.stringify(r) + ' in ' + window.innerWidth + 'x' + window.innerHeight;", el))
            .as(by + " inside the first viewport in the " + phase + " phase").isNull();
      }
    }
    b.script("window.scrollTo(0, document.documentElement.scrollHeight);");
    WebElement countdown = b.visible(hook("countdown"));
    assertThat(inViewport(b, countdown)).as("the countdown in view after scrolling, in the " + phase + " phase").isTrue();
    assertThat(inViewport(b, b.visible(hook("phase")))).as("the phase in view after scrolling").isTrue();
    b.script("window.scrollTo(0, 0);");
    AccessibilityBrowserTest.assertNoSeriousViolations("the member app in the " + phase + " phase", b);
  }

  private static boolean inViewport(Browser b, WebElement el) {
    Object inside = b.script(
        "const r = arguments[0].getBoundingClientRect();"
            + "return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0"
            + " && r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5;", el);
    return Boolean.TRUE.equals(inside);
  }

  static void assertSize(Path file, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
  }
}
