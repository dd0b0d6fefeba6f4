package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.error;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.Reply;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.gateway.Gateway;
import org.tingsted.server.roster.Credentials;
import org.tingsted.server.roster.KeyRing;
import org.tingsted.server.roster.Member;

/**
 * Credentials against a real node, over real HTTP and WebSockets: the exchange of a link for a
 * session, every refusal of hello and of the exchange, and reissuing a lost card's link.
 */
@DisplayName("Credentials on a live node")
class LiveCredentialsTest {

  private static LiveAssembly live;
  private static WebClient http;

  @BeforeAll
  static void start() {
    live = LiveAssembly.start(2, 3);
    http = WebClient.create(live.clients, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(live.node.port()));
  }

  @AfterAll
  static void stop() throws Exception {
    live.close();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the call did not complete", e);
    }
  }

  static HttpResponse<Buffer> call(WebClient http, String path, String authorization, String body) {
    HttpRequest<Buffer> request = http.request(HttpMethod.POST, path);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return await(request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body == null ? "" : body)));
  }

  static HttpResponse<Buffer> exchange(WebClient http, String link) {
    return call(http, "/session", null, new JsonObject().put("link", link).encode());
  }

  /** The session credential the node gives for {@code link}. */
  static String sessionFor(WebClient http, String link) {
    HttpResponse<Buffer> r = exchange(http, link);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getString("session");
  }

  /** Says hello with {@code credential}; asserts it is refused unauthorized and closed with {@code close}. */
  private static Reply.Error refusedHello(String credential, int close) {
    TableClient c = TableClient.open(live.clients, live.node.port());
    String id = TableClient.id();
    c.send(new ConnectionCommand.Hello(id, credential, Device.ROOM, null));
    Reply.Error refused = error(c.reply(id));
    assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(c.awaitClosed()).isEqualTo((short) close);
    assertThat(refused.message()).doesNotContain(credential.isBlank() ? "\u0000" : credential);
    return refused;
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("A join link is exchanged for a session credential over POST /session (not cached), which hello takes and welcomes by name")
  void exchangeThenHello() {
    Member sofie = live.members.get(0).get(0);
    HttpResponse<Buffer> r = exchange(http, live.link(sofie));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("member")).isEqualTo(sofie.id());
    assertThat(body.getString("assembly")).isEqualTo(live.assembly.id());
    assertThat(body.getString("role")).isEqualTo("member");
    long lifetime = body.getLong("expires") - System.currentTimeMillis();
    assertThat(lifetime).isBetween(Duration.ofHours(18).minusMinutes(1).toMillis(), Duration.ofHours(18).toMillis());
    String session = body.getString("session");
    assertThat(session).startsWith("v1.").isNotEqualTo(live.link(sofie));
    try (TableClient c = TableClient.join(live.clients, live.node.port(), session)) {
      assertThat(c.welcome().member().name()).isEqualTo(sofie.name());
    }
    assertThat(sessionFor(http, live.link(sofie))).as("every exchange a session of its own").isNotEqualTo(session);
  }

  @Test
  @DisplayName("hello refuses a missing, empty, tampered, non-canonical, unknown-key, foreign, link-kind or other-assembly credential with unauthorized and 4401")
  void helloRefusals() {
    Member sofie = live.members.get(0).get(0);
    String session = sessionFor(http, live.link(sofie));
    String[] p = session.split("\\.");
    KeyRing ring = live.node.links().credentials().ring();

    Reply.Error missing = refusedHello("", Protocol.CLOSE_UNAUTHORIZED);
    assertThat(missing.message()).contains("no session credential");
    TableClient none = TableClient.open(live.clients, live.node.port());
    none.sendRaw("{\"type\":\"hello\",\"id\":\"h0\"}");
    assertThat(error(none.reply("h0")).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(none.awaitClosed()).isEqualTo((short) Protocol.CLOSE_UNAUTHORIZED);

    // Tampered: another member's name in the payload, under Sofie's signature.
    String other = live.members.get(0).get(1).id();
    String payload = new String(Base64.getUrlDecoder().decode(p[2]), StandardCharsets.UTF_8).replace(sofie.id(), other);
    refusedHello(p[0] + "." + p[1] + "." + b64(payload) + "." + p[3], Protocol.CLOSE_UNAUTHORIZED);
    // Tampered: a lead facilitator's role.
    refusedHello(p[0] + "." + p[1] + "." + b64(payload.replace(".member.", ".lead_facilitator.")) + "." + p[3],
        Protocol.CLOSE_UNAUTHORIZED);
    // Non-canonical: the same signature bytes spelt with other unused bits in its last character.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char last = p[3].charAt(p[3].length() - 1);
    String respelt = p[3].substring(0, p[3].length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
    assertThat(Base64.getUrlDecoder().decode(respelt)).isEqualTo(Base64.getUrlDecoder().decode(p[3]));
    assertThat(refusedHello(p[0] + "." + p[1] + "." + p[2] + "." + respelt, Protocol.CLOSE_UNAUTHORIZED).message())
        .contains("non_canonical");
    refusedHello(p[0] + "." + p[1] + "." + p[2] + "=." + p[3], Protocol.CLOSE_UNAUTHORIZED);
    // A key id this node does not hold, and a node with another secret under the same key id.
    var elsewhere = new Credentials(new KeyRing(Map.of("k9", "a key this node never had".getBytes(StandardCharsets.UTF_8)), "k9"),
        Clock.systemUTC());
    assertThat(refusedHello(elsewhere.session(live.assembly.id(), sofie).credential(), Protocol.CLOSE_UNAUTHORIZED).message())
        .contains("unknown_key");
    var foreign = new Credentials(KeyRing.single("another server's secret entirely".getBytes(StandardCharsets.UTF_8)),
        Clock.systemUTC());
    assertThat(refusedHello(foreign.session(live.assembly.id(), sofie).credential(), Protocol.CLOSE_UNAUTHORIZED).message())
        .contains("tampered");
    // Wrong audience: the link itself, and a properly signed session of an assembly this node does not have.
    assertThat(refusedHello(live.link(sofie), Protocol.CLOSE_UNAUTHORIZED).message()).contains("POST /session");
    var own = new Credentials(ring, Clock.systemUTC());
    refusedHello(own.session("anowhere", sofie).credential(), Protocol.CLOSE_UNAUTHORIZED);
    refusedHello(own.session(live.assembly.id(), new Member("mnobody", "Nobody", Role.MEMBER, live.session.id(), live.table(0)))
        .credential(), Protocol.CLOSE_UNAUTHORIZED);

    live.join(sofie).close();
  }

  @Test
  @DisplayName("hello refuses an expired session credential with unauthorized and 4440")
  void expired() {
    Member sofie = live.members.get(1).get(0);
    Clock yesterday = Clock.fixed(Instant.now().minus(Credentials.SESSION_LIFETIME).minusSeconds(1), ZoneOffset.UTC);
    String stale = new Credentials(live.node.links().credentials().ring(), yesterday).session(live.assembly.id(), sofie).credential();
    assertThat(refusedHello(stale, Protocol.CLOSE_EXPIRED).message()).contains("expired");
    Clock almost = Clock.fixed(Instant.now().minus(Credentials.SESSION_LIFETIME).plusSeconds(60), ZoneOffset.UTC);
    String fresh = new Credentials(live.node.links().credentials().ring(), almost).session(live.assembly.id(), sofie).credential();
    TableClient.join(live.clients, live.node.port(), fresh).close();
  }

  @Test
  @DisplayName("POST /session refuses a missing, empty, session-kind, tampered or malformed credential with 401 and its reason, and a body that is no JSON with 400")
  void exchangeRefusals() {
    Member sofie = live.members.get(0).get(2);
    String session = sessionFor(http, live.link(sofie));
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{}", "missing");
    cases.put("{\"link\":\"\"}", "missing");
    cases.put(new JsonObject().put("link", session).encode(), "wrong_kind");
    String link = live.link(sofie);
    cases.put(new JsonObject().put("link", link.substring(0, link.length() - 2) + "AA").encode(), "tampered");
    cases.put(new JsonObject().put("link", "v1.0.nonsense").encode(), "malformed");
    cases.forEach((body, reason) -> {
      HttpResponse<Buffer> r = call(http, "/session", null, body);
      assertThat(r.statusCode()).as(body).isEqualTo(401);
      assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
      assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("unauthorized");
      assertThat(r.bodyAsJsonObject().getString("reason")).as(body).isEqualTo(reason);
    });
    HttpResponse<Buffer> notJson = call(http, "/session", null, "link=" + link);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.bodyAsJsonObject().getString("code")).isEqualTo("invalid");
  }

  @Test
  @DisplayName("The admin reissues a lost card: the member's open connection is closed with 4410; the old link, its code and the old session stop working; the new ones work")
  void adminReissue() {
    Member bo = live.members.get(1).get(1);
    String oldLink = live.link(bo);
    String oldCode = live.node.links().codes().of(live.assembly.id(), bo);
    String oldSession = sessionFor(http, oldLink);
    TableClient open = TableClient.join(live.clients, live.node.port(), oldSession);

    HttpResponse<Buffer> r = call(http, "/api/assemblies/" + live.assembly.id() + "/members/" + bo.id() + "/reissue",
        AdminLogin.bearer(live.node), null);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject fresh = r.bodyAsJsonObject();
    assertThat(fresh.getString("token")).isNotEqualTo(oldLink);
    assertThat(fresh.getString("code")).isNotEqualTo(oldCode);
    assertThat(fresh.getString("url")).endsWith("/join#" + fresh.getString("token"));

    assertThat(open.awaitClosed()).isEqualTo((short) Protocol.CLOSE_REVOKED);
    assertThat(refusedHello(oldSession, Protocol.CLOSE_REVOKED).message()).contains("no longer works");
    HttpResponse<Buffer> oldExchange = exchange(http, oldLink);
    assertThat(oldExchange.statusCode()).isEqualTo(401);
    assertThat(oldExchange.bodyAsJsonObject().getString("reason")).isEqualTo("revoked");
    HttpResponse<Buffer> byOldCode = await(http.get("/j/" + oldCode).putHeader("Accept", "application/json").send());
    assertThat(byOldCode.statusCode()).isEqualTo(404);
    HttpResponse<Buffer> byNewCode = await(http.get("/j/" + fresh.getString("code")).putHeader("Accept", "application/json").send());
    assertThat(byNewCode.statusCode()).isEqualTo(200);
    assertThat(byNewCode.bodyAsJsonObject().getString("url")).isEqualTo("/join#" + fresh.getString("token"));

    // Whoever still holds the lost card's session tries it over and over: refused each time, and
    // the person with the new link still gets in (the joins are counted per generation).
    for (int i = 0; i < Gateway.JOINS_PER_MINUTE + 5; i++) {
      TableClient c = TableClient.open(live.clients, live.node.port());
      String id = TableClient.id();
      c.send(new ConnectionCommand.Hello(id, oldSession, Device.ROOM, null));
      // Revoked (4410) at first; once the old generation's joins of the minute are used up, too many (4429).
      assertThat(error(c.reply(id)).code()).isIn(ErrorCode.UNAUTHORIZED, ErrorCode.RATE_LIMITED);
      assertThat(c.awaitClosed()).isIn((short) Protocol.CLOSE_REVOKED, (short) Protocol.CLOSE_TOO_MANY);
    }
    try (TableClient again = TableClient.join(live.clients, live.node.port(), sessionFor(http, fresh.getString("token")))) {
      assertThat(again.welcome().member().id()).isEqualTo(bo.id());
    }
    HttpResponse<Buffer> unknown = call(http, "/api/assemblies/" + live.assembly.id() + "/members/mnobody/reissue",
        AdminLogin.bearer(live.node), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<Buffer> noAdmin = call(http, "/api/assemblies/" + live.assembly.id() + "/members/" + bo.id() + "/reissue",
        "Bearer " + oldSession, null);
    assertThat(noAdmin.statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("The lead facilitator reissues a member's link from the console with their session credential; a member, a revoked lead or no credential may not")
  void leadReissue() {
    Member maja = live.members.get(0).get(1);
    String leadSession = sessionFor(http, live.link(live.lead));
    String majaSession = sessionFor(http, live.link(maja));
    TableClient open = TableClient.join(live.clients, live.node.port(), majaSession);
    String path = "/console/members/" + maja.id() + "/reissue";

    assertThat(call(http, path, null, null).statusCode()).isEqualTo(401);
    assertThat(call(http, path, "Bearer " + live.link(live.lead), null).bodyAsJsonObject().getString("reason"))
        .isEqualTo("wrong_kind");
    HttpResponse<Buffer> byMember = call(http, "/console/members/" + live.members.get(0).get(0).id() + "/reissue",
        "Bearer " + majaSession, null);
    assertThat(byMember.statusCode()).isEqualTo(403);
    assertThat(call(http, "/console/members/" + live.lead.id() + "/reissue", "Bearer " + leadSession, null).statusCode())
        .as("not their own").isEqualTo(403);
    assertThat(open.isClosed()).isFalse();

    HttpResponse<Buffer> r = call(http, path, "Bearer " + leadSession, null);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject fresh = r.bodyAsJsonObject();
    assertThat(fresh.getString("name")).isEqualTo(maja.name());
    assertThat(fresh.getString("code")).matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
    assertThat(open.awaitClosed()).isEqualTo((short) Protocol.CLOSE_REVOKED);
    refusedHello(majaSession, Protocol.CLOSE_REVOKED);
    TableClient.join(live.clients, live.node.port(), sessionFor(http, fresh.getString("token"))).close();

    // Staff actions in the audit log: the lead's reissue, and the member's refused try, each with its actor.
    String log = await(http.get("/api/audit-log?assembly=" + live.assembly.id())
        .putHeader("Authorization", AdminLogin.bearer(live.node)).send()).bodyAsString();
    var entries = log.lines().filter(l -> !l.isBlank()).map(JsonObject::new).toList();
    assertThat(entries).anyMatch(e -> live.lead.id().equals(e.getString("actor"))
        && ("POST " + path).equals(e.getString("action")) && e.getString("outcome").startsWith("200"));
    assertThat(entries).anyMatch(e -> maja.id().equals(e.getString("actor"))
        && e.getString("action").endsWith("/reissue") && e.getString("outcome").startsWith("403"));
  }
}
