package org.tingsted.server;

import org.tingsted.protocol.StreamId;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tingsted.server.control.TimerAlarms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.gateway.Gateway;
import org.tingsted.server.http.AdminApi;
import org.tingsted.server.http.HttpVerticle;
import org.tingsted.server.http.JoinLinks;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.roster.JoinCodes;
import org.tingsted.server.roster.Credentials;
import org.tingsted.server.roster.PersonalRecords;
import org.tingsted.server.roster.Retention;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.staff.Staff;
import org.tingsted.server.audit.AuditLog;
import java.time.Clock;
import org.tingsted.server.streams.Streams;

/** One running Tingsted node: Vert.x on its Hazelcast member, the HTTP server, the gateway. */
public final class TingstedNode {

  private final Vertx vertx;
  private final Roster roster;
  private final JoinLinks links;
  private final HttpVerticle http;
  private final Settings settings;
  private final Journal journal;
  private final HazelcastInstance hazelcast;
  private final AtomicBoolean draining;
  private final Streams streams;
  private final PersonalRecords personal;
  private final AuditLog audit;
  private final Staff staff;

  /** How long sockets have to carry their close frames before the node leaves the cluster. */
  private static final long CLOSE_GRACE_MS = 300;

  /** The name under which the join-token key is kept in the journal when none is configured. */
  static final String JOIN_TOKEN_SECRET = "join-token-key";

  private TingstedNode(Vertx vertx, HazelcastInstance hazelcast, Roster roster, JoinLinks links, HttpVerticle http,
                       Settings settings, Journal journal, AtomicBoolean draining, Streams streams,
                       PersonalRecords personal, AuditLog audit, Staff staff) {
    this.personal = personal;
    this.audit = audit;
    this.staff = staff;
    this.streams = streams;
    this.hazelcast = hazelcast;
    this.draining = draining;
    this.vertx = vertx;
    this.roster = roster;
    this.links = links;
    this.http = http;
    this.settings = settings;
    this.journal = journal;
  }

