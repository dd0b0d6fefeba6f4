package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;
import static org.tingsted.server.browser.Browser.hook;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tingsted.protocol.Choice;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.server.TableClient;

/** What became of the table's work: the plenary's drafts, their final vote, the Council's answer, the report. */
@DisplayName("In a browser: the plenary and the answer")
class PlenaryBrowserTest extends BrowserFixture {

  @Test
  @DisplayName("a member sees the draft their table's proposal became, its final vote, the City Council's answer and the published report")
  void memberSeesWhatBecameOfTheirWork() throws Exception {
    MemberApp app = memberApp(0);
    Browser b = app.browser;
    app.view("plenary");
    var members = live.members.get(0);
    try (TableClient lead = live.join(live.lead);
         TableClient sofie = live.join(members.get(0));
         TableClient mads = live.join(members.get(1))) {
      String p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Grønne gårde", "Træer i alle gårde"))));
      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(0), p1, null, null, null)));
      b.withText(hook("draft", "d1"), "Grønne gårde");
      ack(lead.call(new PlenaryCommand.OpenFinalVote(id(), List.of("d1"), 0.5)));
      ack(sofie.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT))));
      ack(mads.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.OPPOSE))));
      ack(lead.call(new PlenaryCommand.CloseFinalVote(id(), "f1")));
    }
    b.withText(hook("draft", "d1"), "50,0 %");

    WebClient web = WebClient.create(live.clients);
    String answers = "/api/assemblies/" + live.assembly.id() + "/sessions/" + live.session.id() + "/answers";
    var answered = web.post(live.node.port(), "127.0.0.1", answers).bearerTokenAuthentication(org.tingsted.server.AdminLogin.token(live.node))
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"draft\":\"d1\",\"status\":\"partly_adopted\",\"text\":\"Vi planter i 20 gårde.\",\"date\":\"2027-03-14\"}"))
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(200);
    b.withText(hook("draft-answer"), "Vi planter i 20 gårde.");
    assertThat(b.visible(hook("draft-answer")).getText()).contains("Delvist vedtaget", "14. marts 2027");

    var published = web.post(live.node.port(), "127.0.0.1",
            "/api/assemblies/" + live.assembly.id() + "/sessions/" + live.session.id() + "/report/publish")
        .bearerTokenAuthentication(org.tingsted.server.AdminLogin.token(live.node)).send()
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertThat(published.statusCode()).isEqualTo(200);
    String href = b.visible(hook("report-link")).getDomAttribute("href");
    assertThat(href).isEqualTo("/reports/" + live.assembly.id() + "/" + live.session.id() + "?format=html&lang=da");
    b.go(Links.base(live) + href);
    b.until(d -> d.findElement(By.tagName("body")).getText().contains("Grønne gårde") ? Boolean.TRUE : null);
    assertThat(b.visible(By.tagName("h1")).getText()).endsWith("anbefalinger til byrådet");
    assertThat(b.consoleErrors()).as("errors in the browser console, CSP included").isEmpty();
  }
}
