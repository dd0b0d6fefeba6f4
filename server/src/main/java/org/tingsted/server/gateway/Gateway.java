package org.tingsted.server.gateway;

import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.tingsted.protocol.Protocol;
import org.tingsted.server.audit.AuditLog;
import org.tingsted.server.control.Facilitation;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.roster.Credentials;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.streams.StreamEvent;
import org.tingsted.server.streams.Streams;

/**
 * The WebSocket endpoint {@code /ws}: accepts connections that speak {@code tingsted.v1},
 * authenticates them with their session credential and connects them to their tables' streams.
 *
 * <p>One gateway per node, on one context: its sockets, feeds and presence live there.
 */
public final class Gateway {

  /** The path of the endpoint. */
  public static final String PATH = "/ws";
  static final int MESSAGES_PER_SECOND = 20;
  static final int MESSAGE_BURST = 60;
  /**
   * Messages refused with rate_limited that one connection may pile up before it is closed with
   * 4429; {@link #REFUSALS_FORGIVEN_PER_SECOND} of them are forgotten each second, so a client
   * that backs off is never closed, and one that keeps sending beyond the rate is, at any speed.
   */
  static final int REFUSALS_BEFORE_CLOSE = MESSAGE_BURST * 4;
  static final int REFUSALS_FORGIVEN_PER_SECOND = 24;
  /**
   * What the server may have written to one connection and not yet seen sent, snapshots not
   * counted: a reader beyond it does not keep up and is closed with 4429.
   */
  static final int OUTBOX_BYTES = 1024 * 1024;
  /**
   * The kernel's send buffer of each connection. Fixed, so that what a reader who does not read
   * holds in this node is bounded by it and the outbox together (the kernel would otherwise grow
   * it to megabytes); 256 KiB still carries several megabytes a second to a tablet far away.
   */
  static final int SEND_BUFFER_BYTES = 256 * 1024;
  /**
   * Joins one member may make on one node in a minute: each join is sent snapshots, so that
   * reconnecting in a loop with one token cannot pile them up in memory.
   */
  public static final int JOINS_PER_MINUTE = 30;
  /** Connections one member may have open on one node; a newer one closes the oldest with 4409. */
  static final int CONNECTIONS_PER_MEMBER = 4;
  /**
   * A connection from which nothing arrives for this long, not even the pong to the server's
   * ping, is closed. Only reads count: the server's own pings must not keep a dead one open.
   */
  static final int IDLE_SECONDS = 120;
  /** How often the server pings each socket. */
  static final int PING_SECONDS = 30;
  /**
   * The event-bus address on which a member's revoked credentials are told to every node:
   * {@code {"assembly", "member", "generation"}}, the generation that is valid now.
   */
  public static final String REVOKED_ADDRESS = "tingsted.credentials.revoked";

  private final Vertx vertx;
  private final Roster roster;
  private final Credentials credentials;
  private final Streams streams;
  private final Frames frames = new Frames();
  private final Feeds feeds;
  /** The open connections of each member on this node, to follow them when they move. */
  private final Map<String, Set<Connection>> byMember = new HashMap<>();
  /** Connections of lead facilitators, who get the console. */
  private final Set<Connection> consoles = new LinkedHashSet<>();
  private final Presence presence;
  private final Meters meters;
  private final BooleanSupplier serving;
  private final Facilitation facilitation;
  private final InFlight inFlight = new InFlight();
  /** The generation each member's credentials were last revoked to, as told on the event bus. */
  private final Map<String, Integer> revokedTo = new HashMap<>();
  /** When each member's recent joins on this node were, oldest first. */
  private final Map<String, java.util.ArrayDeque<Long>> joins = new HashMap<>();

  /**
   * @param serving whether this node takes members now: not while it shuts down, nor while its
   *                side of a split cluster lacks the quorum
   */
  public Gateway(Vertx vertx, HazelcastInstance hazelcast, Roster roster, Credentials credentials, Streams streams,
                 MeterRegistry registry, BooleanSupplier serving, AuditLog audit) {
    this.audit = audit;
    this.vertx = vertx;
    this.roster = roster;
    this.credentials = credentials;
    this.streams = streams;
    this.serving = serving;
    this.meters = new Meters(registry);
    this.facilitation = new Facilitation(roster, streams);
    this.feeds = new Feeds(vertx, streams, frames, this::changed, meters);
    this.presence = new Presence(vertx, hazelcast, frames, roster);
    vertx.eventBus().<JsonObject>consumer(PSEUDONYMISED, message -> pseudonymised(
        message.body().getString("assembly"), message.body().getString("member")));
    vertx.eventBus().<JsonObject>consumer(REVOKED_ADDRESS, message -> revoked(
        message.body().getString("assembly"), message.body().getString("member"), message.body().getInteger("generation")));
  }

