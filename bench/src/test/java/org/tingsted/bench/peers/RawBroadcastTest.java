package org.tingsted.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The raw Vert.x peer keeps the generator's wire contract over real WebSockets. */
class RawBroadcastTest {

  private Vertx vertx;
  private WebSocketClient client;
  private int port;
  private final List<Member> members = new ArrayList<>();

  /** One raw connection; what arrives queues up. */
  private static final class Member {
    final WebSocket socket;
    final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();

    Member(WebSocket socket) {
      this.socket = socket;
      socket.textMessageHandler(text -> inbox.add(new JsonObject(text)));
    }

    void send(String text) {
      socket.writeTextMessage(text);
    }

    JsonObject next() throws InterruptedException {
      JsonObject msg = inbox.poll(5, TimeUnit.SECONDS);
      assertThat(msg).as("a message arrives").isNotNull();
      return msg;
    }

    boolean quiet() throws InterruptedException {
      return inbox.poll(150, TimeUnit.MILLISECONDS) == null;
    }
  }

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    RawBroadcast peer = new RawBroadcast(0);
    vertx.deployVerticle(peer).await();
    port = peer.actualPort();
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setTryUsePerMessageCompression(false));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private Member connect() {
    Member m = new Member(client.connect(port, "127.0.0.1", "/ws").await());
    members.add(m);
    return m;
  }

  private Member seat(String token) throws InterruptedException {
    Member m = connect();
    m.send("{\"type\":\"hello\",\"id\":\"h-" + token + "\",\"token\":\"" + token + "\",\"name\":\"ignored\"}");
    assertThat(m.next()).isEqualTo(new JsonObject().put("type", "welcome").put("id", "h-" + token));
    return m;
  }

  @Test
  @DisplayName("A command is acknowledged to its sender and reaches everyone at its table, and no one at another")
  void broadcastsToTheTable() throws Exception {
    Member a = seat("0.1");
    Member b = seat("0.2");
    Member c = seat("0.3");
    Member other = seat("1.1");

    a.send("{\"type\":\"castBallot\", \"id\":\"c1\" ,\"vote\":\"v1\",\"ballot\": {\"dots\":{\"p7\":3, \"k2\":2}} , \"note\":\"é \\\"q\\\"\" }");
    JsonObject ack = a.next();
    assertThat(ack).isEqualTo(new JsonObject().put("type", "ack").put("id", "c1").put("stream", "table:0").put("seq", 1));
    JsonObject event = a.next();
    assertThat(event.getString("type")).isEqualTo("event");
    assertThat(event.getString("stream")).isEqualTo("table:0");
    assertThat(event.getLong("seq")).isEqualTo(1);
    assertThat(event.getLong("at")).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5000L));
    assertThat(event.getString("by")).isEqualTo("0.1");
    assertThat(event.getString("kind")).isEqualTo("castBallot");
    assertThat(event.getJsonObject("data")).isEqualTo(new JsonObject()
        .put("vote", "v1").put("ballot", new JsonObject().put("dots", new JsonObject().put("p7", 3).put("k2", 2)))
        .put("note", "é \"q\""));
    assertThat(b.next()).isEqualTo(event);
    assertThat(c.next()).isEqualTo(event);
    assertThat(other.quiet()).as("another table hears nothing").isTrue();

    other.send("{\"type\":\"propose\",\"id\":\"c2\",\"title\":\"Trees\",\"text\":\"More.\"}");
    assertThat(other.next().getLong("seq")).as("each table counts from 1").isEqualTo(1);
    assertThat(other.next().getJsonObject("data")).isEqualTo(new JsonObject().put("title", "Trees").put("text", "More."));
    assertThat(a.quiet()).isTrue();
  }

  @Test
  @DisplayName("Members sending at once see every event in seq order with no gap and no duplicate")
  void keepsSeqInOrder() throws Exception {
    Member[] table = {seat("4.1"), seat("4.2"), seat("4.3")};
    int each = 50;
    for (int i = 0; i < table.length; i++) {
      for (int n = 0; n < each; n++) {
        table[i].send(new JsonObject().put("type", "comment").put("id", "m" + i + "-" + n)
            .put("proposal", "p1").put("kind", "support").put("text", "x".repeat(300)).encode());
      }
    }
    int total = each * table.length;
    for (int i = 0; i < table.length; i++) {
      List<String> acks = new ArrayList<>();
      long seq = 0;
      while (seq < total || acks.size() < each) {
        JsonObject msg = table[i].next();
        if ("ack".equals(msg.getString("type"))) {
          acks.add(msg.getString("id"));
          continue;
        }
        assertThat(msg.getLong("seq")).isEqualTo(seq + 1);
        seq = msg.getLong("seq");
      }
      List<String> sent = new ArrayList<>();
      for (int n = 0; n < each; n++) {
        sent.add("m" + i + "-" + n);
      }
      assertThat(acks).isEqualTo(sent);
      assertThat(table[i].quiet()).as("nothing duplicated").isTrue();
    }
  }

  @Test
  @DisplayName("What is not an object with a string type and id, or comes before hello, gets invalid; nothing else is checked")
  void refusesOnlyWhatItCannotRead() throws Exception {
    Member m = connect();
    m.send("{\"type\":\"propose\",\"id\":\"early\"}");
    assertThat(code(m.next())).isEqualTo(new JsonArray().add("early").add("invalid"));
    m.send("{\"type\":\"hello\",\"id\":\"h\",\"token\":\"one\"}");
    assertThat(code(m.next())).isEqualTo(new JsonArray().add("h").add("invalid"));
    m.send("{\"type\":\"hello\",\"id\":\"h2\",\"token\":\"9.1\"}");
    assertThat(m.next().getString("type")).isEqualTo("welcome");
    for (String bad : List.of("not json", "[1,2]", "\"text\"", "{\"type\":\"propose\"}", "{\"type\":3,\"id\":\"n1\"}",
        "{\"type\":\"x\",\"id\":\"n1\"", "{\"type\":\"x\",\"id\":\"y\"} {}")) {
      m.send(bad);
      JsonObject error = m.next();
      assertThat(error.getString("type")).as(bad).isEqualTo("error");
      assertThat(error.getString("code")).as(bad).isEqualTo("invalid");
      assertThat(error.getValue("id")).as(bad).isEqualTo(bad.equals("{\"type\":3,\"id\":\"n1\"}") ? "n1" : null);
      assertThat(error.getString("message")).isNotBlank();
    }
    m.send("{\"type\":\"shout\",\"id\":\"s1\"}");
    assertThat(m.next()).as("an unknown type is not checked").isEqualTo(new JsonObject()
        .put("type", "ack").put("id", "s1").put("stream", "table:9").put("seq", 1));
    assertThat(m.next().getJsonObject("data")).isEqualTo(new JsonObject());
  }

  private static JsonArray code(JsonObject error) {
    assertThat(error.getString("type")).isEqualTo("error");
    return new JsonArray().add(error.getValue("id")).add(error.getString("code"));
  }
}
