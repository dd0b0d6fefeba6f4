package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.error;
import static org.tingsted.server.TableClient.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Choice;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.CommentKind;
import org.tingsted.protocol.ModerationCommand;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.VoteParams;
import org.tingsted.server.roster.Member;

/**
 * A scripted session with known votes, run over real sockets, and its report, answers and
 * audit export read over the REST API in every format.
 */
@DisplayName("The report and the record of a session")
class LiveReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private LiveAssembly live;
  private WebClient web;

  @BeforeEach
  void start() {
    live = LiveAssembly.start(2, 6);
    web = WebClient.create(live.clients);
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }




  private HttpResponse<Buffer> get(String path, boolean admin) throws Exception {
    var request = web.get(live.node.port(), "127.0.0.1", path);
    if (admin) {
      request.bearerTokenAuthentication(AdminLogin.token(live.node));
    }
    return request.send().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> post(String path, String body) throws Exception {
    return web.post(live.node.port(), "127.0.0.1", path)
        .bearerTokenAuthentication(AdminLogin.token(live.node))
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body == null ? "" : body))
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("Recommendations with provenance, table votes, final support and the Council's answer, in JSON, CSV, Markdown and HTML; public only once published")
  void scriptedSessionReport() throws Exception {
    List<Member> table1 = live.members.get(0);
    String a = live.assembly.id();
    String s = live.session.id();
    String p1;
    String p2;
    try (TableClient lead = live.join(live.lead);
         TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient sofie = live.join(table1.get(0));
         TableClient mads = live.join(table1.get(1))) {
      p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Grønne gårde", "Træer i alle gårde"))));
      p2 = sofie.proposalOf(ack(mads.call(new ProposalCommand.Propose(id(), null, "Natbusser", "Hvert kvarter"))));
      ack(mads.call(new ProposalCommand.Comment(id(), null, p1, CommentKind.SUPPORT, "Mere skygge om sommeren", null)));
      ack(sofie.call(new ProposalCommand.Comment(id(), null, p1, CommentKind.CONCERN, "Hvem betaler vedligeholdelsen?", null)));
      Reply.Ack rude = ack(mads.call(new ProposalCommand.Comment(id(), null, p1, CommentKind.OTHER, "Something rude", null)));
      String rudeComment = ((Push.Event) sofie.await(m -> m instanceof Push.Event e && e.seq() == rude.seq())).data().get("comment").asText();
      ack(facilitator.call(new ModerationCommand.Hide(id(), null, rudeComment, "not respectful")));

      Map<String, Integer> both = Map.of(p1, 2, p2, 1);
      live.closedDotsVote(0, "v1", List.of(p1, p2), new VoteParams(3, 3),
          List.of(both, both, both, both, Map.of(p2, 3), Map.of(p2, 3)));

      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(0), p1, null, null, null)));
      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(0), p2, null, null, null)));
      ack(lead.call(new PlenaryCommand.OpenFinalVote(id(), List.of("d1", "d2"), 0.6667)));
      var everyone = new ArrayList<Member>(live.members.get(0));
      everyone.addAll(live.members.get(1));
      for (int i = 0; i < everyone.size(); i++) {
        try (TableClient voter = live.join(everyone.get(i))) {
          Choice onD1 = i < 8 ? Choice.SUPPORT : Choice.OPPOSE;
          Choice onD2 = i < 7 ? Choice.SUPPORT : Choice.ABSTAIN;
          ack(voter.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", onD1, "d2", onD2))));
        }
      }
      ack(lead.call(new PlenaryCommand.CloseFinalVote(id(), "f1")));
    }

    String session = "/reports/" + a + "/" + s;
    assertThat(get(session, false).statusCode()).as("not published yet").isEqualTo(404);
    assertThat(get("/reports/" + a, false).statusCode()).isEqualTo(404);

    var answered = post("/api/assemblies/" + a + "/sessions/" + s + "/answers",
        "{\"draft\":\"d1\",\"status\":\"partly_adopted\",\"text\":\"Vi planter i 20 gårde i 2027.\",\"date\":\"2027-03-14\"}");
    assertThat(answered.statusCode()).as(answered.bodyAsString()).isEqualTo(200);
    var badDate = post("/api/assemblies/" + a + "/sessions/" + s + "/answers",
        "{\"draft\":\"d1\",\"status\":\"adopted\",\"date\":\"2027-02-30\"}");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(post("/api/assemblies/" + a + "/sessions/" + s + "/answers",
        "{\"draft\":\"d9\",\"status\":\"adopted\",\"date\":\"2027-03-01\"}").statusCode()).isEqualTo(404);
    // Each code has its one status: a text over its limit is 413 too_large, as a body over its limit is.
    var tooLong = post("/api/assemblies/" + a + "/sessions/" + s + "/answers",
        "{\"draft\":\"d1\",\"status\":\"adopted\",\"text\":\"" + "x".repeat(5_001) + "\",\"date\":\"2027-03-01\"}");
    assertThat(tooLong.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(tooLong.bodyAsString()).get("code").asText()).isEqualTo("too_large");

    HttpResponse<Buffer> json = get("/api/assemblies/" + a + "/sessions/" + s + "/report", true);
    assertThat(json.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(json.bodyAsString());
    JsonNode recommendations = report.at("/sessions/0/recommendations");
    assertThat(recommendations).hasSize(2);
    JsonNode d1 = recommendations.get(0);
    assertThat(d1.get("draft").asText()).isEqualTo("d1");
    assertThat(d1.get("title").asText()).isEqualTo("Grønne gårde");
    assertThat(d1.at("/provenance/0/tableName").asText()).isEqualTo("Table 1");
    assertThat(d1.at("/provenance/0/proposal").asText()).isEqualTo(p1);
    assertThat(d1.at("/finalVote/electorate").asInt()).isEqualTo(12);
    assertThat(d1.at("/finalVote/support").asInt()).isEqualTo(8);
    assertThat(d1.at("/finalVote/oppose").asInt()).isEqualTo(4);
    assertThat(d1.at("/finalVote/adopted").asBoolean()).as("8 of 12 = 66.7 % meets 0.6667").isTrue();
    assertThat(d1.at("/tableVotes/0/dots/dots").asInt()).isEqualTo(8);
    assertThat(d1.at("/commentsFor/0/text").asText()).isEqualTo("Mere skygge om sommeren");
    assertThat(d1.at("/commentsAgainst/0/text").asText()).isEqualTo("Hvem betaler vedligeholdelsen?");
    assertThat(d1.at("/answer/status").asText()).isEqualTo("partly_adopted");
    JsonNode d2 = recommendations.get(1);
    assertThat(d2.at("/finalVote/support").asInt()).isEqualTo(7);
    assertThat(d2.at("/finalVote/abstain").asInt()).isEqualTo(5);
    assertThat(d2.at("/finalVote/adopted").asBoolean()).as("7 of 12 = 58.3 %").isFalse();
    assertThat(d2.at("/tableVotes/0/dots/dots").asInt()).isEqualTo(4 + 6);
    assertThat(json.bodyAsString()).doesNotContain("Something rude");

    HttpResponse<Buffer> csv = get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=csv", true);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    String[] rows = csv.bodyAsString().replace("\uFEFF", "").split("\r\n");
    assertThat(rows).hasSize(3);
    assertThat(rows[1]).contains("d1", "Grønne gårde", "0.6667", "yes", "partly_adopted", "2027-03-14");
    assertThat(rows[2]).contains("d2", "Natbusser", "0.5833", "no");

    String markdown = get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=md", true).bodyAsString();
    assertThat(markdown).contains("Grønne gårde", "66,7\u00a0%", "Vi planter i 20 gårde i 2027.", "Hvem betaler vedligeholdelsen?")
        .doesNotContain("Something rude");
    HttpResponse<Buffer> html = get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=html", true);
    assertThat(html.getHeader("Content-Type")).startsWith("text/html");
    assertThat(html.bodyAsString()).startsWith("<!doctype html>").contains("Grønne gårde", "66,7\u00a0%", "58,3\u00a0%")
        .doesNotContain("Something rude");
    assertThat(get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=pdf", true).statusCode()).isEqualTo(400);

    assertThat(post("/api/assemblies/" + a + "/sessions/" + s + "/report/publish", null).statusCode()).isEqualTo(200);
    assertThat(post("/api/assemblies/" + a + "/sessions/" + s + "/report/publish", null).statusCode()).isEqualTo(409);
    HttpResponse<Buffer> published = get(session + "?format=html", false);
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(published.bodyAsString()).contains("Grønne gårde");
    assertThat(get("/reports/" + a + "?format=csv", false).statusCode()).isEqualTo(200);
    assertThat(post("/api/assemblies/" + a + "/sessions/" + s + "/report/unpublish", null).statusCode()).isEqualTo(200);
    assertThat(get(session, false).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("A title of 120 emoji is 120 characters from the socket to the report: proposed, promoted and reported whole in every format")
  void emojiTitleEndToEnd() throws Exception {
    String trees = "\uD83C\uDF33".repeat(120);
    String a = live.assembly.id();
    String s = live.session.id();
    try (TableClient lead = live.join(live.lead); TableClient sofie = live.join(live.members.get(0).get(0))) {
      String p = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, trees, "Træer i hele byen"))));
      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(0), p, null, null, null)));
    }
    JsonNode report = JSON.readTree(get("/api/assemblies/" + a + "/sessions/" + s + "/report", true).bodyAsString());
    assertThat(report.at("/sessions/0/recommendations/0/title").asText()).isEqualTo(trees);
    for (String format : List.of("csv", "md", "html")) {
      String body = get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=" + format, true).bodyAsString();
      assertThat(body).as(format).contains(trees);
    }
  }

  /** Ids the model and the roster give things ("p3", "k1", "v2", "f1", "d4", "tm2", "an1"). */
  private static final Pattern MODEL_ID = Pattern.compile("\\b(p|k|v|f|d|c|tm|an)\\d+\\b");

  @Test
  @DisplayName("A draft promoted from a cluster starts with its proposals' words, and the report, in Danish and in English, shows each proposal with its table vote and comments, the session's date, and no id")
  void clusterProvenance() throws Exception {
    List<Member> table1 = live.members.get(0);
    String a = live.assembly.id();
    String s = live.session.id();
    try (TableClient lead = live.join(live.lead);
         TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient sofie = live.join(table1.get(0));
         TableClient mads = live.join(table1.get(1))) {
      String p1 = sofie.proposalOf(ack(sofie.call(new ProposalCommand.Propose(id(), null, "Grønne gårde", "Træer i alle gårde"))));
      String p2 = sofie.proposalOf(ack(mads.call(new ProposalCommand.Propose(id(), null, "Flere bænke", "Bænke i alle parker"))));
      String p3 = sofie.proposalOf(ack(mads.call(new ProposalCommand.Propose(id(), null, "Natbusser", "Hvert kvarter"))));
      ack(mads.call(new ProposalCommand.Comment(id(), null, p1, CommentKind.SUPPORT, "Mere skygge om sommeren", null)));
      ack(sofie.call(new ProposalCommand.Comment(id(), null, p2, CommentKind.CONCERN, "Hvem betaler bænkene?", null)));
      Map<String, Integer> green = Map.of(p1, 2, p2, 1);
      live.closedDotsVote(0, "v1", List.of(p1, p2, p3), new VoteParams(3, 3),
          List.of(green, green, green, green, Map.of(p3, 3), Map.of(p3, 3)));
      // The table groups its two green proposals after voting on them, as tables do.
      ack(sofie.call(new ClusterCommand.CreateCluster(id(), null, "Grønne områder", List.of(p1, p2))));
      ack(lead.call(new PlenaryCommand.Promote(id(), live.table(0), null, "k1", null, null)));
    }

    JsonNode report = JSON.readTree(get("/api/assemblies/" + a + "/sessions/" + s + "/report", true).bodyAsString());
    JsonNode d1 = report.at("/sessions/0/recommendations/0");
    assertThat(d1.get("title").asText()).isEqualTo("Grønne områder");
    assertThat(d1.get("text").asText()).isEqualTo("Grønne gårde\nTræer i alle gårde\n\nFlere bænke\nBænke i alle parker");

    HttpResponse<Buffer> danish = get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=md", true);
    assertThat(danish.getHeader("Content-Language")).isEqualTo("da");
    String md = danish.bodyAsString();
    assertThat(md).startsWith("# Test assembly: anbefalinger til byrådet\n")
        .contains("## Day 1 — 6. marts 2027\n", "Udarbejdet ")
        .containsSubsequence(
            "- Table 1: gruppe «Grønne områder»\n",
            "  - Gruppens forslag:\n",
            "    - Forslag 1 «Grønne gårde»\n",
            "      - Afstemning 1 ved bordet (prikker, 6 stemmer): 8 prikker, nr. 1 af 3\n",
            "      - Kommentarer for:\n",
            "        - Mere skygge om sommeren\n",
            "    - Forslag 2 «Flere bænke»\n",
            "      - Afstemning 1 ved bordet (prikker, 6 stemmer): 4 prikker, nr. 3 af 3\n",
            "      - Kommentarer imod:\n",
            "        - Hvem betaler bænkene?\n")
        .doesNotContain("Natbusser");
    String html = get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=html", true).bodyAsString();
    assertThat(html).startsWith("<!doctype html>\n<html lang=\"da\">")
        .contains("<h2 id=\"session-1\">Day 1 — 6. marts 2027</h2>",
            "<p class=\"proposal-name\">Forslag 1 «Grønne gårde»</p>",
            "<li>Afstemning 1 ved bordet (prikker, 6 stemmer): 8 prikker, nr. 1 af 3</li>",
            "<li class=\"comment\">Hvem betaler bænkene?</li>");

    String english = get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=md&lang=en", true).bodyAsString();
    assertThat(english).startsWith("# Test assembly: recommendations to the City Council\n")
        .contains("## Day 1 — 6 March 2027\n", "Generated on ")
        .containsSubsequence("- Table 1: group “Grønne områder”\n", "    - Proposal 1 “Grønne gårde”\n",
            "      - Table vote 1 (dots, 6 ballots): 8 dots, rank 1 of 3\n", "      - Comments for:\n",
            "    - Proposal 2 “Flere bænke”\n", "      - Comments against:\n");
    String englishHtml = get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=html&lang=en", true).bodyAsString();
    assertThat(englishHtml).startsWith("<!doctype html>\n<html lang=\"en\">").contains("6 March 2027", "8 dots, rank 1 of 3");

    List<String> ids = new ArrayList<>(List.of(a, s, live.table(0), live.table(1)));
    table1.forEach(m -> ids.add(m.id()));
    for (String human : List.of(md, html, english, englishHtml)) {
      assertThat(MODEL_ID.matcher(human).results().map(r -> r.group()).toList()).as("ids in the report").isEmpty();
      assertThat(human).doesNotContain(ids);
    }
    assertThat(get("/api/assemblies/" + a + "/sessions/" + s + "/report?format=md&lang=fr", true).statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName("The audit export holds every event with who and when, hidden items and their moderation record included")
  void auditExport() throws Exception {
    String hidden;
    try (TableClient facilitator = live.join(live.facilitators.get(0));
         TableClient sofie = live.join(live.members.get(0).get(0))) {
      Reply.Ack proposed = ack(sofie.call(new ProposalCommand.Propose(id(), null, "Spam spam", "Buy now")));
      hidden = sofie.proposalOf(proposed);
      ack(facilitator.call(new ModerationCommand.Hide(id(), null, hidden, "advertising")));
    }
    assertThat(get("/api/assemblies/" + live.assembly.id() + "/audit", false).statusCode()).isEqualTo(401);
    HttpResponse<Buffer> audit = get("/api/assemblies/" + live.assembly.id() + "/audit", true);
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(audit.getHeader("Content-Type")).startsWith("application/x-ndjson");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : audit.bodyAsString().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("kind").asText()).isEqualTo("proposed");
    assertThat(lines.get(0).at("/data/title").asText()).isEqualTo("Spam spam");
    assertThat(lines.get(0).get("byName").asText()).isEqualTo("Table 1 member 1");
    assertThat(lines.get(1).get("kind").asText()).isEqualTo("itemHidden");
    assertThat(lines.get(1).at("/data/reason").asText()).isEqualTo("advertising");
    assertThat(lines.get(1).get("byRole").asText()).isEqualTo("facilitator");
    assertThat(lines.get(1).get("time").asText()).endsWith("Z");
  }
}
