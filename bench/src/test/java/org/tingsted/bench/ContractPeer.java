package org.tingsted.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The minimal peer contract of the bench (what bench/peers implement), for testing the
 * generator's peer targets: {@code hello} with token {@code <table>.<member>} is answered
 * {@code welcome}; every other message is acknowledged with the table's next seq and sent as
 * an event to every connection of the table. Under {@code /socket.io/} it speaks Engine.IO v4
 * frames ({@code 0{…}} open, {@code 40}, {@code 42["m",…]}, ping {@code 2} / pong {@code 3}).
 * With {@code dropEvery} > 0 it leaves out every n-th event at one member, so a test can see
 * the generator notice a loss.
 */
final class ContractPeer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final Map<String, List<Peer>> tables = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();
  final AtomicLong pongs = new AtomicLong();
  private final int dropEvery;

  private record Peer(ServerWebSocket socket, boolean engineIo, String member) {
    void send(String json) {
      socket.writeTextMessage(engineIo ? "42[\"m\"," + json + "]" : json);
    }
  }

  ContractPeer(int dropEvery) throws Exception {
    this.dropEvery = dropEvery;
    server = vertx.createHttpServer().webSocketHandler(this::open).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  int port() {
    return server.actualPort();
  }

  private void open(ServerWebSocket socket) {
    boolean engineIo = socket.path().startsWith("/socket.io/");
    String[] table = new String[1];
    Peer[] me = new Peer[1];
    if (engineIo) {
      socket.writeTextMessage("0{\"sid\":\"s\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
    }
    socket.textMessageHandler(text -> {
      try {
        JsonNode m;
        if (engineIo) {
          if (text.equals("40")) {
            socket.writeTextMessage("40{\"sid\":\"c\"}");
            socket.writeTextMessage("2");
            return;
          }
          if (text.equals("3")) {
            pongs.incrementAndGet();
            return;
          }
          m = JSON.readTree(text.substring(2)).get(1);
        } else {
          m = JSON.readTree(text);
        }
        String id = m.path("id").asText();
        if ("hello".equals(m.path("type").asText())) {
          String token = m.path("token").asText();
          table[0] = token.substring(0, token.indexOf('.'));
          me[0] = new Peer(socket, engineIo, token);
          synchronized (tables) {
            tables.computeIfAbsent(table[0], t -> new ArrayList<>()).add(me[0]);
          }
          me[0].send(JSON.createObjectNode().put("type", "welcome").put("id", id).toString());
          return;
        }
        String stream = "table:" + table[0];
        List<Peer> peers;
        long seq;
        synchronized (tables) {
          seq = seqs.computeIfAbsent(table[0], t -> new AtomicLong()).incrementAndGet();
          peers = List.copyOf(tables.get(table[0]));
        }
        me[0].send(JSON.createObjectNode().put("type", "ack").put("id", id).put("stream", stream).put("seq", seq).toString());
        ObjectNode event = JSON.createObjectNode().put("type", "event").put("stream", stream).put("seq", seq)
            .put("at", System.currentTimeMillis()).put("by", me[0].member()).put("kind", m.path("type").asText());
        event.set("data", m);
        String encoded = event.toString();
        for (Peer p : peers) {
          if (dropEvery > 0 && seq % dropEvery == 0 && p.member().endsWith(".3")) {
            continue;
          }
          p.send(encoded);
        }
      } catch (Exception e) {
        socket.close((short) 1011);
      }
    });
  }

  @Override
  public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
