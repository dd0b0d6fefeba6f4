package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;

@DisplayName("A server killed with SIGKILL while members propose")
class KillRecoveryTest {

  private static final int MEMBERS = 4;
  private static final int COMMANDS_EACH = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("restarts with every acknowledged event exactly once, in order; members resume without a gap and retries are not doubled")
  void killedServerLosesNothingAcknowledged() throws Exception {
    Path data = Files.createTempDirectory("tingsted-kill-").resolve("data");
    Vertx clients = Vertx.vertx();
    try (ServerProcess server = new ServerProcess(data, "admin-" + UUID.randomUUID()).start()) {
      WebClient web = WebClient.create(clients);
      List<String> tokens = seatMembers(web, server);
      String stream = null;

      var tablets = new ArrayList<TableClient>();
      for (String token : tokens) {
        tablets.add(TableClient.join(clients, server.port, token));
      }
      stream = tablets.get(0).welcome().streams().keySet().iterator().next();

      Map<String, Reply.Ack> acked = new ConcurrentHashMap<>();
      Map<String, ProposalCommand.Propose> sent = new ConcurrentHashMap<>();
      var threads = new ArrayList<Thread>();
      for (int m = 0; m < MEMBERS; m++) {
        TableClient tablet = tablets.get(m);
        int member = m;
        Thread t = new Thread(() -> {
          for (int i = 0; i < COMMANDS_EACH; i++) {
            var propose = new ProposalCommand.Propose("k" + member + "-" + i, null, "Idea " + member + "-" + i, "Text");
            sent.put(propose.id(), propose);
            tablet.send(propose);
            Reply reply = tablet.replyWithin(propose.id(), Duration.ofSeconds(3));
            if (reply == null) {
              return;
            }
            assertThat(reply).isInstanceOf(Reply.Ack.class);
            acked.put(propose.id(), (Reply.Ack) reply);
          }
        });
        t.start();
        threads.add(t);
      }
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= MEMBERS * COMMANDS_EACH / 2);
      server.kill();
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(30));
      }
      Map<String, Reply.Ack> ackedBeforeKill = new HashMap<>(acked);
      assertThat(ackedBeforeKill.size()).isGreaterThanOrEqualTo(MEMBERS * COMMANDS_EACH / 2);

      server.start();
      long lastSeq = 0;
      var resumed = new ArrayList<TableClient>();
      for (int m = 0; m < MEMBERS; m++) {
        long seen = tablets.get(m).lastSeq(stream);
        String session = tablets.get(m).welcome().streams().keySet().stream().filter(n -> n.startsWith("session:")).findFirst().orElseThrow();
        TableClient back = TableClient.join(clients, server.port, tokens.get(m), Device.ROOM,
            Map.of(stream, seen, session, tablets.get(m).lastSeq(session)));
        long current = back.welcome().streams().get(stream);
        assertThat(current).as("acknowledged events survive").isGreaterThanOrEqualTo(ackedBeforeKill.size());
        List<Push.Event> missed = back.awaitEvents(stream, (int) (current - seen));
        assertThat(missed).extracting(Push.Event::seq)
            .as("member %d resumes from seq %d without a gap", m, seen)
            .containsExactlyElementsOf(LongStream.rangeClosed(seen + 1, current).boxed().toList());
        assertThat(back.received()).noneMatch(msg -> msg instanceof Push.Snapshot);
        resumed.add(back);
        lastSeq = current;
      }

      // Every command is sent again with its id, acknowledged or not: the acknowledged ones get
      // their original ack, the lost ones are applied now, and nothing is applied twice.
      for (var entry : sent.entrySet()) {
        int member = Integer.parseInt(entry.getKey().substring(1, entry.getKey().indexOf('-')));
        Reply reply = resumed.get(member).call(entry.getValue());
        assertThat(reply).isInstanceOf(Reply.Ack.class);
        Reply.Ack before = ackedBeforeKill.get(entry.getKey());
        if (before != null) {
          assertThat(reply).as("retry of acknowledged %s", entry.getKey()).isEqualTo(before);
        }
      }

      TableClient reader = TableClient.join(clients, server.port, tokens.get(0), Device.REMOTE, Map.of(stream, 0L));
      long total = reader.welcome().streams().get(stream);
      assertThat(total).isEqualTo(sent.size());
      List<Push.Event> all = reader.awaitEvents(stream, (int) total);
      assertThat(all).extracting(Push.Event::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      Map<String, Long> titles = all.stream().collect(Collectors.groupingBy(e -> e.data().get("title").asText(), Collectors.counting()));
      assertThat(titles).hasSize(sent.size()).allSatisfy((title, count) -> assertThat(count).as(title).isEqualTo(1L));
      for (var ack : ackedBeforeKill.entrySet()) {
        Push.Event event = all.get((int) (ack.getValue().seq() - 1));
        assertThat(event.data().get("title").asText()).isEqualTo(sent.get(ack.getKey()).title());
      }
      assertThat(lastSeq).isGreaterThan(0);
    } finally {
      clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** One assembly, one table, {@link #MEMBERS} members, through the admin API; returns their session credentials. */
  private static List<String> seatMembers(WebClient web, ServerProcess server) throws Exception {
    JsonNode assembly = post(web, server, "/api/assemblies",
        "{\"name\":\"Kill test\",\"sessions\":[{\"name\":\"Day\",\"tables\":[\"Table 1\"]}]}");
    String id = assembly.get("id").asText();
    String table = assembly.at("/sessions/0/tables/0/id").asText();
    for (int m = 0; m < MEMBERS; m++) {
      post(web, server, "/api/assemblies/" + id + "/members",
          "{\"name\":\"Member " + m + "\",\"role\":\"member\",\"table\":\"" + table + "\"}");
    }
    HttpResponse<Buffer> links = web.get(server.port, "127.0.0.1", "/api/assemblies/" + id + "/join-links")
        .bearerTokenAuthentication(AdminLogin.token(server.baseUrl(), server.adminToken)).send()
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(links.statusCode()).isEqualTo(200);
    var tokens = new ArrayList<String>();
    for (JsonNode link : JSON.readTree(links.bodyAsString())) {
      tokens.add(ProcessCluster.session(server, link.get("token").asText()));
    }
    return tokens;
  }

  private static JsonNode post(WebClient web, ServerProcess server, String path, String body) throws Exception {
    HttpResponse<Buffer> response = web.post(server.port, "127.0.0.1", path)
        .bearerTokenAuthentication(AdminLogin.token(server.baseUrl(), server.adminToken))
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return JSON.readTree(response.bodyAsString());
  }
}