  /**
   * Starts a node; the future completes when it accepts connections. Opening the journal
   * blocks the calling thread, so call this from a main or test thread, not an event loop.
   */
  public static Future<TingstedNode> start(Settings settings) {
    Journal journal;
    byte[] secret;
    try {
      settings.requireSharedJournal();
      settings.tls().requireReadable();
      if (settings.journal().isEmbedded()) {
        Files.createDirectories(settings.dataDir());
      }
      journal = Journal.open(settings.journal());
      secret = settings.secret() != null
          ? settings.secret()
          : journal.secret(JOIN_TOKEN_SECRET, () -> Settings.randomHex(32)).getBytes(StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return Future.failedFuture(e);
    }
    var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    journal.measure(metrics);
    List<SerializerConfig> serializers = new ArrayList<>();
    serializers.addAll(Streams.serializers());
    serializers.addAll(Roster.serializers());
    serializers.addAll(Gateway.serializers());
    serializers.addAll(Staff.serializers());
    var options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    // Not tied to a Vert.x instance: a failed start closes the instance, and listeners bound to
    // it would never hear of the failure.
    Promise<TingstedNode> started = Promise.promise();
    HazelcastSetup.start(settings.cluster(), serializers, config -> {
      Streams.configure(config, journal);
      Roster.configure(config, journal);
      Staff.configure(config, journal);
    }, options, new MicrometerMetricsFactory(metrics)).onFailure(e -> {
      journal.close();
      started.fail(e);
    }).onSuccess(node -> {
      Vertx vertx = node.vertx();
      HazelcastInstance hazelcast = node.hazelcast();
      var roster = new Roster(vertx, hazelcast);
      var personal = new PersonalRecords(vertx, hazelcast, roster, journal);
      var audit = new AuditLog(vertx, journal);
      audit.start();
      var retention = new Retention(vertx,
          () -> hazelcast.getCluster().getMembers().iterator().next().localMember(), roster, personal, settings.personalDataDays(), Clock.systemUTC());
      retention.start();
      var staff = new Staff(vertx, hazelcast, settings.staff().sessionLifetime());
      var ring = settings.keyRing(secret);
      var credentials = new Credentials(ring, Clock.systemUTC());
      var links = new JoinLinks(credentials, new JoinCodes(ring), settings.publicUrlOr(settings.port()));
      var streams = new Streams(vertx, hazelcast, journal);
      var timers = new TimerAlarms(vertx, streams);
      var draining = new AtomicBoolean();
      var readiness = HealthChecks.create(vertx)
          .register("cluster", promise -> promise.complete(HazelcastSetup.hasQuorum(hazelcast)
              ? Status.OK(new JsonObject().put("members", hazelcast.getCluster().getMembers().size()))
              : Status.KO(new JsonObject().put("members", hazelcast.getCluster().getMembers().size())
                  .put("reason", "this side of the cluster has fewer members than the quorum"))))
          .register("journal", 5000, promise -> vertx.executeBlocking(() -> journal.reachable(3))
              .onComplete(up -> promise.complete(up.succeeded() && up.result() ? Status.OK() : Status.KO())))
          .register("serving", promise -> promise.complete(draining.get() ? Status.KO() : Status.OK()));
      Gauge.builder("tingsted.cluster.members", hazelcast, h -> h.getCluster().getMembers().size())
          .description("members of this node's cluster, as it sees them").register(metrics);
      Gauge.builder("tingsted.streams.owned", streams, Streams::ownedCount)
          .description("streams whose working copy this node owns").register(metrics);
      var http = new HttpVerticle(settings.host(), settings.port(),
          new AdminApi(roster, links, settings.adminToken(), streams, hazelcast, personal, audit, staff,
              settings.staff().oidc()), links,
          v -> new Gateway(v, hazelcast, roster, credentials, streams, metrics,
              () -> !draining.get() && HazelcastSetup.hasQuorum(hazelcast), audit),
          settings::publicUrlOr, readiness, metrics, settings.tls());
      vertx.deployVerticle(http).onComplete(deployed -> {
        if (deployed.succeeded()) {
          var takeover = new Takeover(vertx, hazelcast, roster, streams, timers, http);
          takeover.start();
          started.complete(new TingstedNode(vertx, hazelcast, roster, links, http, settings, journal, draining, streams,
              personal, audit, staff));
        } else {
          started.fail(deployed.cause());
          vertx.close().onComplete(closed -> journal.close());
        }
      });
    });
    return started.future();
  }

  public Vertx vertx() {
    return vertx;
  }

  public Roster roster() {
    return roster;
  }

  /** The streams of this node, for commands the server itself sends (the demo's agenda). */
  public Streams streams() {
    return streams;
  }

  /** The people's personal data, kept apart from the roster. */
  public PersonalRecords personal() {
    return personal;
  }

  /** The audit log of refusals and staff actions. */
  public AuditLog audit() {
    return audit;
  }

  /** The staff accounts, for what the server sets up itself (the demo's administrator). */
  public Staff staff() {
    return staff;
  }

  public JoinLinks links() {
    return links;
  }

  /** The port the HTTP server listens on. */
  public int port() {
    return http.actualPort();
  }

  /** The address people open, for this node's actual port. */
  public String publicUrl() {
    return settings.publicUrlOr(port());
  }

  public String adminToken() {
    return settings.adminToken();
  }

  /** The port of this node's Hazelcast member. */
  public int hazelcastPort() {
    return hazelcast.getCluster().getLocalMember().getAddress().getPort();
  }

  /** Where this node's journal is. */
  public String journalDescription() {
    return journal.settings().describe();
  }

  /** The id of this node's Hazelcast member. */
  public String memberId() {
    return hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  /** How many members this node's cluster has, as it sees it. */
  public int clusterSize() {
    return hazelcast.getCluster().getMembers().size();
  }

  /** Whether this node owns the working copy of {@code stream} now. */
  public boolean owns(StreamId stream) {
    var owner = hazelcast.getPartitionService().getPartition(stream.name()).getOwner();
    return owner != null && owner.localMember();
  }

  /**
   * Stops the node gracefully: it stops being ready, sends its members to another node (close
   * code 1001, going away), then its Hazelcast member leaves, handing its streams over to the
   * others; the journal closes last.
   */
  public Future<Void> close() {
    draining.set(true);
    return http.withGateway(gateway -> gateway.sendAway("this server is shutting down; connect again"))
        .compose(v -> {
          Promise<Void> grace = Promise.promise();
          vertx.setTimer(CLOSE_GRACE_MS, id -> grace.complete());
          return grace.future();
        })
        .eventually(audit::close)
        .eventually(vertx::close)
        .eventually(() -> {
          journal.close();
          return Future.succeededFuture();
        });
  }
}
