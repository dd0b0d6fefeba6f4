package org.tingsted.bench.peers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.websocket.WebSocketFrameImpl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw ceiling among the bench's peers (bench/peers/README.md): a Vert.x WebSocket server at
 * {@code /ws} that speaks the generator's wire contract and does nothing else. No state, no
 * validation beyond reading {@code type} and {@code id}, no journal, no cluster: a hello seats the
 * socket at its table, and every other message is acknowledged to its sender and broadcast to the
 * table with the table's next seq, encoded once and written to every socket of the table. All of
 * it runs on one event loop, so the tables live in plain fields.
 *
 * <p>{@code java -cp … org.tingsted.bench.peers.RawBroadcast <port>} (or {@code PORT}); prints
 * {@code listening <port>} when ready.
 */
public final class RawBroadcast extends VerticleBase {

  /** Larger messages than this are refused by Vert.x; the generator sends at most 500 bytes. */
  private static final int MAX_MESSAGE_BYTES = 64 * 1024;
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern TOKEN = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})");

  private final int port;
  private final Map<Integer, Table> tables = new HashMap<>();
  private HttpServer server;

  /** A table: its stream name, the last seq given, the sockets seated at it. */
  private static final class Table {
    final String stream;
    long seq;
    final List<ServerWebSocket> sockets = new ArrayList<>();

    Table(int index) {
      stream = "table:" + index;
    }
  }

  /** What a message says at its top level: type, id, token, and its other members as raw JSON. */
  record Message(String type, String id, String token, String data) {
  }

  public RawBroadcast(int port) {
    this.port = port;
  }

  public static void main(String[] args) {
    String raw = args.length > 0 ? args[0] : System.getenv().getOrDefault("PORT", "0");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    RawBroadcast peer = new RawBroadcast(Integer.parseInt(raw));
    vertx.deployVerticle(peer).onComplete(done -> {
      if (done.succeeded()) {
        System.out.println("listening " + peer.actualPort());
      } else {
        done.cause().printStackTrace();
        vertx.close();
        System.exit(1);
      }
    });
  }

  /** The port it listens on, once started. */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions()
            .setPort(port)
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false)
            .setMaxWebSocketFrameSize(MAX_MESSAGE_BYTES)
            .setMaxWebSocketMessageSize(MAX_MESSAGE_BYTES))
        .webSocketHandshakeHandler(handshake -> {
          if ("/ws".equals(handshake.path())) {
            handshake.accept();
          } else {
            handshake.reject(404);
          }
        })
        .webSocketHandler(this::connect)
        .requestHandler(request -> request.response().setStatusCode(404).end());
    return server.listen();
  }

  private void connect(ServerWebSocket socket) {
    Table[] seated = new Table[1];
    String[] by = new String[1];
    socket.textMessageHandler(text -> {
      Message msg;
      try {
        msg = read(text);
      } catch (IOException | RuntimeException e) {
        socket.writeTextMessage(error(null, "invalid", "not a JSON object"));
        return;
      }
      if (msg.type() == null || msg.id() == null) {
        socket.writeTextMessage(error(msg.id(), "invalid", "a message has a string type and a string id"));
        return;
      }
      if ("hello".equals(msg.type())) {
        Matcher seat = msg.token() == null ? null : TOKEN.matcher(msg.token());
        if (seated[0] != null) {
          socket.writeTextMessage(error(msg.id(), "invalid", "already seated"));
        } else if (seat == null || !seat.matches()) {
          socket.writeTextMessage(error(msg.id(), "invalid", "token is <tableIndex>.<memberIndex>"));
        } else {
          int index = Integer.parseInt(seat.group(1));
          seated[0] = tables.computeIfAbsent(index, Table::new);
          seated[0].sockets.add(socket);
          by[0] = index + "." + Integer.parseInt(seat.group(2));
          socket.writeTextMessage("{\"type\":\"welcome\",\"id\":" + quote(msg.id()) + "}");
        }
        return;
      }
      Table table = seated[0];
      if (table == null) {
        socket.writeTextMessage(error(msg.id(), "invalid", "send hello first"));
        return;
      }
      long seq = ++table.seq;
      socket.writeTextMessage("{\"type\":\"ack\",\"id\":" + quote(msg.id()) + ",\"stream\":\"" + table.stream
          + "\",\"seq\":" + seq + "}");
      byte[] event = ("{\"type\":\"event\",\"stream\":\"" + table.stream + "\",\"seq\":" + seq
          + ",\"at\":" + System.currentTimeMillis() + ",\"by\":\"" + by[0] + "\",\"kind\":" + quote(msg.type())
          + ",\"data\":" + msg.data() + "}").getBytes(StandardCharsets.UTF_8);
      for (ServerWebSocket each : table.sockets) {
        // one encoding; each socket gets a frame that wraps the same bytes
        each.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(event), true));
      }
    });
    socket.closeHandler(v -> {
      if (seated[0] != null) {
        seated[0].sockets.remove(socket);
      }
    });
    socket.exceptionHandler(e -> socket.close());
  }

  /**
   * One pass of a streaming parser over the top level: reads {@code type}, {@code id} and
   * {@code token} when they are strings, skips nested values, and keeps the text of every other
   * member as it came, so the event's data is the command without type and id, not re-encoded.
   * Throws if the text is not one JSON object.
   */
  static Message read(String text) throws IOException {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      String type = null;
      String id = null;
      String token = null;
      StringBuilder data = new StringBuilder(text.length()).append('{');
      JsonToken t = p.nextToken();
      while (t == JsonToken.FIELD_NAME) {
        int start = (int) p.currentTokenLocation().getCharOffset();
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          p.skipChildren();
        }
        String string = value == JsonToken.VALUE_STRING ? p.getText() : null;
        t = p.nextToken();
        int end = (int) p.currentTokenLocation().getCharOffset();
        switch (name) {
          case "type" -> type = string;
          case "id" -> id = string;
          default -> {
            if ("token".equals(name)) {
              token = string;
            }
            if (data.length() > 1) {
              data.append(',');
            }
            data.append(member(text, start, end));
          }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("not one object");
      }
      return new Message(type, id, token, data.append('}').toString());
    }
  }

  /** The text of one member between its name and the next member or the closing brace. */
  private static String member(String text, int start, int end) {
    int last = end - 1;
    while (last > start && Character.isWhitespace(text.charAt(last))) {
      last--;
    }
    if (text.charAt(last) == ',') {
      last--;
    }
    return text.substring(start, last + 1).strip();
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  private static String error(String id, String code, String message) {
    return "{\"type\":\"error\",\"id\":" + (id == null ? "null" : quote(id)) + ",\"code\":\"" + code
        + "\",\"message\":" + quote(message) + "}";
  }
}
