package org.tingsted.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.Settings;
import org.tingsted.server.TingstedNode;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.staff.StaffSettings;

/**
 * Staff accounts as administrators and facilitators use them: over real HTTP against a started
 * node, with real Argon2id hashes, sessions in Hazelcast and accounts in the journal.
 */
@DisplayName("Staff login")
class StaffLoginTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ADMIN_PASSWORD = "the first administrator's password";
  private static final String LENE_PASSWORD = "Lene's own password, long enough";

  private TingstedNode node;
  private Vertx clients;
  private WebClient http;

  private void start(Settings settings) {
    node = await(TingstedNode.start(settings));
    clients = Vertx.vertx();
    http = WebClient.create(clients, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()));
  }

  private void start() {
    start(Settings.forTest("staff-" + UUID.randomUUID()));
  }

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    if (clients != null) {
      await(clients.close());
    }
    if (node != null) {
      await(node.close());
    }
  }

  @Test
  @DisplayName("The admin token makes the first administrator and nothing else; once one exists it is refused with a clear error")
  void bootstrapOnce() {
    start();
    String adminToken = "Bearer " + node.adminToken();
    JsonObject early = error(call(HttpMethod.GET, "/api/assemblies", adminToken, null), 401, "unauthorized");
    assertThat(early.getString("message")).contains("first administrator").contains("/api/staff/bootstrap");
    assertThat(call(HttpMethod.GET, "/api/login", null, null).bodyAsJsonObject().getBoolean("bootstrap")).isTrue();

    error(call(HttpMethod.POST, "/api/staff/bootstrap", null, firstAdmin().encode()), 401, "unauthorized");
    error(call(HttpMethod.POST, "/api/staff/bootstrap", "Bearer wrong", firstAdmin().encode()), 401, "unauthorized");
    error(call(HttpMethod.POST, "/api/staff/bootstrap", adminToken, firstAdmin().put("password", "short").encode()), 400, "invalid");

    HttpResponse<Buffer> made = call(HttpMethod.POST, "/api/staff/bootstrap", adminToken, firstAdmin().encode());
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    assertThat(made.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject account = made.bodyAsJsonObject();
    assertThat(account.getString("username")).isEqualTo("ada");
    assertThat(account.getJsonArray("roles")).containsExactly("administrator");
    assertThat(made.bodyAsString()).as("no hash is ever answered").doesNotContain("argon2").doesNotContain("passwordHash");

    JsonObject again = error(call(HttpMethod.POST, "/api/staff/bootstrap", adminToken,
        firstAdmin().put("username", "eve").encode()), 409, "conflict");
    assertThat(again.getString("message")).contains("admin token is retired");
    JsonObject retired = error(call(HttpMethod.GET, "/api/assemblies", adminToken, null), 401, "unauthorized");
    assertThat(retired.getString("message")).contains("retired");
    assertThat(call(HttpMethod.GET, "/api/login", null, null).bodyAsJsonObject().getBoolean("bootstrap")).isFalse();

    String session = login("ada", ADMIN_PASSWORD);
    assertThat(call(HttpMethod.GET, "/api/assemblies", "Bearer " + session, null).statusCode()).isEqualTo(200);
    JsonArray accounts = call(HttpMethod.GET, "/api/staff", "Bearer " + session, null).bodyAsJsonArray();
    assertThat(accounts).hasSize(1);
    assertThat(accounts.encode()).doesNotContain("argon2").doesNotContain("passwordHash");
  }

  @Test
  @DisplayName("A login answers a session token and an HttpOnly, SameSite=Strict cookie, both good for the admin API, and not cached; logout ends it")
  void loginAndLogout() {
    start();
    bootstrap();
    HttpResponse<Buffer> response = call(HttpMethod.POST, "/api/login", null,
        new JsonObject().put("username", "ADA ").put("password", ADMIN_PASSWORD).encode());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject body = response.bodyAsJsonObject();
    String token = body.getString("token");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(body.getJsonObject("account").getString("username")).isEqualTo("ada");
    assertThat(body.getLong("expiresAt")).isGreaterThan(System.currentTimeMillis());
    String cookie = response.cookies().stream().filter(c -> c.startsWith(StaffRoutes.COOKIE + "=")).findFirst().orElseThrow();
    assertThat(cookie).contains(StaffRoutes.COOKIE + "=" + token).containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict").contains("Path=/");
    assertThat(cookie).as("no TLS here, so not Secure").doesNotContainIgnoringCase("Secure");

    assertThat(call(HttpMethod.GET, "/api/assemblies", "Bearer " + token, null).statusCode()).isEqualTo(200);
    assertThat(withCookie(HttpMethod.GET, "/api/assemblies", token, null, null).statusCode()).isEqualTo(200);
    JsonObject me = call(HttpMethod.GET, "/api/me", "Bearer " + token, null).bodyAsJsonObject();
    assertThat(me.getJsonObject("account").getString("username")).isEqualTo("ada");
    assertThat(me.getJsonObject("session").getString("via")).isEqualTo("password");

    HttpResponse<Buffer> out = call(HttpMethod.POST, "/api/logout", "Bearer " + token, null);
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.cookies()).anyMatch(c -> c.startsWith(StaffRoutes.COOKIE + "=;") && c.contains("Max-Age=0"));
    error(call(HttpMethod.GET, "/api/assemblies", "Bearer " + token, null), 401, "unauthorized");
    error(withCookie(HttpMethod.GET, "/api/assemblies", token, null, null), 401, "unauthorized");
  }

  @Test
  @DisplayName("A wrong password and an unknown user get the same 401, after the same work; a blank one is invalid")
  void wrongPasswordAndUnknownUser() {
    start();
    bootstrap();
    String admin = "Bearer " + login("ada", ADMIN_PASSWORD);
    created(call(HttpMethod.POST, "/api/staff", admin, new JsonObject().put("username", "bo")
        .put("roles", new JsonArray().add("facilitator")).put("password", LENE_PASSWORD).encode()));
    JsonObject wrong = error(login("bo", "not the password at all", 401), 401, "unauthorized");
    JsonObject unknown = error(login("nobody", "not the password at all", 401), 401, "unauthorized");
    assertThat(unknown.getString("message")).isEqualTo(wrong.getString("message"));
    error(call(HttpMethod.POST, "/api/login", null, new JsonObject().put("username", "ada").encode()), 400, "invalid");

    // Timed over real HTTP: an unknown username is hashed against a decoy, so it takes as long
    // as a wrong password of a real account (Argon2id takes tens of ms; a shortcut takes ~1).
    // Hashing gets faster as the JIT warms up: a few right logins first, then the two kinds by
    // turns, each first every other time. Four attempts stay under the per-account limit.
    for (int i = 0; i < 4; i++) {
      login("ada", ADMIN_PASSWORD);
    }
    List<Long> known = new ArrayList<>();
    List<Long> missing = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      int i = n;
      Runnable knownUser = () -> known.add(timed(() -> login("ada", "wrong password " + UUID.randomUUID(), 401)));
      Runnable unknownUser = () -> missing.add(timed(() -> login("ghost" + i, "wrong password " + UUID.randomUUID(), 401)));
      (i % 2 == 0 ? knownUser : unknownUser).run();
      (i % 2 == 0 ? unknownUser : knownUser).run();
    }
    long knownTotal = known.stream().mapToLong(Long::longValue).sum();
    long missingTotal = missing.stream().mapToLong(Long::longValue).sum();
    assertThat(missingTotal).as("unknown user %s ms against known user %s ms", missing, known)
        .isGreaterThanOrEqualTo(knownTotal / 2);
  }

  @Test
  @DisplayName("Five wrong passwords for one account, or twenty from one address, and logins there are refused with 429 rate_limited and Retry-After")
  void throttled() {
    start();
    bootstrap();
    for (int i = 0; i < 5; i++) {
      error(login("ada", "wrong password number " + i, 401), 401, "unauthorized");
    }
    HttpResponse<Buffer> refused = login("ada", ADMIN_PASSWORD, 429);
    error(refused, 429, "rate_limited");
    assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 15 * 60L);

    // The address: 15 more wrong passwords (20 in all from here), spread over usernames.
    for (int i = 0; i < 15; i++) {
      error(login("someone" + i, "wrong password number " + i, 401), 401, "unauthorized");
    }
    error(login("someone-else", "any password at all", 429), 429, "rate_limited");
  }

  @Test
  @DisplayName("A flood of logins at once: beyond 64 waiting for the two hashing threads they are refused with 429 at once, and the rest log in")
  void loginFlood() {
    start();
    bootstrap();
    String body = new JsonObject().put("username", "ada").put("password", ADMIN_PASSWORD).encode();
    // A hundred connections, all sending at once (a client's pool holds 5 by default).
    WebClient many = WebClient.create(clients, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(100));
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sent.add(many.request(HttpMethod.POST, "/api/login").putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer(body)));
    }
    await(Future.join(sent));
    many.close();
    List<Integer> statuses = sent.stream().map(f -> f.result().statusCode()).toList();
    assertThat(statuses).as("only 200 or 429").allMatch(s -> s == 200 || s == 429);
    assertThat(statuses.stream().filter(s -> s == 200).count()).as("logged in").isGreaterThanOrEqualTo(64);
    assertThat(statuses.stream().filter(s -> s == 429).count()).as("refused at once").isPositive();
    HttpResponse<Buffer> refused = sent.stream().map(Future::result).filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertThat(refused.bodyAsJsonObject().getString("message")).contains("too many logins at once");
    assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
    login("ada", ADMIN_PASSWORD);
  }

  @Test
  @DisplayName("A session ends when it expires")
  void expires() {
    start(Settings.forTest("staff-" + UUID.randomUUID()).withStaff(new StaffSettings(Duration.ofSeconds(2), null)));
    bootstrap();
    String token = login("ada", ADMIN_PASSWORD);
    assertThat(call(HttpMethod.GET, "/api/assemblies", "Bearer " + token, null).statusCode()).isEqualTo(200);
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
        .until(() -> call(HttpMethod.GET, "/api/assemblies", "Bearer " + token, null).statusCode() == 401);
    error(call(HttpMethod.GET, "/api/me", "Bearer " + token, null), 401, "unauthorized");
  }

  @Test
  @DisplayName("An administrator makes a facilitator's account, disables it (its sessions end at once, its logins are forbidden) and resets its password")
  void administratorManagesAccounts() {
    start();
    bootstrap();
    String admin = "Bearer " + login("ada", ADMIN_PASSWORD);
    JsonObject lene = created(call(HttpMethod.POST, "/api/staff", admin, new JsonObject().put("username", "lene")
        .put("displayName", "Lene").put("roles", new JsonArray().add("facilitator")).put("password", LENE_PASSWORD).encode()));
    assertThat(lene.getBoolean("disabled")).isFalse();
    assertThat(lene.getBoolean("password")).isTrue();
    error(call(HttpMethod.POST, "/api/staff", admin, new JsonObject().put("username", "lene")
        .put("roles", new JsonArray().add("facilitator")).put("password", LENE_PASSWORD).encode()), 409, "conflict");
    error(call(HttpMethod.POST, "/api/staff", admin, new JsonObject().put("username", "bo")
        .put("roles", new JsonArray().add("king")).put("password", LENE_PASSWORD).encode()), 400, "invalid");

    String first = "Bearer " + login("lene", LENE_PASSWORD);
    assertThat(call(HttpMethod.GET, "/api/me", first, null).statusCode()).isEqualTo(200);

    JsonObject disabled = ok(call(HttpMethod.PATCH, "/api/staff/lene", admin, new JsonObject().put("disabled", true).encode()))
        .bodyAsJsonObject();
    assertThat(disabled.getBoolean("disabled")).isTrue();
    error(call(HttpMethod.GET, "/api/me", first, null), 401, "unauthorized");
    error(login("lene", LENE_PASSWORD, 403), 403, "forbidden");

    ok(call(HttpMethod.PATCH, "/api/staff/lene", admin, new JsonObject().put("disabled", false).encode()));
    String second = "Bearer " + login("lene", LENE_PASSWORD);
    ok(call(HttpMethod.POST, "/api/staff/lene/password", admin, new JsonObject().put("password", "a fresh password for Lene").encode()));
    error(call(HttpMethod.GET, "/api/me", second, null), 401, "unauthorized");
    error(login("lene", LENE_PASSWORD, 401), 401, "unauthorized");
    login("lene", "a fresh password for Lene");

    JsonObject last = error(call(HttpMethod.PATCH, "/api/staff/ada", admin, new JsonObject().put("disabled", true).encode()),
        409, "conflict");
    assertThat(last.getString("message")).contains("last enabled administrator");
    error(call(HttpMethod.GET, "/api/staff/nobody", admin, null), 404, "not_found");
  }

  @Test
  @DisplayName("A facilitator reaches their own account and their console, and is forbidden the administrators' calls")
  void facilitatorPermissions() {
    start();
    bootstrap();
    Assembly assembly = oneTable();
    String table = assembly.sessions().get(0).tables().get(0).id();
    Member leneAtTable = await(node.roster().addMember(assembly.id(), "Lene", Role.FACILITATOR, null, table));
    Member lead = await(node.roster().addMember(assembly.id(), "Anne", Role.LEAD_FACILITATOR, null, null));
    String admin = "Bearer " + login("ada", ADMIN_PASSWORD);
    createLene(admin, assembly, leneAtTable, lead);

    String lene = "Bearer " + login("lene", LENE_PASSWORD);
    JsonObject me = ok(call(HttpMethod.GET, "/api/me", lene, null)).bodyAsJsonObject();
    JsonArray consoles = me.getJsonArray("consoles");
    assertThat(consoles).as("her table's console, not the lead's (she is no lead facilitator)").hasSize(1);
    assertThat(consoles.getJsonObject(0).getString("member")).isEqualTo(leneAtTable.id());
    assertThat(consoles.getJsonObject(0).getString("consoleUrl")).contains("/console.html#");

    String id = assembly.id();
    for (String path : List.of("/api/assemblies", "/api/assemblies/" + id, "/api/assemblies/" + id + "/members",
        "/api/assemblies/" + id + "/join-links", "/api/assemblies/" + id + "/report", "/api/assemblies/" + id + "/audit",
        "/api/staff", "/api/cluster")) {
      error(call(HttpMethod.GET, path, lene, null), 403, "forbidden");
    }
    error(call(HttpMethod.POST, "/api/assemblies", lene, new JsonObject().put("name", "Mine")
        .put("sessions", new JsonArray().add(new JsonObject().put("name", "D").put("tables", new JsonArray().add("T")))).encode()),
        403, "forbidden");
    error(call(HttpMethod.POST, "/api/staff", lene, new JsonObject().put("username", "mallory")
        .put("roles", new JsonArray().add("administrator")).put("password", LENE_PASSWORD).encode()), 403, "forbidden");
    error(call(HttpMethod.PATCH, "/api/staff/lene", lene, new JsonObject().put("roles", new JsonArray().add("administrator")).encode()),
        403, "forbidden");
    assertThat(ok(call(HttpMethod.GET, "/api/staff/lene", admin, null)).bodyAsJsonObject().getJsonArray("roles"))
        .containsExactly("facilitator");
    assertThat(await(node.roster().all())).hasSize(1);

    // Her own password she may change, knowing the current one.
    error(call(HttpMethod.POST, "/api/me/password", lene, new JsonObject().put("current", "a guess of the password")
        .put("password", "my new password, long").encode()), 403, "forbidden");
    ok(call(HttpMethod.POST, "/api/me/password", lene, new JsonObject().put("current", LENE_PASSWORD)
        .put("password", "my new password, long").encode()));
    login("lene", "my new password, long");
  }

  @Test
  @DisplayName("Disabling a facilitator's account ends the console she opened through it (4410) and the link it gave her; the new link reaches whoever is entitled")
  void disablingEndsTheConsole() {
    start();
    bootstrap();
    Assembly assembly = oneTable();
    String table = assembly.sessions().get(0).tables().get(0).id();
    Member leneAtTable = await(node.roster().addMember(assembly.id(), "Lene", Role.FACILITATOR, null, table));
    String admin = "Bearer " + login("ada", ADMIN_PASSWORD);
    createLene(admin, assembly, leneAtTable);
    String lene = "Bearer " + login("lene", LENE_PASSWORD);
    String consoleUrl = ok(call(HttpMethod.GET, "/api/me", lene, null)).bodyAsJsonObject().getJsonArray("consoles")
        .getJsonObject(0).getString("consoleUrl");
    String link = consoleUrl.substring(consoleUrl.indexOf('#') + 1);
    // The console exchanges the link for a session and connects with it, as console.html does.
    String session = ok(call(HttpMethod.POST, "/session", null, new JsonObject().put("link", link).encode()))
        .bodyAsJsonObject().getString("session");
    org.tingsted.server.TableClient console = org.tingsted.server.TableClient.join(clients, node.port(), session);

    ok(call(HttpMethod.PATCH, "/api/staff/lene", admin, new JsonObject().put("disabled", true).encode()));
    assertThat(console.awaitClosed()).isEqualTo((short) org.tingsted.protocol.Protocol.CLOSE_REVOKED);
    assertThat(call(HttpMethod.POST, "/session", null, new JsonObject().put("link", link).encode()).statusCode())
        .as("the link she was given leads nowhere").isEqualTo(401);
    error(login("lene", LENE_PASSWORD, 403), 403, "forbidden");
  }

  @Test
  @DisplayName("A change carried by the session cookie from another site's page is forbidden; from the server's own page it is done")
  void cookieNeedsOwnOrigin() {
    start();
    bootstrap();
    String token = login("ada", ADMIN_PASSWORD);
    String body = new JsonObject().put("name", "By cookie")
        .put("sessions", new JsonArray().add(new JsonObject().put("name", "D").put("tables", new JsonArray().add("T")))).encode();
    error(withCookie(HttpMethod.POST, "/api/assemblies", token, "https://evil.example", body), 403, "forbidden");
    assertThat(await(node.roster().all())).isEmpty();
    created(withCookie(HttpMethod.POST, "/api/assemblies", token, "http://127.0.0.1:" + node.port(), body));
    assertThat(await(node.roster().all())).hasSize(1);

    // Nor may another site's page log the browser in (into an account of the attacker's choosing).
    HttpResponse<Buffer> foreignLogin = await(http.request(HttpMethod.POST, "/api/login").putHeader("Origin", "https://evil.example")
        .putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer(new JsonObject().put("username", "ada").put("password", ADMIN_PASSWORD).encode())));
    error(foreignLogin, 403, "forbidden");
    assertThat(foreignLogin.cookies()).noneMatch(c -> c.startsWith(StaffRoutes.COOKIE + "="));
  }

  @Test
  @DisplayName("Behind a proxy that gives the server another Host, a login from the page at the public address is taken")
  void loginThroughAProxy() {
    start(Settings.forTest("staff-" + UUID.randomUUID()).withPublicUrl("https://tingsted.example.org"));
    bootstrap();
    HttpResponse<Buffer> proxied = await(http.request(HttpMethod.POST, "/api/login")
        .putHeader("Origin", "https://tingsted.example.org").putHeader("Host", "backend-1:8080")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(new JsonObject().put("username", "ada").put("password", ADMIN_PASSWORD).encode())));
    assertThat(proxied.statusCode()).as(proxied.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> foreign = await(http.request(HttpMethod.POST, "/api/login")
        .putHeader("Origin", "https://tingsted.example.org.evil.example").putHeader("Host", "backend-1:8080")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(new JsonObject().put("username", "ada").put("password", ADMIN_PASSWORD).encode())));
    error(foreign, 403, "forbidden");
  }

  @Test
  @DisplayName("Accounts are kept in the journal: after a restart the administrator logs in again, and the admin token stays retired")
  void accountsSurviveRestart() {
    Settings settings = Settings.forTest("staff-" + UUID.randomUUID());
    start(settings);
    bootstrap();
    String before = login("ada", ADMIN_PASSWORD);
    await(node.close());
    node = await(TingstedNode.start(settings.withCluster(org.tingsted.server.cluster.ClusterSettings.embedded("staff-" + UUID.randomUUID()))));
    http.close();
    http = WebClient.create(clients, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()));

    error(call(HttpMethod.GET, "/api/assemblies", "Bearer " + before, null), 401, "unauthorized");
    error(call(HttpMethod.POST, "/api/staff/bootstrap", "Bearer " + node.adminToken(), firstAdmin().put("username", "eve").encode()),
        409, "conflict");
    String after = login("ada", ADMIN_PASSWORD);
    assertThat(call(HttpMethod.GET, "/api/assemblies", "Bearer " + after, null).statusCode()).isEqualTo(200);
  }

  /** An assembly of one session day with one table. */
  private Assembly oneTable() {
    return await(node.roster().create("Staff test", "How?",
        List.of(new Roster.NewSession("Day 1", null, List.of("Table 1")))));
  }

  /** Makes Lene's facilitator account, linked to {@code people}. */
  private void createLene(String admin, Assembly assembly, Member... people) {
    var links = new JsonArray();
    for (Member person : people) {
      links.add(new JsonObject().put("assembly", assembly.id()).put("member", person.id()));
    }
    created(call(HttpMethod.POST, "/api/staff", admin, new JsonObject().put("username", "lene")
        .put("roles", new JsonArray().add("facilitator")).put("password", LENE_PASSWORD).put("people", links).encode()));
  }

  private static JsonObject firstAdmin() {
    return new JsonObject().put("username", "ada").put("displayName", "Ada").put("password", ADMIN_PASSWORD);
  }

  private void bootstrap() {
    created(call(HttpMethod.POST, "/api/staff/bootstrap", "Bearer " + node.adminToken(), firstAdmin().encode()));
  }

  private String login(String username, String password) {
    return login(username, password, 200).bodyAsJsonObject().getString("token");
  }

  private HttpResponse<Buffer> login(String username, String password, int status) {
    HttpResponse<Buffer> response = call(HttpMethod.POST, "/api/login", null,
        new JsonObject().put("username", username).put("password", password).encode());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response;
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path, String authorization, String body) {
    HttpRequest<Buffer> request = http.request(method, path);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    if (body == null) {
      return await(request.send());
    }
    return await(request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
  }

  private HttpResponse<Buffer> withCookie(HttpMethod method, String path, String token, String origin, String body) {
    HttpRequest<Buffer> request = http.request(method, path).putHeader("Cookie", StaffRoutes.COOKIE + "=" + token);
    if (origin != null) {
      request.putHeader("Origin", origin);
    }
    if (body == null) {
      return await(request.send());
    }
    return await(request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
  }

  private static long timed(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static HttpResponse<Buffer> ok(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response;
  }

  private static JsonObject created(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static JsonObject error(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    return error;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
