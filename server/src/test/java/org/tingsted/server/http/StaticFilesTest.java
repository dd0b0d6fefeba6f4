package org.tingsted.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tingsted.server.Settings;
import org.tingsted.server.TingstedNode;

/**
 * The web client's files as a browser fetches them: the app, its libraries from the WebJars,
 * and the security headers on every response.
 */
@DisplayName("The static files")
class StaticFilesTest {

  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private static TingstedNode node;
  private static Vertx clients;
  private static WebClient http;

  @BeforeAll
  static void start() {
    node = await(TingstedNode.start(Settings.forTest("static-" + UUID.randomUUID())));
    clients = Vertx.vertx();
    http = WebClient.create(clients, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()));
  }

  @AfterAll
  static void stop() {
    await(clients.close());
    await(node.close());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static HttpResponse<Buffer> get(String path) {
    return await(http.get(path).send());
  }

  private static void assertSecurityHeaders(HttpResponse<Buffer> response) {
    assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(CSP);
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  @DisplayName("the policy in the code is the one of the web client's contract")
  void policyConstant() {
    assertThat(HttpVerticle.CONTENT_SECURITY_POLICY).isEqualTo(CSP);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/index.html", "/join"})
  @DisplayName("the member app is served, with the security headers")
  void app(String path) {
    var response = get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/html");
    assertThat(response.bodyAsString()).contains("<html");
    assertSecurityHeaders(response);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/webjars/sortablejs/1.15.6/Sortable.min.js", "/webjars/qrcodejs/07f829d/qrcode.min.js"})
  @DisplayName("the libraries come from the WebJars, as JavaScript, with the security headers")
  void webjar(String path) {
    var response = get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).contains("javascript");
    assertThat(response.body().length()).isGreaterThan(10_000);
    assertSecurityHeaders(response);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/join", "/webjars/qrcodejs/07f829d/qrcode.min.js"})
  @DisplayName("HEAD answers as GET does, with the security headers")
  void head(String path) {
    var response = await(http.head(path).send());
    assertThat(response.statusCode()).isEqualTo(200);
    assertSecurityHeaders(response);
  }

  @Test
  @DisplayName("a file that is not there is a 404, with the security headers, and no folder is listed")
  void missing() {
    var response = get("/webjars/nothing-here/1.0/x.js");
    assertThat(response.statusCode()).isEqualTo(404);
    assertSecurityHeaders(response);
    var folder = get("/webjars/sortablejs/1.15.6/");
    assertThat(folder.statusCode()).isIn(403, 404);
  }

  @Test
  @DisplayName("the published report pages may use their one inline <style>, allowed by its hash, and load or run nothing else")
  void reports() throws Exception {
    var response = get("/reports/no-such-assembly");
    String csp = response.getHeader("Content-Security-Policy");
    String html = org.tingsted.server.report.Reports.html(org.tingsted.server.report.Reports.build(
        new org.tingsted.server.report.ReportInput("a1", "Assembly", "Question?", java.util.List.of()), 0), org.tingsted.server.report.ReportLanguage.DANISH);
    String style = html.substring(html.indexOf("<style>") + "<style>".length(), html.indexOf("</style>"));
    String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
        .digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(csp).contains("style-src 'sha256-" + hash + "';").doesNotContain("unsafe-inline")
        .doesNotContain("script-src").doesNotContain("'self'").contains("default-src 'none';")
        .contains("frame-ancestors 'none'");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    // An administrator's report opens as the same page, with the same policy (refused here, unauthenticated).
    assertThat(get("/api/assemblies/a1/report").getHeader("Content-Security-Policy")).isEqualTo(csp);
    assertThat(get("/api/assemblies/a1/sessions/s1/report").getHeader("Content-Security-Policy")).isEqualTo(csp);
    assertThat(get("/api/assemblies/a1/report/publish").getHeader("Content-Security-Policy")).isNotEqualTo(csp);
  }

  @Test
  @DisplayName("the admin API still answers JSON, with the security headers")
  void api() {
    var denied = get("/api/assemblies");
    assertThat(denied.statusCode()).isEqualTo(401);
    assertThat(denied.bodyAsJsonObject().getString("code")).isNotBlank();
    assertSecurityHeaders(denied);
    var ok = await(http.get("/api/assemblies").bearerTokenAuthentication(org.tingsted.server.AdminLogin.token(node)).send());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.bodyAsJsonArray()).isNotNull();
    assertSecurityHeaders(ok);
    var health = get("/health");
    assertThat(health.bodyAsJsonObject().getString("outcome")).isEqualTo("UP");
    assertSecurityHeaders(health);
  }
}
