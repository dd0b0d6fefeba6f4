package org.tingsted.server;

import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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
import org.tingsted.server.roster.JoinTokens;
import org.tingsted.server.roster.Roster;
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

  /** The name under which the join-token key is kept in the journal when none is configured. */
  static final String JOIN_TOKEN_SECRET = "join-token-key";

  private TingstedNode(Vertx vertx, HazelcastInstance hazelcast, Roster roster, JoinLinks links, HttpVerticle http,
                       Settings settings, Journal journal) {
    this.hazelcast = hazelcast;
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
    List<SerializerConfig> serializers = new ArrayList<>();
    serializers.addAll(Streams.serializers());
    serializers.addAll(Roster.serializers());
    serializers.addAll(Gateway.serializers());
    // Not tied to a Vert.x instance: a failed start closes the instance, and listeners bound to
    // it would never hear of the failure.
    Promise<TingstedNode> started = Promise.promise();
    HazelcastSetup.start(settings.cluster(), serializers, config -> {
      Streams.configure(config, journal);
      Roster.configure(config, journal);
    }).onFailure(e -> {
      journal.close();
      started.fail(e);
    }).onSuccess(node -> {
      Vertx vertx = node.vertx();
      var roster = new Roster(vertx, node.hazelcast());
      var tokens = new JoinTokens(secret);
      var links = new JoinLinks(tokens, settings.publicUrlOr(settings.port()));
      var streams = new Streams(vertx, node.hazelcast(), journal);
      var http = new HttpVerticle(settings.host(), settings.port(),
          new AdminApi(roster, links, settings.adminToken(), streams), links,
          v -> new Gateway(v, node.hazelcast(), roster, tokens, streams),
          settings::publicUrlOr);
      vertx.deployVerticle(http).onComplete(deployed -> {
        if (deployed.succeeded()) {
          started.complete(new TingstedNode(vertx, node.hazelcast(), roster, links, http, settings, journal));
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

  /** Stops the node: sockets close, the Hazelcast member leaves, the journal closes last. */
  public Future<Void> close() {
    return vertx.close().eventually(() -> {
      journal.close();
      return Future.succeededFuture();
    });
  }
}
