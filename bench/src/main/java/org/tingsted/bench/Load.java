package org.tingsted.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The load generator: members at tables of 8 send a mix of table commands (proposals,
 * comments on existing proposals, clusters and moves) open loop at a target total rate, and
 * every event is timed at every member of its table from the command's <em>intended</em> send
 * time (no coordinated omission), every ack at its sender.
 *
 * <p>Targets: {@code tingsted} (the assembly is set up through the real admin API and
 * {@code POST /session}), and the peers of {@code bench/peers} speaking the minimal contract:
 * {@code ws} and {@code raw} (plain WebSocket) and {@code socketio} (Engine.IO v4 frames over
 * a plain WebSocket, written here without a Socket.IO client library). The same command bytes
 * go to every target.
 *
 * <pre>
 * mvn -B -q -pl bench exec:exec -Dbench=Load -Dbench.target=tingsted -Dbench.url=http://127.0.0.1:8080 \
 *     -Dbench.adminToken=… -Dbench.tables=10 -Dbench.rate=200 -Dbench.seconds=20
 * </pre>
 */
public final class Load {

  /** Members per table. */
  public static final int SEATS = 8;
  /** The server allows 20 messages a second per connection; a member stays well under it. */
  public static final double MAX_PER_MEMBER = 15.0;
  /** The server allows 64 commands in flight per member; beyond, the generator still sends (open loop) and counts what comes back. */
  public static final int MAX_IN_FLIGHT = 64;
  /** Tingsted's caps per member and table (protocol.md, Limits), with a margin: past them the mix falls back to moves. */
  static final int PROPOSALS_CAP = 45;
  static final int COMMENTS_CAP = 290;
  static final int MEMBER_TEXT_CAP = 90_000;
  static final int BOARD_TEXT_CAP = 360_000;
  static final int CLUSTERS_CAP = 90;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Load() {
  }

  /** What to run. {@code url} is the server's base address, {@code http://host:port}. */
  public record Options(String target, String url, String adminToken, int tables, int rate, int seconds, String path,
                        int drainSeconds) {

    /** Options that wait 30 s after the last send for what is owed. */
    public Options(String target, String url, String adminToken, int tables, int rate, int seconds, String path) {
      this(target, url, adminToken, tables, rate, seconds, path, 30);
    }

    public Options {
      if (!List.of("tingsted", "ws", "socketio", "raw").contains(target)) {
        throw new IllegalArgumentException("bench.target must be tingsted, ws, socketio or raw, not " + target);
      }
      if (tables < 1 || rate < 1 || seconds < 1) {
        throw new IllegalArgumentException("tables, rate and seconds must be at least 1");
      }
      if ((double) rate / (tables * SEATS) > MAX_PER_MEMBER) {
        throw new IllegalArgumentException("a rate of " + rate + "/s at " + tables + " tables is more than " + MAX_PER_MEMBER
            + " commands a second per member (the server allows 20): add tables");
      }
    }

    /** The WebSocket path of the target. */
    String wsPath() {
      if (path != null && !path.isEmpty()) {
        return path;
      }
      return "socketio".equals(target) ? "/socket.io/?EIO=4&transport=websocket" : "/ws";
    }

    private static String adminTokenProperty() {
      String given = System.getProperty("bench.adminToken");
      return given == null || given.isEmpty() ? System.getenv("TINGSTED_ADMIN_TOKEN") : given;
    }

    static Options fromSystemProperties() {
      return new Options(System.getProperty("bench.target", "tingsted"),
          System.getProperty("bench.url", "http://127.0.0.1:8080"),
          adminTokenProperty(),
          Integer.getInteger("bench.tables", 10), Integer.getInteger("bench.rate", 100),
          Integer.getInteger("bench.seconds", 20), System.getProperty("bench.path"),
          Integer.getInteger("bench.drainSeconds", 30));
    }
  }

