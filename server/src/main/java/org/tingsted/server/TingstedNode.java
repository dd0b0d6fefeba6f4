package org.tingsted.server;

import com.hazelcast.config.SerializerConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.gateway.Gateway;
import org.tingsted.server.http.AdminApi;
import org.tingsted.server.http.HttpVerticle;
import org.tingsted.server.http.JoinLinks;
import org.tingsted.server.roster.JoinTokens;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.streams.TableStreams;

/** One running Tingsted node: Vert.x on its Hazelcast member, the HTTP server, the gateway. */
public final class TingstedNode {

  private final Vertx vertx;
  private final Roster roster;
  private final JoinLinks links;
  private final HttpVerticle http;
  private final Settings settings;

  private TingstedNode(Vertx vertx, Roster roster, JoinLinks links, HttpVerticle http, Settings settings) {
    this.vertx = vertx;
    this.roster = roster;
    this.links = links;
    this.http = http;
    this.settings = settings;
  }

  /** Starts a node; the future completes when it accepts connections. */
  public static Future<TingstedNode> start(Settings settings) {
    List<SerializerConfig> serializers = new ArrayList<>();
    serializers.addAll(TableStreams.serializers());
    serializers.addAll(Roster.serializers());
    serializers.addAll(Gateway.serializers());
    return HazelcastSetup.start(settings.cluster(), serializers).compose(node -> {
      Vertx vertx = node.vertx();
      var roster = new Roster(vertx, node.hazelcast());
      var tokens = new JoinTokens(settings.secret());
      var links = new JoinLinks(tokens, settings.publicUrlOr(settings.port()));
      var streams = new TableStreams(vertx, node.hazelcast());
      var http = new HttpVerticle(settings.host(), settings.port(),
          new AdminApi(roster, links, settings.adminToken()), links,
          v -> new Gateway(v, node.hazelcast(), roster, tokens, streams),
          settings::publicUrlOr);
      return vertx.deployVerticle(http)
          .map(id -> new TingstedNode(vertx, roster, links, http, settings))
          .recover(e -> vertx.close().transform(v -> Future.failedFuture(e)));
    });
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

  /** Stops the node: sockets close, the Hazelcast member leaves. */
  public Future<Void> close() {
    return vertx.close();
  }
}
