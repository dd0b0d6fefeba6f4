package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.tingsted.protocol.ClientMessage;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.ProtocolCodec;
import org.tingsted.protocol.ProtocolException;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.ServerMessage;

/**
 * A member's connection as a test drives it: a real WebSocket, every frame the server sent
 * kept in order, and waits that poll for what should arrive.
 */
public final class TableClient implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(15);
  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static final AtomicInteger IDS = new AtomicInteger();
  /** As a browser: a snapshot of a full board (a few megabytes) is one message it reads whole. */
  private static final io.vertx.core.http.WebSocketClientOptions OPTIONS = new io.vertx.core.http.WebSocketClientOptions()
      .setMaxMessageSize(64 * 1024 * 1024);

  // Vert.x 5 closes a client that nobody references any more, sockets and all: keep it.
  private final WebSocketClient client;
  private final WebSocket socket;
  private final List<ServerMessage> received = new CopyOnWriteArrayList<>();
  private final List<String> raw = new CopyOnWriteArrayList<>();
  private final List<String> undecodable = new CopyOnWriteArrayList<>();
  private volatile Short closeCode;

  private TableClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> {
      raw.add(text);
      try {
        received.add(CODEC.decodeServer(text));
      } catch (ProtocolException e) {
        undecodable.add(e.getMessage() + ": " + text);
      }
    });
    socket.closeHandler(v -> closeCode = socket.closeStatusCode() == null ? -1 : socket.closeStatusCode());
  }

  /** Opens a socket without saying hello. */
  public static TableClient open(Vertx vertx, int port) {
    WebSocketClient client = vertx.createWebSocketClient(OPTIONS);
    var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
        .addSubProtocol(Protocol.SUBPROTOCOL);
    try {
      WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
      return new TableClient(client, socket);
    } catch (Exception e) {
      throw new AssertionError("could not connect", e);
    }
  }

  /** Connects and says hello; returns once the welcome came. */
  public static TableClient join(Vertx vertx, int port, String token, Device device, Map<String, Long> resume) {
    TableClient client = open(vertx, port);
    String id = id();
    client.send(new ConnectionCommand.Hello(id, token, device, resume));
    Reply reply = client.reply(id);
    assertThat(reply).as("reply to hello").isInstanceOf(Reply.Welcome.class);
    return client;
  }

  public static TableClient join(Vertx vertx, int port, String token) {
    return join(vertx, port, token, Device.ROOM, null);
  }

  /**
   * Connects and says hello, or gives up within {@code wait} (a node that is dead, stopped or
   * sends members away): the welcomed client, or null.
   */
  public static TableClient tryJoin(Vertx vertx, int port, String token, Map<String, Long> resume, Duration wait) {
    WebSocketClient client = vertx.createWebSocketClient(OPTIONS);
    var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
        .addSubProtocol(Protocol.SUBPROTOCOL).setTimeout(wait.toMillis());
    TableClient joined;
    try {
      joined = new TableClient(client, client.connect(options).toCompletionStage().toCompletableFuture()
          .get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (Exception e) {
      client.close();
      return null;
    }
    String id = id();
    joined.send(new ConnectionCommand.Hello(id, token, Device.ROOM, resume));
    if (joined.replyWithin(id, wait) instanceof Reply.Welcome) {
      return joined;
    }
    joined.socket.close();
    client.close();
    return null;
  }

  /** A fresh command id. */
  public static String id() {
    return "c" + IDS.incrementAndGet();
  }

  /** The reply, which must be an ack. */
  public static Reply.Ack ack(Reply reply) {
    assertThat(reply).isInstanceOf(Reply.Ack.class);
    return (Reply.Ack) reply;
  }

  /** The reply, which must be an error. */
  public static Reply.Error error(Reply reply) {
    assertThat(reply).isInstanceOf(Reply.Error.class);
    return (Reply.Error) reply;
  }

  /** The proposal id in the event an ack points at, once this client has received it. */
  public String proposalOf(Reply.Ack ack) {
    Push.Event event = (Push.Event) await(m -> m instanceof Push.Event e
        && e.stream().equals(ack.stream()) && e.seq() == ack.seq());
    return event.data().get("proposal").asText();
  }

  public void send(ClientMessage message) {
    sendRaw(CODEC.encode(message));
  }

  public void sendRaw(String frame) {
    socket.writeTextMessage(frame);
  }

  public void sendBinary(byte[] bytes) {
    socket.writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer(bytes));
  }

  /** Sends a command and waits for its reply. */
  public Reply call(ClientMessage message) {
    send(message);
    return reply(message.id());
  }

  /** The reply to {@code id} if it comes within {@code wait}, else null (the server may be gone). */
  public Reply replyWithin(String id, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      // Closed is read before the replies: a reply that came just before the close is seen.
      boolean closed = isClosed();
      for (ServerMessage m : received) {
        if (m instanceof Reply r && id.equals(r.id())) {
          return r;
        }
      }
      if (closed) {
        return null;
      }
      Thread.onSpinWait();
    }
    return null;
  }

  /**
   * Forgets the replies received to {@code id}, so that the next {@link #replyWithin} waits for
   * the answer to a resend under the same id (after {@code rate_limited}, which the server does
   * not remember, a client resends with the same id).
   */
  public void forgetReplies(String id) {
    received.removeIf(m -> m instanceof Reply r && id.equals(r.id()));
  }

  /** Waits for the reply to {@code id}. */
  public Reply reply(String id) {
    return (Reply) await(m -> m instanceof Reply r && id.equals(r.id()));
  }

  /** Waits for the first message (from the start of the connection) that matches. */
  public ServerMessage await(Predicate<ServerMessage> what) {
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
        .conditionEvaluationListener(c -> {
          if (!undecodable.isEmpty()) {
            throw new AssertionError("the server sent frames that are not valid protocol: " + undecodable);
          }
        })
        .until(() -> received.stream().anyMatch(what));
    return received.stream().filter(what).findFirst().orElseThrow();
  }

  /** Frames the codec could not read; a test asserts there are none. */
  public List<String> undecodable() {
    return List.copyOf(undecodable);
  }

  /** Waits until this many events of {@code stream} arrived. */
  public List<Push.Event> awaitEvents(String stream, int count) {
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
        .until(() -> events(stream).size() >= count);
    return events(stream);
  }

  public Reply.Welcome welcome() {
    return (Reply.Welcome) await(m -> m instanceof Reply.Welcome);
  }

  public List<Push.Event> events(String stream) {
    var events = new ArrayList<Push.Event>();
    for (ServerMessage m : received) {
      if (m instanceof Push.Event e && e.stream().equals(stream)) {
        events.add(e);
      }
    }
    return events;
  }

  public List<Push.Event> allEvents() {
    var events = new ArrayList<Push.Event>();
    received.forEach(m -> {
      if (m instanceof Push.Event e) {
        events.add(e);
      }
    });
    return events;
  }

  /** Every frame received, as text. */
  public List<String> rawFrames() {
    return List.copyOf(raw);
  }

  public List<ServerMessage> received() {
    return List.copyOf(received);
  }

  public long lastSeq(String stream) {
    long seq = 0;
    for (ServerMessage m : received) {
      if (m instanceof Push.Event e && e.stream().equals(stream)) {
        seq = e.seq();
      } else if (m instanceof Push.Snapshot s && s.stream().equals(stream)) {
        seq = s.seq();
      }
    }
    return seq;
  }

  /** Stops reading from the socket, as a slow tablet does: what the server sends waits in its outbox. */
  public void pause() {
    socket.pause();
  }

  /** Reads again after {@link #pause}. */
  public void resume() {
    socket.resume();
  }

    /** Waits until the server closed this socket; returns the close code. */
  public short awaitClosed() {
    Awaitility.await().atMost(WAIT).until(() -> closeCode != null);
    return closeCode;
  }

  public boolean isClosed() {
    return closeCode != null;
  }

  @Override
  public void close() {
    if (closeCode == null) {
      try {
        socket.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        client.close();
      } catch (Exception e) {
        fail("could not close the socket", e);
      }
    }
  }
}
