package org.tingsted.server.http;

import org.tingsted.server.AdminLogin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.Settings;
import org.tingsted.server.TingstedNode;

/** Personal data through the admin API: kept apart from the roster, checked, durable. */
@DisplayName("Personal data in the admin API")
class PersonalDataApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private TingstedNode node;

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .header("Authorization", AdminLogin.bearer(node))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.headers().firstValue("Cache-Control")).as(method + " " + path).hasValue("no-store");
    return response;
  }

  private JsonNode call(String method, String path, String body, int status) throws Exception {
    HttpResponse<String> response = send(method, path, body);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  @Test
  @DisplayName("Set with a person or on its own, read back only on its own route, checked against its limits, deleted, and kept across a restart")
  void personalDataApart() throws Exception {
    Settings settings = Settings.forTest("personal-" + UUID.randomUUID());
    node = await(TingstedNode.start(settings));
    try {
      JsonNode assembly = call("POST", "/api/assemblies",
          "{\"name\":\"Tinget\",\"sessions\":[{\"name\":\"Dag 1\",\"date\":\"2027-03-06\",\"tables\":[\"Bord 1\"]}]}", 201);
      String a = assembly.get("id").asText();
      String table = assembly.at("/sessions/0/tables/0/id").asText();
      JsonNode sofie = call("POST", "/api/assemblies/" + a + "/members", "{\"name\":\"Sofie\",\"role\":\"member\",\"table\":\""
          + table + "\",\"personal\":{\"legalName\":\"Sofie Marie Hansen\",\"contact\":{\"email\":\"sofie@example.org\"},"
          + "\"demographics\":{\"ageBand\":\"30-39\",\"district\":\"Nørrebro\"}}}", 201);
      String m = sofie.get("id").asText();
      assertThat(sofie.has("personal")).as("the roster entry carries none of it").isFalse();
      String person = "/api/assemblies/" + a + "/members/" + m + "/personal";
      JsonNode kept = call("GET", person, null, 200);
      assertThat(kept.get("legalName").asText()).isEqualTo("Sofie Marie Hansen");
      assertThat(kept.at("/contact/email").asText()).isEqualTo("sofie@example.org");
      assertThat(kept.at("/demographics/district").asText()).isEqualTo("Nørrebro");
      assertThat(send("GET", "/api/assemblies/" + a, null).body()).doesNotContain("Hansen", "sofie@example.org", "Nørrebro");
      assertThat(send("GET", "/api/assemblies/" + a + "/members", null).body()).doesNotContain("Hansen", "example.org");

      String many = IntStream.range(0, 33).mapToObj(i -> "\"k" + i + "\":\"v\"").collect(Collectors.joining(",", "{", "}"));
      for (String bad : new String[] {"{\"contact\":" + many + "}", "{\"contact\":{\"email\":\" \"}}",
          "{\"demographics\":{\"" + "k".repeat(65) + "\":\"v\"}}", "{\"legalName\":\"" + "n".repeat(501) + "\"}",
          "{\"contact\":{\"email\":null}}"}) {
        assertThat(call("PUT", person, bad, 400).get("code").asText()).as(bad).isEqualTo("invalid");
      }
      assertThat(call("GET", person, null, 200)).as("a refused change changes nothing").isEqualTo(kept);
      int before = call("GET", "/api/assemblies/" + a + "/members", null, 200).size();
      call("POST", "/api/assemblies/" + a + "/members", "{\"name\":\"Mads\",\"role\":\"member\",\"table\":\"" + table
          + "\",\"personal\":{\"contact\":" + many + "}}", 400);
      assertThat(call("GET", "/api/assemblies/" + a + "/members", null, 200)).as("nobody is added with bad data").hasSize(before);
      assertThat(call("GET", "/api/assemblies/" + a + "/members/nobody/personal", null, 404).get("code").asText()).isEqualTo("not_found");
      assertThat(call("PUT", "/api/assemblies/nowhere/members/" + m + "/personal", "{}", 404).get("code").asText()).isEqualTo("not_found");

      JsonNode replaced = call("PUT", person, "{\"contact\":{\"phone\":\"+45 12 34 56 78\"}}", 200);
      assertThat(replaced.has("legalName")).as("a PUT replaces the whole record").isFalse();
      await(node.close());
      node = await(TingstedNode.start(settings));
      assertThat(call("GET", person, null, 200).at("/contact/phone").asText()).as("kept in the journal").isEqualTo("+45 12 34 56 78");
      assertThat(call("DELETE", person, null, 200).get("personalDataDeleted").asBoolean()).isTrue();
      assertThat(call("DELETE", person, null, 200).get("personalDataDeleted").asBoolean()).isFalse();
      call("GET", person, null, 404);
      assertThat(call("GET", "/api/assemblies/" + a + "/members", null, 200).get(0).get("name").asText())
          .as("the person stays in the roster").isEqualTo("Sofie");
    } finally {
      await(node.close());
    }
  }
}