  /**
   * The event-bus address on which the admin API tells every node that a person was
   * pseudonymised ({@code {"assembly": …, "member": …}}).
   */
  public static final String PSEUDONYMISED = "tingsted.roster.pseudonymised";

  /**
   * A person was pseudonymised: their connections on this node are closed with 4401 (their link
   * no longer lets them in), and the owner of their table's stream shows the table their
   * pseudonym.
   */
  private void pseudonymised(String assembly, String member) {
    // Every credential of theirs is void from now on, also one whose hello read the roster just
    // before and opens just after this (as for a revocation).
    revokedTo.put(member, Integer.MAX_VALUE);
    for (Connection c : List.copyOf(byMember.getOrDefault(member, Set.of()))) {
      c.close(Protocol.CLOSE_UNAUTHORIZED, "this person was pseudonymised; the link no longer lets them in");
    }
    roster.get(assembly).onSuccess(a -> {
      var m = a == null ? null : a.members().get(member);
      if (m != null && m.table() != null && streams.ownedHere(org.tingsted.protocol.StreamId.table(m.table()))) {
        presence.republish(a, m.table());
      }
    });
  }

  private final AuditLog audit;

  AuditLog audit() {
    return audit;
  }

  /**
   * Tells every node of the cluster that {@code member}'s credentials older than
   * {@code generation} are revoked, so that each closes their connections.
   */
  public static void revoke(Vertx vertx, String assembly, String member, int generation) {
    vertx.eventBus().publish(REVOKED_ADDRESS, new JsonObject()
        .put("assembly", assembly).put("member", member).put("generation", generation));
  }

  /** Closes with 4410 every connection on this node of {@code member} made with an older generation. */
  private void revoked(String assembly, String member, int generation) {
    // Kept for a connection that read the roster before the revocation and joins after it.
    revokedTo.merge(member, generation, Math::max);
    for (Connection c : List.copyOf(byMember.getOrDefault(member, Set.of()))) {
      if (c.credentialOlderThan(assembly, generation)) {
        c.close(Protocol.CLOSE_REVOKED, "this link was revoked and a new one issued");
      }
    }
  }

  /** The Hazelcast serializers of what the gateway keeps in Hazelcast. */
  public static List<SerializerConfig> serializers() {
    return Presence.serializers();
  }

  /**
   * The HTTP server options the endpoint needs: sub-protocol, size limits, no compression. A
   * frame may be as large as a whole message on the wire, {@link Protocol#MAX_MESSAGE_BYTES}, as a
   * browser sends each message in one frame; the connection reads a larger message to its end and
   * answers it with {@code too_large} ({@link MessageAssembly}).
   */
  public static HttpServerOptions configure(HttpServerOptions options) {
    return options
        .addWebSocketSubProtocol(Protocol.SUBPROTOCOL)
        .setMaxWebSocketFrameSize(Protocol.MAX_MESSAGE_BYTES)
        .setMaxWebSocketMessageSize(Protocol.MAX_MESSAGE_BYTES)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setSendBufferSize(SEND_BUFFER_BYTES)
        .setReadIdleTimeout(IDLE_SECONDS);
  }

  /** The public address people open (its scheme, host and port), once the server listens. */
  private volatile String publicOrigin;

  /** Tells the gateway the address people open, whose pages may connect. */
  public void publicUrl(String url) {
    publicOrigin = originOf(url);
  }

