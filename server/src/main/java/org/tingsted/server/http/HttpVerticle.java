package org.tingsted.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.Function;
import org.tingsted.server.gateway.Gateway;
import org.tingsted.server.report.Reports;

/**
 * The node's one HTTP server: the WebSocket endpoint, the admin REST API, liveness
 * ({@code /health}), readiness ({@code /ready}), metrics for Prometheus ({@code /metrics}) and
 * the web client's static files.
 */
public final class HttpVerticle extends VerticleBase {

  /** The classpath folder in the web-client jar that holds the app. */
  static final String WEB_ROOT = "tingsted-web";

  /** Where WebJars keep their files on the classpath; served at {@code /webjars/<artifact>/<version>/…}. */
  static final String WEBJARS_ROOT = "META-INF/resources/webjars";

  /**
   * The Content-Security-Policy of every response: everything from this server only, no inline
   * scripts or styles, no framing. The web client is written to it (no CDN, no eval, no inline
   * style attributes in HTML).
   */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /**
   * The policy of the published report under {@code /reports}, in every format: nothing may load
   * or run (no script at all, from anywhere), except the HTML page's one inline {@code <style>}
   * element (a report page is a single file people save and mail), allowed by its hash. What
   * members wrote is escaped in every format; this says so again to the browser.
   */
  static final String REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src "
      + hashOf(Reports.htmlStyle()) + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /** The published reports, and the administrators' reports under /api, which open as the same page. */
  static final java.util.regex.Pattern REPORT_PATH =
      java.util.regex.Pattern.compile("/reports/.*|/api/assemblies/[^/]+(/sessions/[^/]+)?/report");

  private static String hashOf(String inline) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(inline.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private final String host;
  private final int port;
  private final AdminApi admin;
  private final JoinLinks links;
  private final Function<Vertx, Gateway> gatewayFactory;
  private final Function<Integer, String> publicUrl;
  private final HealthChecks readiness;
  private final PrometheusMeterRegistry metrics;
  private final TlsSettings tls;
  private HttpServer server;
  private Gateway gateway;

  /**
   * @param gatewayFactory makes the gateway on this verticle's context, so that its sockets,
   *                       feeds and timers share one event loop
   * @param publicUrl      the public base URL for the port actually bound
   * @param tls            whether the server speaks TLS, and with which certificate
   */
  public HttpVerticle(String host, int port, AdminApi admin, JoinLinks links,
                      Function<Vertx, Gateway> gatewayFactory,
                      Function<Integer, String> publicUrl, HealthChecks readiness, PrometheusMeterRegistry metrics,
                      TlsSettings tls) {
    this.tls = tls;
    this.readiness = readiness;
    this.metrics = metrics;
    this.host = host;
    this.port = port;
    this.admin = admin;
    this.links = links;
    this.gatewayFactory = gatewayFactory;
    this.publicUrl = publicUrl;
  }

  @Override
  public Future<?> start() {
    gateway = gatewayFactory.apply(vertx);
    Router router = Router.router(vertx);
    // First, for every request (pages, files, the API's JSON, errors): the security headers.
    router.route().handler(ctx -> {
      ctx.response().headers()
          .set("Content-Security-Policy", REPORT_PATH.matcher(ctx.normalizedPath()).matches()
              ? REPORT_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY)
          .set("X-Content-Type-Options", "nosniff")
          .set("Referrer-Policy", "no-referrer");
      if (tls.enabled()) {
        ctx.response().headers().set("Strict-Transport-Security", TlsSettings.HSTS);
      }
      ctx.next();
    });
    // Liveness: the node's event loop answers. Readiness: the node can serve (see TingstedNode).
    router.get("/health").handler(HealthCheckHandler.create(vertx)
        .register("http", promise -> promise.complete(Status.OK())));
    router.get("/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics));
    router.route("/api/*").subRouter(admin.router(vertx));
    router.route("/reports/*").subRouter(admin.publicReports(vertx));
    admin.mountJoinCodes(router);
    admin.mountCredentials(router);
    admin.mountOidc(router, vertx);
    // Without a token, the start page: how to join, and a field for the code on the card.
    router.route("/").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> ctx.reroute("/start.html"));
    router.route("/join").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> ctx.reroute("/index.html"));
    // Browsers ask for /favicon.ico on pages that name no icon (the report, a raw JSON page).
    router.route("/favicon.ico").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> ctx.reroute("/favicon.svg"));
    // The libraries, versioned in their path (so they may be cached), from the WebJars on the classpath.
    router.route("/webjars/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(StaticHandler.create(WEBJARS_ROOT).setDirectoryListing(false));
    router.route("/*").handler(StaticHandler.create(WEB_ROOT).setCachingEnabled(false));
    server = vertx.createHttpServer(tls.apply(Gateway.configure(new HttpServerOptions().setHost(host).setPort(port))))
        .webSocketHandshakeHandler(gateway::handshake)
        .webSocketHandler(gateway::connect)
        .requestHandler(router);
    return server.listen().onSuccess(s -> {
      links.baseUrl(publicUrl.apply(s.actualPort()));
      gateway.publicUrl(publicUrl.apply(s.actualPort()));
    });
  }

  /** Runs {@code action} with the gateway, on the gateway's context. */
  public Future<Void> withGateway(java.util.function.Consumer<Gateway> action) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      action.accept(gateway);
      done.complete();
    });
    return done.future();
  }

  /** The port the server listens on. */
  public int actualPort() {
    return server.actualPort();
  }
}
