package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.error;
import static org.tingsted.server.TableClient.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tingsted.protocol.AgendaItem;
import org.tingsted.protocol.Ballot;
import org.tingsted.protocol.Choice;
import org.tingsted.protocol.ClusterCommand;
import org.tingsted.protocol.CommentKind;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.PhaseKind;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.SpeakingCommand;
import org.tingsted.protocol.VoteCommand;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.protocol.VoteParams;

/**
 * A whole session day against a server in a process of its own that logs everything it has to
 * say (at {@code debug}, Hazelcast at {@code info}), with marker strings in every
 * person's names and personal data, in what they write, and the tokens they hold: then one
 * member is pseudonymised, and nothing of theirs may remain; and the log holds none of it.
 */
@DisplayName("Personal data: kept apart, erased by pseudonymisation, never logged")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataLiveTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every marker starts with this, so that one search finds any of them. */
  private static final String MARK = "Zqxj";

  private static ServerProcess server;
  private static Vertx clients;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String assembly;
  private static String session;
  private static String table;
  /** People by their role in the script: lead, facilitator, a (the one pseudonymised later), b, c. */
  private static final Map<String, JsonNode> people = new LinkedHashMap<>();
  private static final Map<String, String> tokens = new LinkedHashMap<>();
  private static final List<String> refusedCommandIds = new ArrayList<>();

  /** The markers of one person: display name, legal name and contact and demographic data. */
  private static List<String> personalMarkers(String who) {
    return List.of(displayName(who), MARK + "Legal" + who, MARK + who + "@post.example", "+45 " + MARK + "Phone" + who,
        MARK + "Vej " + who, MARK + "District" + who);
  }

  private static String displayName(String who) {
    return MARK + "Name" + who;
  }

  @BeforeAll
  static void aSessionDay() throws Exception {
    Path data = Files.createTempDirectory("tingsted-personal-");
    server = new ServerProcess(data.resolve("node"), "admin-" + MARK + UUID.randomUUID(),
        List.of("--cluster-name", "personal-" + UUID.randomUUID()),
        List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug", "-Dorg.slf4j.simpleLogger.log.com.hazelcast=info")).start();
    clients = Vertx.vertx();

    JsonNode created = call("POST", "/api/assemblies", """
        {"name":"Borgertinget om byens træer","question":"Hvor skal træerne stå?",
         "sessions":[{"name":"Dag 1","date":"2027-03-06","tables":["Bord 1"]}]}""", 201);
    assembly = created.get("id").asText();
    session = created.at("/sessions/0/id").asText();
    table = created.at("/sessions/0/tables/0/id").asText();
    addPerson("lead", "lead_facilitator", null);
    addPerson("facilitator", "facilitator", table);
    for (String who : List.of("a", "b", "c")) {
      addPerson(who, "member", table);
    }
    for (JsonNode link : call("GET", "/api/assemblies/" + assembly + "/join-links", null, 200)) {
      String who = people.entrySet().stream().filter(e -> e.getValue().get("id").asText().equals(link.get("member").asText()))
          .findFirst().orElseThrow().getKey();
      tokens.put(who, link.get("token").asText());
      // The app exchanges the link for a session at once; hello takes the session.
      tokens.put(who + " session", call("POST", "/session",
          JSON.createObjectNode().put("link", link.get("token").asText()).toString(), 200).get("session").asText());
    }

    try (TableClient lead = join("lead"); TableClient facilitator = join("facilitator");
         TableClient a = join("a"); TableClient b = join("b"); TableClient c = join("c")) {
      ack(lead.call(new ControlCommand.SetAgenda(id(), List.of(
          AgendaItem.of(PhaseKind.WELCOME, MARK + "Velkommen", 0), AgendaItem.of(PhaseKind.PROPOSE, "Forslag", 0),
          AgendaItem.of(PhaseKind.CLUSTER, "Gruppering", 0), AgendaItem.of(PhaseKind.RANK, "Prioritering", 0),
          AgendaItem.of(PhaseKind.PLENARY, "Plenum", 0)))));
      ack(lead.call(new ControlCommand.StartAgenda(id())));
      // Refused commands whose bodies carry markers: the audit log keeps who, what and why, not the body.
      String early = id();
      assertThat(error(a.call(new ProposalCommand.Propose(early, null, MARK + "TooEarlyTitle", MARK + "TooEarlyText"))).code())
          .isEqualTo(ErrorCode.PHASE_CLOSED);
      refusedCommandIds.add(early);
      String forbidden = id();
      assertThat(error(b.call(new SpeakingCommand.GiveFloor(forbidden, null, null))).code()).isEqualTo(ErrorCode.FORBIDDEN);
      refusedCommandIds.add(forbidden);
      a.sendRaw("{\"type\":\"propose\",\"id\":\"raw1\",\"title\":" + MARK + "Unquoted}");
      a.await(m -> m instanceof Reply.Error e && e.id() == null && e.code() == ErrorCode.INVALID);

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      String p1 = a.proposalOf(ack(a.call(new ProposalCommand.Propose(id(), null, MARK + "TitleA", MARK + "TextA"))));
      String p2 = b.proposalOf(ack(b.call(new ProposalCommand.Propose(id(), null, MARK + "TitleB", MARK + "TextB"))));
      ack(a.call(new ProposalCommand.Edit(id(), null, p1, 1, MARK + "TitleA2", MARK + "TextA2")));
      ack(b.call(new ProposalCommand.Comment(id(), null, p1, CommentKind.SUPPORT, MARK + "SupportByB", null)));
      ack(a.call(new ProposalCommand.Comment(id(), null, p2, CommentKind.CONCERN, MARK + "ConcernByA", null)));
      ack(c.call(new ProposalCommand.Comment(id(), null, p1, CommentKind.QUESTION, MARK + "QuestionByC", null)));
      ack(a.call(new SpeakingCommand.RaiseHand(id(), null)));
      ack(facilitator.call(new SpeakingCommand.GiveFloor(id(), null, null)));
      ack(a.call(new SpeakingCommand.EndTurn(id(), null)));

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      ack(a.call(new ClusterCommand.CreateCluster(id(), null, MARK + "ClusterName", List.of(p2))));

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      ack(facilitator.call(new VoteCommand.OpenVote(id(), null, VoteMethod.DOTS, List.of(p1, p2), new VoteParams(3, 3))));
      ack(a.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of(p1, 2, p2, 1)))));
      ack(b.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of(p2, 3)))));
      ack(c.call(new VoteCommand.CastBallot(id(), null, "v1", Ballot.dots(Map.of(p1, 3)))));
      ack(facilitator.call(new VoteCommand.CloseVote(id(), null, "v1")));
      ack(facilitator.call(new VoteCommand.PublishResult(id(), null, "v1")));

      ack(lead.call(new ControlCommand.AdvancePhase(id())));
      ack(lead.call(new ControlCommand.Announce(id(), MARK + "Announcement", null)));
      ack(lead.call(new PlenaryCommand.Promote(id(), table, p1, null, null, null)));
      ack(lead.call(new PlenaryCommand.Promote(id(), table, p2, null, null, null)));
      ack(lead.call(new PlenaryCommand.OpenFinalVote(id(), List.of("d1", "d2"), 0.5)));
      ack(a.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT, "d2", Choice.OPPOSE))));
      ack(b.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.SUPPORT, "d2", Choice.SUPPORT))));
      ack(c.call(new PlenaryCommand.CastFinalBallot(id(), "f1", Map.of("d1", Choice.ABSTAIN, "d2", Choice.SUPPORT))));
      ack(lead.call(new PlenaryCommand.CloseFinalVote(id(), "f1")));
      assertThat(b.call(new ConnectionCommand.History(id(), "table:" + table, 1, 50))).isInstanceOf(Reply.History.class);
    }
    call("POST", "/api/assemblies/" + assembly + "/sessions/" + session + "/answers",
        "{\"draft\":\"d1\",\"status\":\"adopted\",\"text\":\"" + MARK + "CouncilAnswer\",\"date\":\"2027-04-01\"}", 200);
    call("POST", "/api/assemblies/" + assembly + "/sessions/" + session + "/report/publish", null, 200);
  }

  private static void addPerson(String who, String role, String atTable) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("name", displayName(who)).put("role", role);
    if (atTable != null) {
      body.put("table", atTable);
    } else {
      body.put("session", session);
    }
    List<String> m = personalMarkers(who);
    body.putObject("personal").put("legalName", m.get(1))
        .<ObjectNode>set("contact", JSON.createObjectNode().put("email", m.get(2)).put("phone", m.get(3)).put("address", m.get(4)))
        .set("demographics", JSON.createObjectNode().put("district", m.get(5)).put("ageBand", "30-39").put("gender", "f"));
    people.put(who, call("POST", "/api/assemblies/" + assembly + "/members", body.toString(), 201));
  }

  private static TableClient join(String who) {
    return TableClient.join(clients, server.port, tokens.get(who + " session"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (clients != null) {
      LiveAssembly.await(clients.close());
    }
    if (server != null) {
      server.close();
    }
  }

  private static HttpResponse<String> send(String method, String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + AdminLogin.token(server.baseUrl(), server.adminToken)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode call(String method, String path, String body, int status) throws Exception {
    HttpResponse<String> response = send(method, path, body);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String text(String path) throws Exception {
    HttpResponse<String> response = send("GET", path, null);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  /** Every answer of the admin API that could show a person, by what it is. */
  private static Map<String, String> everyView() throws Exception {
    var views = new LinkedHashMap<String, String>();
    String a = "/api/assemblies/" + assembly;
    views.put("assembly", text(a));
    views.put("assemblies", text("/api/assemblies"));
    views.put("members", text(a + "/members"));
    views.put("join-links", text(a + "/join-links"));
    views.put("audit export", text(a + "/audit"));
    views.put("audit log", text("/api/audit-log"));
    views.put("audit log csv", text("/api/audit-log?format=csv"));
    for (String format : List.of("json", "csv", "md", "html")) {
      views.put("report " + format, text(a + "/report?format=" + format));
      views.put("public report " + format, text("/reports/" + assembly + "?format=" + format));
    }
    for (String who : people.keySet()) {
      views.put("export of " + who, text(a + "/members/" + people.get(who).get("id").asText() + "/export"));
    }
    return views;
  }

  /** A report with the moment it was made taken out: that is all that may differ between two. */
  private static String timeless(String report) {
    return report.replaceAll("\"generatedAt\":\\d+", "").replaceAll("(Udarbejdet|Generated on) [^\\n<]*", "");
  }

  @Test
  @Order(1)
  @DisplayName("Member erasure: after pseudonymising a member, nothing personal of theirs is in any API answer, export, report or snapshot, and the report is unchanged")
  void pseudonymisingAMember() throws Exception {
    String a = people.get("a").get("id").asText();
    String path = "/api/assemblies/" + assembly + "/members/" + a;
    JsonNode personal = call("GET", path + "/personal", null, 200);
    assertThat(personal.get("legalName").asText()).isEqualTo(MARK + "Legala");
    assertThat(personal.at("/contact/email").asText()).isEqualTo(MARK + "a@post.example");
    assertThat(personal.at("/demographics/district").asText()).isEqualTo(MARK + "Districta");
    JsonNode before = call("GET", path + "/export", null, 200);
    assertThat(before.at("/member/name").asText()).isEqualTo(displayName("a"));
    assertThat(before.at("/personal/legalName").asText()).isEqualTo(MARK + "Legala");
    assertThat(before.at("/contributions/proposals")).hasSize(2);
    assertThat(before.at("/contributions/comments")).hasSize(1);
    assertThat(before.at("/contributions/ballots")).as("a dots ballot and a final ballot").hasSize(2);
    assertThat(before.at("/contributions/comments/0/data/text").asText()).isEqualTo(MARK + "ConcernByA");
    assertThat(before.get("about")).as("what others did about them: the floor given to them")
        .anySatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("floorGiven"));
    Map<String, String> viewsBefore = everyView();
    assertThat(viewsBefore.get("members")).as("the roster shows display names, never personal data")
        .contains(displayName("a")).doesNotContain(MARK + "Legal", MARK + "a@post");
    for (String format : List.of("json", "csv", "md", "html")) {
      assertThat(viewsBefore.get("report " + format)).as("the report names nobody").doesNotContain(MARK + "Name");
    }
    assertThat(viewsBefore.get("audit export")).as("the event record names people by display name only")
        .contains(displayName("a")).doesNotContain(MARK + "Legal", "@post.example", MARK + "District");
    assertThat(viewsBefore.get("audit log")).doesNotContain(MARK + "TooEarly", MARK + "Unquoted");

    try (TableClient b = join("b")) {
      JsonNode done = call("POST", path + "/pseudonymise", null, 200);
      assertThat(done.at("/member/name").asText()).isEqualTo("Medlem 1");
      assertThat(done.get("personalDataDeleted").asBoolean()).isTrue();
      b.await(m -> m instanceof Push.Presence p && p.members().stream().anyMatch(x -> x.name().equals("Medlem 1")));
    }
    JsonNode again = call("POST", path + "/pseudonymise", null, 200);
    assertThat(again.at("/member/name").asText()).as("twice is the same as once").isEqualTo("Medlem 1");
    assertThat(again.get("personalDataDeleted").asBoolean()).isFalse();
    assertThat(call("GET", path + "/personal", null, 404).get("code").asText()).isEqualTo("not_found");
    assertThat(call("PUT", path + "/personal", "{\"legalName\":\"Someone\"}", 409).get("code").asText()).isEqualTo("conflict");
    assertThat(call("GET", path + "/join-link", null, 409).get("code").asText()).isEqualTo("conflict");

    Map<String, String> viewsAfter = everyView();
    viewsAfter.forEach((view, body) -> assertThat(body).as(view).doesNotContain(personalMarkers("a")));
    for (String format : List.of("json", "csv", "md", "html")) {
      assertThat(timeless(viewsAfter.get("report " + format))).as("the " + format + " report, but for when it was made")
          .isEqualTo(timeless(viewsBefore.get("report " + format)));
    }
    assertThat(viewsAfter.get("audit export")).as("the record is whole: only the name changed")
        .isEqualTo(viewsBefore.get("audit export").replace(displayName("a"), "Medlem 1"));
    JsonNode after = JSON.readTree(viewsAfter.get("export of a"));
    assertThat(after.at("/member/name").asText()).isEqualTo("Medlem 1");
    assertThat(after.get("personal").isNull()).isTrue();
    assertThat(after.get("contributions")).as("what they contributed stays the assembly's").isEqualTo(before.get("contributions"));
    assertThat(viewsAfter.get("export of b")).contains(displayName("b"), MARK + "Legalb");

    for (String who : List.of("b", "lead")) {
      try (TableClient client = join(who)) {
        client.await(m -> m instanceof Push.Presence p && p.members().stream().anyMatch(x -> x.name().equals("Medlem 1")));
        if (who.equals("lead")) {
          client.await(m -> m instanceof Push.Console);
        }
        String seen = String.join("\n", client.rawFrames());
        assertThat(seen).as("the welcome, snapshots, presence (and console) of " + who).contains("Medlem 1", displayName(who))
            .doesNotContain(personalMarkers("a")).doesNotContain(MARK + "Legal", "@post.example", MARK + "District");
      }
    }
    TableClient refused = TableClient.open(clients, server.port);
    String hello = id();
    refused.send(new ConnectionCommand.Hello(hello, tokens.get("a session"), null, null));
    assertThat(error(refused.replyWithin(hello, TableClient.WAIT)).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(refused.awaitClosed()).isEqualTo((short) Protocol.CLOSE_UNAUTHORIZED);
    assertThat(send("POST", "/session", JSON.createObjectNode().put("link", tokens.get("a")).toString()).statusCode())
        .as("their link is exchanged for no session").isEqualTo(401);

    String auditLog = text("/api/audit-log?assembly=" + assembly);
    assertThat(auditLog).as("the staff action is recorded").contains("\"action\":\"POST " + path + "/pseudonymise\"", "\"actor\":\"" + AdminLogin.USERNAME + "\"");
    assertThat(auditLog).as("the refused join of the pseudonymised").contains("\"actor\":\"" + a + "\"", "\"outcome\":\"unauthorized\"");
  }

  @Test
  @Order(2)
  @DisplayName("The log of the whole day holds no names, personal data, message bodies or tokens")
  void theLogHoldsNothingPersonal() throws Exception {
    // A request without the admin token and one that fails are in the day too.
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/assemblies")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    call("POST", "/api/assemblies", "{\"name\":\"" + MARK + "Broken\",\"sessions\":[null]}", 400);
    server.stop();
    String log = Files.readString(server.log(), StandardCharsets.UTF_8);
    assertThat(log).as("the log was written at debug for Tingsted").contains("closing the connection of");
    assertThat(log.toLowerCase()).as("no marker of any name, personal data, text or the admin token")
        .doesNotContain(MARK.toLowerCase());
    for (var token : tokens.entrySet()) {
      assertThat(log).as("the join token of " + token.getKey()).doesNotContain(token.getValue());
    }
    assertThat(log).doesNotContain(server.adminToken);
    assertThat(log).as("the administrator's password and session token").doesNotContain(AdminLogin.PASSWORD)
        .doesNotContain(AdminLogin.token(server.baseUrl(), server.adminToken));
  }
}