  /** {@code scheme://host[:port]} of an address, in lower case; null if it is not one. */
  public static String originOf(String url) {
    try {
      var uri = java.net.URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      return (uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))
          .toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Whether a page of {@code origin} may connect: one served by this server (its origin names the
   * host the request went to) or by the public address. A request without an Origin comes from no
   * browser page (an app, a test, a bench), which a foreign page cannot make.
   */
  boolean originAllowed(String origin, String host) {
    if (origin == null) {
      return true;
    }
    String own = originOf(origin);
    if (own == null) {
      return false;
    }
    if (own.equals(publicOrigin)) {
      return true;
    }
    var uri = java.net.URI.create(own);
    String hostPort = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    return host != null && hostPort.equalsIgnoreCase(host);
  }

  /**
   * Refuses upgrades to another path (404), from a page of a foreign origin (403), or without
   * the {@code tingsted.v1} sub-protocol (400).
   */
  public void handshake(ServerWebSocketHandshake handshake) {
    if (!PATH.equals(handshake.path())) {
      handshake.reject(404);
      return;
    }
    if (!originAllowed(handshake.headers().get("Origin"), handshake.headers().get("Host"))) {
      handshake.reject(403);
      return;
    }
    String offered = handshake.headers().get("Sec-WebSocket-Protocol");
    boolean speaks = offered != null && Arrays.stream(offered.split(","))
        .map(String::strip).anyMatch(Protocol.SUBPROTOCOL::equals);
    if (!speaks) {
      handshake.reject(400);
      return;
    }
    handshake.accept();
  }

  /**
   * Sends every member on this node elsewhere: closes their connections with 1001 (going
   * away), so that their apps reconnect at once, through the load balancer, to another node.
   */
  public void sendAway(String reason) {
    for (Set<Connection> open : List.copyOf(byMember.values())) {
      List.copyOf(open).forEach(c -> c.close(Protocol.CLOSE_GOING_AWAY, reason));
    }
  }

  /** The cluster changed: every feed checks it is not behind, and the seats of {@code deadNodes} are cleared. */
  public void clusterChanged(List<String> deadNodes) {
    feeds.catchUp();
    deadNodes.forEach(presence::dropNode);
  }

  /** Takes over an accepted socket. */
  public void connect(ServerWebSocket socket) {
    new Connection(this, socket).start();
  }

  /**
   * A connection of {@code member} is open. Beyond {@link #CONNECTIONS_PER_MEMBER} on this node,
   * the oldest of theirs is closed with {@link Protocol#CLOSE_REPLACED}: the person is using a
   * newer screen, and many tabs of one token cannot pile up.
   */
  void opened(String member, Connection connection, boolean console) {
    Set<Connection> open = byMember.computeIfAbsent(member, m -> new LinkedHashSet<>());
    open.add(connection);
    if (console) {
      consoles.add(connection);
    }
    Integer revoked = revokedTo.get(member);
    if (revoked != null && connection.credentialOlderThan(connection.assemblyId(), revoked)) {
      connection.close(Protocol.CLOSE_REVOKED, "this link was revoked and a new one issued");
      return;
    }
    while (open.size() > CONNECTIONS_PER_MEMBER) {
      Connection oldest = open.iterator().next();
      open.remove(oldest);
      oldest.close(Protocol.CLOSE_REPLACED, "more than " + CONNECTIONS_PER_MEMBER
          + " connections of one member; this, the oldest, was replaced by a newer one");
    }
  }

  /** Whether {@code member} may join once more now: at most {@link #JOINS_PER_MINUTE} in any minute. */
  boolean mayJoin(String member) {
    long now = System.currentTimeMillis();
    var recent = joins.computeIfAbsent(member, m -> new java.util.ArrayDeque<>());
    while (!recent.isEmpty() && recent.peekFirst() <= now - 60_000) {
      recent.pollFirst();
    }
    if (recent.size() >= JOINS_PER_MINUTE) {
      return false;
    }
    recent.addLast(now);
    if (joins.size() > 10_000) {
      joins.values().removeIf(d -> d.isEmpty() || d.peekLast() <= now - 60_000);
    }
    return true;
  }

  InFlight inFlight() {
    return inFlight;
  }

  void closed(String member, Connection connection) {
    consoles.remove(connection);
    Set<Connection> open = byMember.get(member);
    if (open != null) {
      open.remove(connection);
      if (open.isEmpty()) {
        byMember.remove(member);
      }
    }
  }

  private void changed(StreamFeed feed, StreamEvent event) {
    for (Connection lead : List.copyOf(consoles)) {
      lead.consoleDue(feed.stream);
    }
    if (event != null && event.event() instanceof SessionEvent.MemberMoved moved) {
      for (Connection c : List.copyOf(byMember.getOrDefault(moved.member(), Set.of()))) {
        c.moved(moved.from(), moved.to());
      }
      // Both tables show the roster as it is now, also when the person moved is not connected.
      if (streams.ownedHere(feed.stream)) {
        roster.all().onSuccess(all -> all.stream()
            .filter(a -> a.session(feed.stream.id()).isPresent()).findFirst()
            .ifPresent(a -> {
              presence.republish(a, moved.from());
              presence.republish(a, moved.to());
            }));
      }
    }
  }

  Vertx vertx() {
    return vertx;
  }

  Roster roster() {
    return roster;
  }

  Credentials credentials() {
    return credentials;
  }

  Streams streams() {
    return streams;
  }

  Frames frames() {
    return frames;
  }

  Feeds feeds() {
    return feeds;
  }

  Presence presence() {
    return presence;
  }

  Meters meters() {
    return meters;
  }

  Facilitation facilitation() {
    return facilitation;
  }

  boolean serving() {
    return serving.getAsBoolean();
  }
}
