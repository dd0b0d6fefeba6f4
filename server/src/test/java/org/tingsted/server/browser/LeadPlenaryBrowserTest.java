package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;
import static org.tingsted.server.browser.Browser.hook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.TableClient;

/** The lead facilitator choosing what to promote, with the tables' results in view. */
@DisplayName("In a browser: the lead's view of the tables' work")
class LeadPlenaryBrowserTest extends BrowserFixture {

  @Override
  int seats() {
    return 6;
  }

  @Test
  @DisplayName("\"Fra bordene\" shows each table's vote results beside its groups and proposals, and a draft made from a group starts with its proposals' words")
  void resultsBesideWhatCanBePromoted() throws Exception {
    var members = live.members.get(0);
    String p1;
    String p2;
    String p3;
    try (TableClient sofie = live.join(members.get(0));
         TableClient mads = live.join(members.get(1))) {
      p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Grønne gårde", "Træer i alle gårde"))));
      p2 = sofie.proposalOf(ack(mads.call(new ProposalCommand.Propose(id(), null, "Flere bænke", "Bænke i alle parker"))));
      p3 = sofie.proposalOf(ack(mads.call(new ProposalCommand.Propose(id(), null, "Natbusser", "Hvert kvarter"))));
      Map<String, Integer> green = Map.of(p1, 2, p2, 1);
      live.closedDotsVote(0, "v1", List.of(p1, p2, p3), new VoteParams(3, 3),
          List.of(green, green, green, green, Map.of(p3, 3), Map.of(p3, 3)));
      ack(sofie.call(new ClusterCommand.CreateCluster(id(), null, "Grønne områder", List.of(p1, p2))));
    }

    Browser b = browser(Console.WIDTH, Console.HEIGHT);
    b.go(Links.console(live, live.lead));
    b.awaitStatus("online");
    String table = live.table(0);
    By cluster = By.cssSelector("[data-table=\"" + table + "\"] [data-test=promote-item][data-cluster=k1]");
    // 8 + 4 + 6 dots: p1 first, p3 second, p2 third of three.
    b.withText(cluster, "Afstemning 1: 8 prikker, nr. 1 af 3");
    WebElement group = b.visible(cluster);
    assertThat(group.getText()).contains("Gruppe «Grønne områder»", "Forslag 1: Grønne gårde", "Forslag 2: Flere bænke",
        "Afstemning 1: 4 prikker, nr. 3 af 3");
    WebElement night = b.visible(By.cssSelector("[data-table=\"" + table + "\"] [data-test=promote-item][data-proposal=" + p3 + "]"));
    assertThat(night.getText()).contains("Forslag 3: Natbusser", "Afstemning 1: 6 prikker, nr. 2 af 3");
    assertThat(b.visible(By.id("plenary")).getText()).doesNotContain("v1", "k1", p1);

    b.script("arguments[0].scrollIntoView({block: 'center'})", group);
    b.screenshot(Path.of("target", "screenshots", "console-promote.png"));
    group.findElement(hook("promote")).click();
    WebElement draft = b.withText(hook("draft", "d1"), "Grønne områder");
    assertThat(draft.findElement(hook("draft-text")).getText())
        .startsWith("Grønne gårde\nTræer i alle gårde\n\nFlere bænke\nBænke i alle parker");
    assertThat(draft.getText()).contains("version 1").doesNotContain(" v1");
    // Nowhere on the lead's console does a person see an internal id.
    String page = b.visible(By.tagName("body")).getText();
    assertThat(Pattern.compile("\\b(p|k|v|f|d|c|tm|an)\\d+\\b").matcher(page).results().map(r -> r.group()).toList())
        .as("ids on the console").isEmpty();
    assertThat(page).doesNotContain(live.assembly.id(), live.session.id(), table, live.lead.id(), members.get(0).id());

    // The console counts a title's length as the protocol does: 120 emoji are a whole title.
    assertThat(b.all(By.cssSelector("[maxlength]"))).as("fields limited in UTF-16 units").isEmpty();
    draft.findElement(By.cssSelector("details[data-key^=edit] summary")).click();
    WebElement title = draft.findElement(hook("draft-edit-title"));
    String paste = "const el = arguments[0]; el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true}));";
    String tree = "\uD83C\uDF33";
    b.script(paste, title, tree.repeat(121));
    assertThat((String) b.script("return arguments[0].value;", title)).as("the 121st tree is not taken").isEqualTo(tree.repeat(120));
    draft.findElement(hook("draft-save")).click();
    b.withText(hook("draft", "d1"), tree.repeat(120));
    assertThat(b.consoleErrors()).isEmpty();
  }
}
