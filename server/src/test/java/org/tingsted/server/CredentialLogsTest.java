package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.Protocol;

/**
 * What a server logs about credentials, read from the log of a server in a process of its own,
 * at info level with Tingsted's own loggers at debug: links and sessions are used, refused and
 * revoked, and no credential, nor the signature part of one, is in the log.
 */
@DisplayName("Credentials never reach the log")
class CredentialLogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> post(ServerProcess server, String path, String authorization, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("a day of exchanges, a refused and a revoked credential leaves no link or session credential in the server's log")
  void noCredentialInTheLog() throws Exception {
    Path data = Files.createTempDirectory("tingsted-logs-").resolve("data");
    Vertx clients = Vertx.vertx();
    String adminToken = "admin-" + UUID.randomUUID();
    try (ServerProcess server = new ServerProcess(data, adminToken, List.of("--cluster-name", "logs-" + UUID.randomUUID()),
        List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.log.org.tingsted=debug")).start()) {
      String admin = "Bearer " + AdminLogin.token(server.baseUrl(), adminToken);
      JsonNode assembly = JSON.readTree(post(server, "/api/assemblies", admin,
          "{\"name\":\"Logs\",\"sessions\":[{\"name\":\"Day\",\"tables\":[\"Table 1\"]}]}").body());
      String id = assembly.get("id").asText();
      String table = assembly.at("/sessions/0/tables/0/id").asText();
      JsonNode member = JSON.readTree(post(server, "/api/assemblies/" + id + "/members", admin,
          "{\"name\":\"Sofie\",\"role\":\"member\",\"table\":\"" + table + "\"}").body());
      String link = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/assemblies/" + id
          + "/members/" + member.get("id").asText() + "/join-link")).header("Authorization", admin).build(),
          HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();

      String session = ProcessCluster.session(server, link);
      TableClient open = TableClient.join(clients, server.port, session);
      for (String wrong : List.of(link, session.substring(0, session.length() - 3) + "AAA")) {
        TableClient refused = TableClient.open(clients, server.port);
        refused.send(new ConnectionCommand.Hello("h1", wrong, Device.ROOM, null));
        assertThat(refused.awaitClosed()).isEqualTo((short) Protocol.CLOSE_UNAUTHORIZED);
      }
      assertThat(post(server, "/session", null, "{\"link\":\"" + session + "\"}").statusCode()).isEqualTo(401);
      HttpResponse<String> reissued = post(server, "/api/assemblies/" + id + "/members/" + member.get("id").asText() + "/reissue",
          admin, "");
      assertThat(reissued.statusCode()).isEqualTo(200);
      String fresh = JSON.readTree(reissued.body()).get("token").asText();
      assertThat(open.awaitClosed()).isEqualTo((short) Protocol.CLOSE_REVOKED);
      assertThat(post(server, "/session", null, "{\"link\":\"" + link + "\"}").statusCode()).isEqualTo(401);
      TableClient.join(clients, server.port, ProcessCluster.session(server, fresh)).close();
      server.close();

      String log = Files.readString(server.log());
      assertThat(log).as("the connections closed are logged, so this log is the one to read")
          .contains("closing the connection of " + member.get("id").asText() + " with 4410");
      for (String credential : List.of(link, session, fresh)) {
        String mac = credential.substring(credential.lastIndexOf('.') + 1);
        String payload = credential.split("\\.")[2];
        assertThat(log).doesNotContain(mac).doesNotContain(payload);
      }
    } finally {
      clients.close();
    }
  }
}
