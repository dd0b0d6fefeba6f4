package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.SpeakingCommand;
import org.tingsted.server.audit.AuditLog;
import org.tingsted.server.roster.Member;

/** The audit log of refused commands and staff actions, as an administrator exports it. */
@DisplayName("The audit log")
class AuditLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private LiveAssembly live;

  @BeforeEach
  void start() {
    live = LiveAssembly.start(1, 3);
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + live.node.port() + path))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private List<JsonNode> entries(String query) throws Exception {
    HttpResponse<String> response = send("GET", "/api/audit-log" + query, null, AdminLogin.token(live.node));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    var lines = new ArrayList<JsonNode>();
    for (String line : response.body().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  @DisplayName("A command refused over a real WebSocket is recorded with who, what, where and why, but not what it carried")
  void aRefusedCommand() throws Exception {
    Member sofie = live.members.get(0).get(0);
    String commandId = "=HYPERLINK(\"x\")";
    try (TableClient tablet = live.join(sofie)) {
      assertThat(error(tablet.call(new SpeakingCommand.GiveFloor(commandId, null, null))).code()).isEqualTo(ErrorCode.FORBIDDEN);
      tablet.sendRaw("{\"type\":\"propose\",\"id\":\"p-long\",\"title\":\"Secret title words\",\"text\":\""
          + "x".repeat(9000) + "\"}");
      assertThat(error(tablet.reply("p-long")).code()).isEqualTo(ErrorCode.TOO_LARGE);
    }
    List<JsonNode> log = entries("?assembly=" + live.assembly.id());
    JsonNode refused = log.stream().filter(e -> commandId.equals(e.path("commandId").asText())).findFirst().orElseThrow();
    assertThat(refused.get("kind").asText()).isEqualTo("refusal");
    assertThat(refused.get("actor").asText()).isEqualTo(sofie.id());
    assertThat(refused.get("role").asText()).isEqualTo("member");
    assertThat(refused.get("assembly").asText()).isEqualTo(live.assembly.id());
    assertThat(refused.get("stream").asText()).isEqualTo(live.stream(0));
    assertThat(refused.get("action").asText()).isEqualTo("giveFloor");
    assertThat(refused.get("outcome").asText()).isEqualTo("forbidden");
    assertThat(refused.get("reason").asText()).isNotBlank();
    assertThat(refused.get("times").asInt()).isEqualTo(1);
    assertThat(refused.get("time").asText()).endsWith("Z");
    JsonNode large = log.stream().filter(e -> "p-long".equals(e.path("commandId").asText())).findFirst().orElseThrow();
    assertThat(large.get("outcome").asText()).isEqualTo("too_large");
    assertThat(large.get("reason").asText()).as("what the decoder said may quote the frame: the code's meaning instead")
        .isEqualTo(ErrorCode.TOO_LARGE.meaning());
    assertThat(log.toString()).as("the command's body is not kept").doesNotContain("Secret title words", "xxxxxxxx");

    String csv = send("GET", "/api/audit-log?format=csv&assembly=" + live.assembly.id(), null, AdminLogin.token(live.node)).body();
    assertThat(csv).startsWith("\uFEFFid,kind,assembly,time").contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(");
  }

  @Test
  @DisplayName("Staff actions through the admin API are recorded with the actor, the call, its target and its outcome; a call without the token too")
  void staffActions() throws Exception {
    String a = live.assembly.id();
    HttpResponse<String> added = send("POST", "/api/assemblies/" + a + "/members",
        "{\"name\":\"Karen\",\"role\":\"member\",\"table\":\"" + live.table(0) + "\"}", AdminLogin.token(live.node));
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(send("GET", "/api/assemblies/" + a + "/members/nobody/export", null, AdminLogin.token(live.node)).statusCode())
        .isEqualTo(404);
    for (int i = 0; i < 5; i++) {
      assertThat(send("GET", "/api/assemblies/" + a, null, "wrong").statusCode()).isEqualTo(401);
    }
    List<JsonNode> log = entries("?assembly=" + a);
    JsonNode add = log.stream().filter(e -> e.get("action").asText().equals("POST /api/assemblies/" + a + "/members"))
        .findFirst().orElseThrow();
    assertThat(add.get("kind").asText()).isEqualTo("staff");
    assertThat(add.get("actor").asText()).as("the administrator's staff account").isEqualTo(AdminLogin.USERNAME);
    assertThat(add.get("outcome").asText()).isEqualTo("201");
    assertThat(add.get("target").asText()).isEqualTo("assembly=" + a);
    assertThat(add.toString()).as("the body of the call is not kept").doesNotContain("Karen");
    JsonNode missing = log.stream().filter(e -> e.get("action").asText().endsWith("/members/nobody/export")).findFirst().orElseThrow();
    assertThat(missing.get("outcome").asText()).isEqualTo("404 not_found");
    assertThat(missing.get("target").asText()).isEqualTo("assembly=" + a + " member=nobody");
    List<JsonNode> strangers = log.stream().filter(e -> e.get("actor").asText().equals(AuditLog.ANONYMOUS)).toList();
    assertThat(strangers).as("five calls without the token in one minute: one entry, counted").hasSizeBetween(1, 2);
    assertThat(strangers.stream().mapToInt(e -> e.get("times").asInt()).sum()).isEqualTo(5);
    assertThat(strangers.get(0).get("outcome").asText()).isEqualTo("401 unauthorized");
  }

  @Test
  @DisplayName("A member flooding refused commands writes one entry per code and minute, each counting every refusal")
  void aFloodStaysBounded() throws Exception {
    Member sofie = live.members.get(0).get(0);
    int sent = 300;
    try (TableClient tablet = live.join(sofie)) {
      for (int i = 0; i < sent; i++) {
        tablet.send(new SpeakingCommand.GiveFloor("flood-" + i, null, null));
      }
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tablet.isClosed()
          || tablet.received().stream().filter(m -> m instanceof Reply.Error).count() == sent);
      long refusals = tablet.received().stream().filter(m -> m instanceof Reply.Error).count();
      List<JsonNode> mine = entries("?assembly=" + live.assembly.id()).stream()
          .filter(e -> e.get("actor").asText().equals(sofie.id())).toList();
      Map<String, List<JsonNode>> byCode = mine.stream().collect(Collectors.groupingBy(e -> e.get("outcome").asText()));
      assertThat(byCode.keySet()).as("refused as forbidden, then as too fast").contains("forbidden", "rate_limited");
      byCode.forEach((code, entries) -> assertThat(entries).as(code + ": at most two minutes touched").hasSizeLessThanOrEqualTo(2));
      assertThat(mine.stream().mapToInt(e -> e.get("times").asInt()).sum()).as("every refusal counted").isEqualTo((int) refusals);
      assertThat(refusals).isGreaterThan(100);
    }
  }
}
