package org.tingsted.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.function.Function;
import org.tingsted.server.gateway.Gateway;

/**
 * The node's one HTTP server: the WebSocket endpoint, the admin REST API, a health check and
 * the web client's static files.
 */
public final class HttpVerticle extends VerticleBase {

  /** The classpath folder in the web-client jar that holds the app. */
  static final String WEB_ROOT = "tingsted-web";

  private final String host;
  private final int port;
  private final AdminApi admin;
  private final JoinLinks links;
  private final Function<Vertx, Gateway> gatewayFactory;
  private final Function<Integer, String> publicUrl;
  private HttpServer server;

  /**
   * @param gatewayFactory makes the gateway on this verticle's context, so that its sockets,
   *                       feeds and timers share one event loop
   * @param publicUrl      the public base URL for the port actually bound
   */
  public HttpVerticle(String host, int port, AdminApi admin, JoinLinks links,
                      Function<Vertx, Gateway> gatewayFactory,
                      Function<Integer, String> publicUrl) {
    this.host = host;
    this.port = port;
    this.admin = admin;
    this.links = links;
    this.gatewayFactory = gatewayFactory;
    this.publicUrl = publicUrl;
  }

  @Override
  public Future<?> start() {
    Gateway gateway = gatewayFactory.apply(vertx);
    Router router = Router.router(vertx);
    router.get("/healthz").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json").end("{\"status\":\"up\"}"));
    router.route("/api/*").subRouter(admin.router(vertx));
    router.route("/reports/*").subRouter(admin.publicReports(vertx));
    router.get("/join").handler(ctx -> ctx.reroute("/index.html"));
    router.route("/*").handler(StaticHandler.create(WEB_ROOT).setCachingEnabled(false));
    server = vertx.createHttpServer(Gateway.configure(new HttpServerOptions().setHost(host).setPort(port)))
        .webSocketHandshakeHandler(gateway::handshake)
        .webSocketHandler(gateway::connect)
        .requestHandler(router);
    return server.listen().onSuccess(s -> links.baseUrl(publicUrl.apply(s.actualPort())));
  }

  /** The port the server listens on. */
  public int actualPort() {
    return server.actualPort();
  }
}