  /** What a run measured. Latencies in nanoseconds. */
  public record Result(Options options, String date, long sent, long acked, long noEvent, long unanswered,
                       Histogram ack, Histogram delivery, Histogram lag, long deliveries, double seconds,
                       Map<String, Long> errors, long gaps, long duplicates, long lostDeliveries, long unattributed,
                       long members, long incomplete, Map<String, Long> mix, double processCpuSeconds) {

    /** Nothing lost, nothing doubled, no error: what the smoke test asks. */
    public boolean clean() {
      return errors.isEmpty() && gaps == 0 && duplicates == 0 && lostDeliveries == 0 && unanswered == 0 && incomplete == 0;
    }

    /** Deliveries per second over the sending window. */
    public double deliveriesPerSecond() {
      return deliveries / seconds;
    }

    public static String markdownHeader() {
      return "| target | tables × 8 | rate /s | s | commands | deliveries/s | ack p50 | p99 | p99.9 | max "
          + "| delivery p50 | p99 | p99.9 | max | lost | dup | errors | behind schedule p99 / max |\n"
          + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    public String markdownRow() {
      return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %d | %d | %s | %s / %s |",
          options.target(), options.tables(), options.rate(), options.seconds(), sent, deliveriesPerSecond(),
          ms(ack.getValueAtPercentile(50)), ms(ack.getValueAtPercentile(99)), ms(ack.getValueAtPercentile(99.9)),
          ms(ack.getMaxValue()), ms(delivery.getValueAtPercentile(50)), ms(delivery.getValueAtPercentile(99)),
          ms(delivery.getValueAtPercentile(99.9)), ms(delivery.getMaxValue()), gaps + lostDeliveries, duplicates,
          errors.isEmpty() ? "0" : errors.toString(), ms(lag.getValueAtPercentile(99)), ms(lag.getMaxValue()));
    }

    /** One line for scripts: {@code LOAD {json}}. */
    public String machineLine() {
      ObjectNode o = JSON.createObjectNode();
      o.put("target", options.target()).put("date", date).put("tables", options.tables()).put("members", members)
          .put("rate", options.rate()).put("seconds", options.seconds()).put("sent", sent).put("acked", acked)
          .put("ackedWithoutEvent", noEvent).put("unanswered", unanswered).put("deliveries", deliveries)
          .put("deliveriesPerSecond", Math.round(deliveriesPerSecond()));
      latencies(o.putObject("ackMs"), ack);
      latencies(o.putObject("deliveryMs"), delivery);
      latencies(o.putObject("behindScheduleMs"), lag);
      ObjectNode e = o.putObject("errors");
      errors.forEach(e::put);
      ObjectNode m = o.putObject("mix");
      mix.forEach(m::put);
      o.put("gaps", gaps).put("duplicates", duplicates).put("lostDeliveries", lostDeliveries)
          .put("incompleteCommands", incomplete).put("unattributedEvents", unattributed)
          .put("processCpuSeconds", processCpuSeconds).put("clean", clean());
      return "LOAD " + o;
    }

    private static void latencies(ObjectNode o, Histogram h) {
      o.put("count", h.getTotalCount()).put("p50", h.getValueAtPercentile(50) / 1e6).put("p99", h.getValueAtPercentile(99) / 1e6)
          .put("p999", h.getValueAtPercentile(99.9) / 1e6).put("max", h.getMaxValue() / 1e6);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.fromSystemProperties();
    Result result = run(options);
    System.out.println();
    System.out.println(Result.markdownHeader());
    System.out.println(result.markdownRow());
    System.out.println(result.machineLine());
    System.exit(result.clean() ? 0 : 1);
  }

  /** Sets up the target, connects every member, runs the schedule and waits for what is owed. */
  public static Result run(Options options) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(1, Runtime.getRuntime().availableProcessors())));
    try {
      List<List<String>> tokens = "tingsted".equals(options.target())
          ? TingstedSetup.tokens(options.url(), options.adminToken(), options.tables())
          : peerTokens(options.tables());
      return new Run(vertx, options, tokens).execute();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static List<List<String>> peerTokens(int tables) {
    var all = new ArrayList<List<String>>();
    for (int t = 0; t < tables; t++) {
      var seats = new ArrayList<String>();
      for (int m = 0; m < SEATS; m++) {
        seats.add(t + "." + m);
      }
      all.add(seats);
    }
    return all;
  }

  /** Sets up an assembly at a Tingsted server through its admin API and exchanges every member's join link. */
  static final class TingstedSetup {

    static final String USERNAME = "bench-admin";
    static final String PASSWORD = "the bench administrator's password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Per table, the session credentials of its members. */
    static List<List<String>> tokens(String base, String adminToken, int tables) throws IOException, InterruptedException {
      if (adminToken == null || adminToken.isEmpty()) {
        throw new IllegalArgumentException("the tingsted target needs the admin token (-Dbench.adminToken) for the first administrator");
      }
      JsonNode made = call("POST", base + "/api/staff/bootstrap", adminToken,
          Map.of("username", USERNAME, "displayName", "Bench administrator", "password", PASSWORD), 201, 409);
      JsonNode login = call("POST", base + "/api/login", null, Map.of("username", USERNAME, "password", PASSWORD), 200);
      String staff = login.get("token").asText();
      var names = new ArrayList<String>();
      for (int t = 0; t < tables; t++) {
        names.add("Table " + (t + 1));
      }
      JsonNode assembly = call("POST", base + "/api/assemblies", staff, Map.of("name", "Bench " + Instant.now(),
          "question", "How fast is it?", "sessions", List.of(Map.of("name", "Day 1", "tables", names))), 201);
      String id = assembly.get("id").asText();
      JsonNode tableIds = assembly.get("sessions").get(0).get("tables");
      Map<String, Integer> index = new HashMap<>();
      for (int t = 0; t < tables; t++) {
        String table = tableIds.get(t).get("id").asText();
        index.put(table, t);
        for (int m = 0; m < SEATS; m++) {
          call("POST", base + "/api/assemblies/" + id + "/members", staff,
              Map.of("name", "Member " + (t + 1) + "." + (m + 1), "role", "member", "table", table), 201);
        }
      }
      var all = new ArrayList<List<String>>();
      for (int t = 0; t < tables; t++) {
        all.add(new ArrayList<>());
      }
      for (JsonNode link : call("GET", base + "/api/assemblies/" + id + "/join-links", staff, null, 200)) {
        Integer t = index.get(link.path("table").asText());
        if (t == null) {
          continue;
        }
        JsonNode session = call("POST", base + "/session", null, Map.of("link", link.get("token").asText()), 200);
        all.get(t).add(session.get("session").asText());
      }
      return all;
    }

    private static JsonNode call(String method, String url, String bearer, Object body, int... ok)
        throws IOException, InterruptedException {
      var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (int code : ok) {
        if (response.statusCode() == code) {
          return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        }
      }
      throw new IOException(method + " " + URI.create(url).getPath() + " was answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** One table: what the generator knows of its board, and which member saw which event. */
  static final class Table {
    final int index;
    volatile String stream;
    final List<String> proposals = new CopyOnWriteArrayList<>();
    final List<String> clusters = new CopyOnWriteArrayList<>();
    final AtomicLong text = new AtomicLong();
    /** seq → the intended send time of the command whose (first) event it is, once its ack named it. */
    final Map<Long, Pending> bySeq = new HashMap<>();
    /** seq → arrival times of the event at members, kept until the ack says whose it is. */
    final Map<Long, List<Long>> early = new HashMap<>();
    /** seq → how many members received it. */
    final Map<Long, Integer> arrivals = new HashMap<>();
    /** seq → the id the event names (a proposal or cluster), from its first arrival. */
    final Map<Long, String> named = new HashMap<>();
    final List<Seat> seats = new ArrayList<>();

    Table(int index) {
      this.index = index;
    }
  }

  /** A command sent and not yet answered. */
  record Pending(String id, long intended, Seat seat, String kind, int textLength) {
  }

  /** One member's connection. */
  static final class Seat {
    final Table table;
    final int index;
    final String token;
    final boolean engineIo;
    WebSocket socket;
    final CountDownLatch welcomed = new CountDownLatch(1);
    volatile String failure;
    /** The last seq this member received; -1 until known (a peer's welcome does not say, so its first event sets it). */
    long lastSeq = -1;
    final AtomicLong inFlight = new AtomicLong();
    int proposals;
    int comments;
    int text;
    /** This member's own proposals and the cluster each is in (only its author moves a proposal, so sends stay in order). */
    final Map<String, String> own = new ConcurrentHashMap<>();
    final List<String> ownOrder = new CopyOnWriteArrayList<>();
    int moves;

    Seat(Table table, int index, String token, boolean engineIo) {
      this.table = table;
      this.index = index;
      this.token = token;
      this.engineIo = engineIo;
    }

    void send(String json) {
      socket.writeTextMessage(engineIo ? "42[\"m\"," + json + "]" : json);
    }
  }

  /** One run against one target. */
  static final class Run {
    private final Vertx vertx;
    private final Options options;
    private final List<List<String>> tokens;
    private final List<Table> tables = new ArrayList<>();
    private final List<Seat> seats = new ArrayList<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> errors = new ConcurrentHashMap<>();
    private final Map<String, Long> mix = new ConcurrentHashMap<>();
    private final Histogram ack = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final Histogram delivery = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final Histogram lag = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong noEvent = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final List<WebSocketClient> clients = new ArrayList<>();
    private volatile boolean closing;
    private final String prefix = Long.toString(System.nanoTime() % 1_000_000, 36);

    Run(Vertx vertx, Options options, List<List<String>> tokens) {
      this.vertx = vertx;
      this.options = options;
      this.tokens = tokens;
    }

    Result execute() throws Exception {
      boolean engineIo = "socketio".equals(options.target());
      for (int t = 0; t < tokens.size(); t++) {
        Table table = new Table(t);
        table.stream = "table:" + t;
        tables.add(table);
        for (int m = 0; m < tokens.get(t).size(); m++) {
          Seat seat = new Seat(table, m, tokens.get(t).get(m), engineIo);
          table.seats.add(seat);
          seats.add(seat);
        }
      }
      connectAll();
      // Open loop: command k is due at start + k / rate, whatever became of the ones before;
      // it goes to table k mod T and, in turn, to each of that table's members.
      int total = options.rate() * options.seconds();
      long interval = TimeUnit.SECONDS.toNanos(1) / options.rate();
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
      long cpuBefore = cpu();
      for (int k = 0; k < total; k++) {
        long due = start + k * interval;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        long behind = System.nanoTime() - due;
        synchronized (lag) {
          lag.recordValue(Math.min(behind, lag.getHighestTrackableValue()));
        }
        Table table = tables.get(k % tables.size());
        Seat seat = table.seats.get((k / tables.size()) % table.seats.size());
        send(seat, "b" + prefix + "-" + k, due);
      }
      double window = (System.nanoTime() - start) / 1e9;
      // What is owed: every ack, and every acked command's event at every member of its table,
      // waited for up to bench.drainSeconds (30) after the last send; what is still missing then is counted lost.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
      while (System.nanoTime() < deadline && (!pending.isEmpty() || owed() > 0)) {
        Thread.sleep(20);
      }
      long incomplete = 0;
      long lost = 0;
      long unattributed = 0;
      for (Table table : tables) {
        synchronized (table) {
          for (Map.Entry<Long, Pending> e : table.bySeq.entrySet()) {
            int got = table.arrivals.getOrDefault(e.getKey(), 0);
            if (got < table.seats.size()) {
              incomplete++;
              lost += table.seats.size() - got;
            }
          }
          for (Long seq : table.early.keySet()) {
            if (!table.bySeq.containsKey(seq)) {
              unattributed++;
            }
          }
        }
      }
      long cpuAfter = cpu();
      Map<String, Long> sortedErrors = new TreeMap<>(errors);
      closing = true;
      for (WebSocketClient client : clients) {
        client.close();
      }
      return new Result(options, Instant.now().toString(), total, acked.get(), noEvent.get(), pending.size(),
          ack.copy(), delivery.copy(), lag.copy(), deliveries.get(), window, sortedErrors, gaps.get(), duplicates.get(),
          lost, unattributed, seats.size(), incomplete + pending.size(), new TreeMap<>(mix),
          cpuBefore < 0 ? -1 : (cpuAfter - cpuBefore) / 1e9);
    }

    private long owed() {
      long owed = 0;
      for (Table table : tables) {
        synchronized (table) {
          for (Long seq : table.bySeq.keySet()) {
            owed += table.seats.size() - table.arrivals.getOrDefault(seq, 0);
          }
        }
      }
      return owed;
    }

    private static long cpu() {
      var os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private void connectAll() throws Exception {
      URI base = URI.create(options.url());
      int perClient = 500;
      WebSocketClient client = null;
      var futures = new ArrayList<Future<WebSocket>>();
      for (int i = 0; i < seats.size(); i++) {
        if (i % perClient == 0) {
          client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(perClient + 1)
              .setTryUsePerMessageCompression(false).setTryUsePerFrameCompression(false));
          clients.add(client);
        }
        Seat seat = seats.get(i);
        var connect = new WebSocketConnectOptions().setHost(base.getHost())
            .setPort(base.getPort() < 0 ? 80 : base.getPort()).setURI(options.wsPath());
        if ("tingsted".equals(options.target())) {
          connect.addSubProtocol("tingsted.v1");
        }
        futures.add(client.connect(connect).onSuccess(socket -> open(seat, socket))
            .onFailure(e -> {
              seat.failure = "connect: " + e.getMessage();
              seat.welcomed.countDown();
            }));
        if (futures.size() >= 200) {
          Future.join(new ArrayList<>(futures)).toCompletionStage().toCompletableFuture().handle((a, b) -> null)
              .get(60, TimeUnit.SECONDS);
          futures.clear();
        }
      }
      for (Seat seat : seats) {
        if (!seat.welcomed.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("member " + seat.table.index + "." + seat.index + " was not welcomed in 30 s");
        }
        if (seat.failure != null) {
          throw new IllegalStateException("member " + seat.table.index + "." + seat.index + ": " + seat.failure);
        }
      }
    }

    private void open(Seat seat, WebSocket socket) {
      seat.socket = socket;
      socket.closeHandler(v -> {
        if (closing) {
          return;
        }
        if (seat.welcomed.getCount() == 0) {
          count(errors, "close " + socket.closeStatusCode());
        } else {
          seat.failure = "closed " + socket.closeStatusCode() + " " + socket.closeReason();
          seat.welcomed.countDown();
        }
      });
      socket.textMessageHandler(text -> {
        try {
          receive(seat, text);
        } catch (IOException | RuntimeException e) {
          count(errors, "unreadable");
        }
      });
      if (!seat.engineIo) {
        hello(seat);
      }
    }

    private void hello(Seat seat) {
      ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("id", "hello").put("token", seat.token)
          .put("device", "room");
      seat.send(hello.toString());
    }

    private void receive(Seat seat, String text) throws IOException {
      if (seat.engineIo) {
        if (text.startsWith("42")) {
          JsonNode frame = JSON.readTree(text.substring(2));
          JsonNode body = frame.get(1);
          message(seat, body.isTextual() ? JSON.readTree(body.asText()) : body);
        } else if (text.equals("2")) {
          seat.socket.writeTextMessage("3");
        } else if (text.startsWith("0")) {
          seat.socket.writeTextMessage("40");
        } else if (text.startsWith("40")) {
          hello(seat);
        } else if (text.startsWith("44")) {
          count(errors, "socketio connect_error");
        }
        return;
      }
      message(seat, JSON.readTree(text));
    }

    private void message(Seat seat, JsonNode m) {
      String type = m.path("type").asText();
      switch (type) {
        case "welcome" -> {
          if (m.hasNonNull("table")) {
            seat.table.stream = "table:" + m.get("table").asText();
            seat.lastSeq = m.path("streams").path(seat.table.stream).asLong(-1);
          }
          seat.welcomed.countDown();
        }
        case "ack" -> acked(seat, m);
        case "error" -> {
          String code = m.path("code").asText("?");
          if (seat.welcomed.getCount() > 0) {
            seat.failure = "hello answered " + code + ": " + m.path("message").asText();
            seat.welcomed.countDown();
            return;
          }
          Pending p = m.hasNonNull("id") ? pending.remove(m.get("id").asText()) : null;
          if (p != null) {
            seat.inFlight.decrementAndGet();
          }
          count(errors, code);
        }
        case "event" -> event(seat, m);
        default -> {
          // snapshot, presence, console: not timed here.
        }
      }
    }

    private void acked(Seat seat, JsonNode m) {
      long now = System.nanoTime();
      Pending p = pending.remove(m.path("id").asText());
      if (p == null) {
        return;
      }
      seat.inFlight.decrementAndGet();
      acked.incrementAndGet();
      synchronized (ack) {
        ack.recordValue(Math.min(Math.max(0, now - p.intended()), ack.getHighestTrackableValue()));
      }
      if (!m.hasNonNull("seq")) {
        noEvent.incrementAndGet();
        return;
      }
      long seq = m.get("seq").asLong();
      Table table = seat.table;
      List<Long> early;
      synchronized (table) {
        table.bySeq.put(seq, p);
        early = table.early.remove(seq);
        settle(table, seq);
      }
      if (early != null) {
        for (long at : early) {
          recordDelivery(at - p.intended());
        }
      }
    }

    private void event(Seat seat, JsonNode m) {
      long now = System.nanoTime();
      Table table = seat.table;
      if (!table.stream.equals(m.path("stream").asText())) {
        return;
      }
      long seq = m.path("seq").asLong();
      if (seat.lastSeq < 0) {
        seat.lastSeq = seq - 1;
      }
      if (seq <= seat.lastSeq) {
        duplicates.incrementAndGet();
        return;
      }
      if (seq > seat.lastSeq + 1) {
        gaps.addAndGet(seq - seat.lastSeq - 1);
      }
      seat.lastSeq = seq;
      deliveries.incrementAndGet();
      Pending p;
      synchronized (table) {
        table.arrivals.merge(seq, 1, Integer::sum);
        if (!table.named.containsKey(seq)) {
          JsonNode data = m.path("data");
          String kind = m.path("kind").asText();
          String named = data.path("proposal").asText(null);
          if (kind.startsWith("cluster") || data.has("cluster") && !data.has("proposal")) {
            named = data.path("cluster").asText(null);
          }
          table.named.put(seq, named == null ? "" : named);
        }
        p = table.bySeq.get(seq);
        if (p == null) {
          table.early.computeIfAbsent(seq, s -> new ArrayList<>()).add(now);
        }
        settle(table, seq);
      }
      if (p != null) {
        recordDelivery(now - p.intended());
      }
    }

    /** Once a seq's ack and its first arrival are both in, a proposal or cluster it made joins the board the generator knows. */
    private void settle(Table table, long seq) {
      Pending p = table.bySeq.get(seq);
      String named = table.named.get(seq);
      if (p == null || named == null || p.kind() == null) {
        return;
      }
      if (p.kind().equals("propose")) {
        String id = named.isEmpty() ? "p" + seq : named;
        table.proposals.add(id);
        p.seat().own.put(id, "");
        p.seat().ownOrder.add(id);
      } else if (p.kind().equals("createCluster")) {
        table.clusters.add(named.isEmpty() ? "k" + seq : named);
      }
      table.bySeq.put(seq, new Pending(p.id(), p.intended(), p.seat(), null, p.textLength()));
    }

    private void recordDelivery(long nanos) {
      synchronized (delivery) {
        delivery.recordValue(Math.min(Math.max(0, nanos), delivery.getHighestTrackableValue()));
      }
    }

    private void send(Seat seat, String id, long intended) {
      Command c = Workload.next(seat, id);
      pending.put(id, new Pending(id, intended, seat, c.kind(), c.textLength()));
      seat.inFlight.incrementAndGet();
      count(mix, c.kind());
      seat.send(c.json());
    }

    private static void count(Map<String, Long> map, String key) {
      map.merge(key, 1L, Long::sum);
    }
  }

  /** A command as sent: its type, its JSON, the members' text it carries. */
  record Command(String kind, String json, int textLength) {
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
