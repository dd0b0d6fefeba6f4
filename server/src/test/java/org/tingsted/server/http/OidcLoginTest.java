package org.tingsted.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.Settings;
import org.tingsted.server.TingstedNode;
import org.tingsted.server.staff.Staff;
import org.tingsted.server.staff.StaffAccount;
import org.tingsted.server.staff.StaffRole;
import org.tingsted.server.staff.StaffSettings;

/**
 * Logging in through OpenID Connect against a real provider started in the test
 * (no.nav.security's mock-oauth2-server, a complete OIDC server: discovery, keys, authorize and
 * token endpoints, signed ID tokens, PKCE), driven over real HTTP by a Vert.x WebClient that
 * follows the redirects and keeps cookies as a browser does.
 */
@DisplayName("Staff login through OpenID Connect")
class OidcLoginTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ISSUER_ID = "kommune";
  private static final String CLIENT_ID = "tingsted";

  private MockOAuth2Server provider;
  private TingstedNode node;
  private Vertx clients;
  private WebClient web;

  @BeforeEach
  void start() {
    provider = new MockOAuth2Server();
    provider.start(0);
    var oidc = new StaffSettings.Oidc(provider.issuerUrl(ISSUER_ID).toString(), CLIENT_ID, "the client's secret", null,
        null, "groups", StaffSettings.Oidc.parseRoleValues("administrator=tingsted-admins,facilitator=tingsted-facilitators"));
    node = await(TingstedNode.start(Settings.forTest("oidc-" + UUID.randomUUID())
        .withStaff(StaffSettings.defaults().withOidc(oidc))));
    clients = Vertx.vertx();
    web = WebClient.create(clients, new WebClientOptions().setFollowRedirects(true));
  }

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
    if (clients != null) {
      await(clients.close());
    }
    if (node != null) {
      await(node.close());
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  @Test
  @DisplayName("The provider vouches for an administrator: the browser ends at the cards with a staff session that the admin API takes")
  void administratorLogsIn() {
    provider.enqueueCallback(person("kommune-sub-ada", "ada@kk.dk", "Ada Lovelace", List.of("tingsted-admins", "all-staff")));
    WebClientSession browser = WebClientSession.create(web);

    HttpResponse<Buffer> end = loginAtProvider(browser);

    assertThat(end.followedRedirects()).as("our login, the provider's authorize, our callback, the page")
        .anyMatch(url -> url.contains("/" + ISSUER_ID + "/authorize"))
        .anyMatch(url -> url.contains("/auth/oidc/callback?"));
    assertThat(end.followedRedirects().get(end.followedRedirects().size() - 1)).endsWith("/cards.html");
    JsonObject me = await(browser.get(node.port(), "127.0.0.1", "/api/me").send()).bodyAsJsonObject();
    assertThat(me.getJsonObject("account").getString("username")).isEqualTo("ada@kk.dk");
    assertThat(me.getJsonObject("account").getString("displayName")).isEqualTo("Ada Lovelace");
    assertThat(me.getJsonObject("account").getJsonArray("roles")).containsExactly("administrator");
    assertThat(me.getJsonObject("account").getBoolean("password")).isFalse();
    assertThat(me.getJsonObject("account").getBoolean("oidc")).isTrue();
    assertThat(me.getJsonObject("session").getString("via")).isEqualTo("oidc");
    assertThat(await(browser.get(node.port(), "127.0.0.1", "/api/assemblies").send()).statusCode()).isEqualTo(200);

    // PKCE: the token request carried a verifier, which the provider checks against the challenge
    // (it refuses one that does not compute to it), and the client's secret.
    String tokenRequest = null;
    for (int i = 0; i < 10 && tokenRequest == null; i++) {
      var recorded = provider.takeRequest(5, TimeUnit.SECONDS);
      if (recorded != null && recorded.getPath() != null && recorded.getPath().endsWith("/" + ISSUER_ID + "/token")) {
        tokenRequest = recorded.getBody().readUtf8();
      }
    }
    assertThat(tokenRequest).contains("grant_type=authorization_code").contains("code_verifier=");
    // The login is a staff action in the audit log, under the account it logged into.
    String log = await(browser.get(node.port(), "127.0.0.1", "/api/audit-log").send()).bodyAsString();
    assertThat(log.lines().map(JsonObject::new)).anyMatch(e -> "ada@kk.dk".equals(e.getString("actor"))
        && "GET /auth/oidc/callback".equals(e.getString("action")) && "303".equals(e.getString("outcome")));
    StaffAccount kept = await(node.staff().require("ada@kk.dk"));
    assertThat(kept.oidcSubject()).endsWith(" kommune-sub-ada").startsWith(provider.issuerUrl(ISSUER_ID).toString());
    assertThat(kept.passwordHash()).isNull();
  }

  @Test
  @DisplayName("A facilitator from the provider reaches their own account and is forbidden the administrators' calls")
  void facilitatorLogsIn() {
    provider.enqueueCallback(person("kommune-sub-lene", "lene", "Lene", List.of("tingsted-facilitators")));
    WebClientSession browser = WebClientSession.create(web);

    HttpResponse<Buffer> end = loginAtProvider(browser);

    assertThat(end.followedRedirects().get(end.followedRedirects().size() - 1)).endsWith("/staff.html");
    JsonObject me = await(browser.get(node.port(), "127.0.0.1", "/api/me").send()).bodyAsJsonObject();
    assertThat(me.getJsonObject("account").getJsonArray("roles")).containsExactly("facilitator");
    HttpResponse<Buffer> refused = await(browser.get(node.port(), "127.0.0.1", "/api/assemblies").send());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("forbidden");
  }

  @Test
  @DisplayName("Someone the provider gives no Tingsted role is sent back to the login page with a reason, and gets no session or account")
  void noRole() {
    provider.enqueueCallback(person("kommune-sub-eve", "eve", "Eve", List.of("all-staff")));
    WebClientSession browser = WebClientSession.create(web);

    HttpResponse<Buffer> end = loginAtProvider(browser);

    assertThat(end.followedRedirects().get(end.followedRedirects().size() - 1)).endsWith("/staff.html?oidc=forbidden");
    assertThat(await(browser.get(node.port(), "127.0.0.1", "/api/me").send()).statusCode()).isEqualTo(401);
    assertThat(await(node.staff().all())).isEmpty();
  }

  @Test
  @DisplayName("The last administrator keeps the role when the provider's token lacks the groups or no longer names it: the login is refused, the account unchanged")
  void lastAdministratorIsNotStrippedByTheProvider() {
    provider.enqueueCallback(person("kommune-sub-ada", "ada", "Ada", List.of("tingsted-admins")));
    WebClientSession first = WebClientSession.create(web);
    assertThat(loginAtProvider(first).followedRedirects()).last().asString().endsWith("/cards.html");

    // A token without the groups (some providers leave out a long list), then one with another role only.
    provider.enqueueCallback(person("kommune-sub-ada", "ada", "Ada", List.of()));
    assertThat(loginAtProvider(WebClientSession.create(web)).followedRedirects()).last().asString()
        .endsWith("/staff.html?oidc=forbidden");
    provider.enqueueCallback(person("kommune-sub-ada", "ada", "Ada", List.of("tingsted-facilitators")));
    assertThat(loginAtProvider(WebClientSession.create(web)).followedRedirects()).last().asString()
        .contains("/staff.html?oidc=");
    StaffAccount kept = await(node.staff().require("ada"));
    assertThat(kept.roles()).containsExactly(org.tingsted.server.staff.StaffRole.ADMINISTRATOR);
  }

  @Test
  @DisplayName("An account that logs in with a password here cannot be taken over through the provider")
  void passwordAccountIsNotTakenOver() {
    await(node.staff().create(new Staff.NewAccount("ada@kk.dk", "Ada", java.util.Set.of(StaffRole.ADMINISTRATOR),
        "Ada's local password, long", null)));
    provider.enqueueCallback(person("someone-else", "ada@kk.dk", "Not Ada", List.of("tingsted-admins")));
    WebClientSession browser = WebClientSession.create(web);

    HttpResponse<Buffer> end = loginAtProvider(browser);

    assertThat(end.followedRedirects().get(end.followedRedirects().size() - 1)).endsWith("/staff.html?oidc=forbidden");
    assertThat(await(browser.get(node.port(), "127.0.0.1", "/api/me").send()).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("A callback with a state this browser did not begin, or a callback replayed, gives no session")
  void stateIsBoundAndUsedOnce() {
    // A code and state from someone else's login, brought to a browser that began none.
    HttpResponse<Buffer> forged = await(WebClientSession.create(web)
        .get(node.port(), "127.0.0.1", "/auth/oidc/callback?code=stolen&state=made-up").send());
    assertThat(forged.followedRedirects().get(forged.followedRedirects().size() - 1)).endsWith("/staff.html?oidc=state");

    // A real login, stopped at the callback, which is then sent twice.
    provider.enqueueCallback(person("kommune-sub-ada", "ada", "Ada", List.of("tingsted-admins")));
    WebClientSession browser = WebClientSession.create(WebClient.create(clients, new WebClientOptions().setFollowRedirects(false)));
    HttpResponse<Buffer> toProvider = await(browser.get(node.port(), "127.0.0.1", "/auth/oidc/login").send());
    assertThat(toProvider.statusCode()).isEqualTo(302);
    String authorize = toProvider.getHeader("Location");
    assertThat(authorize).contains("code_challenge_method=S256").contains("code_challenge=").contains("nonce=")
        .contains("state=").contains("scope=openid");
    HttpResponse<Buffer> back = await(browser.getAbs(authorize).send());
    assertThat(back.statusCode()).isEqualTo(302);
    String callback = back.getHeader("Location");
    HttpResponse<Buffer> first = await(browser.getAbs(callback).send());
    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.getHeader("Location")).isEqualTo("/cards.html");
    assertThat(first.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(first.cookies()).anyMatch(c -> c.startsWith(StaffRoutes.COOKIE + "=") && c.contains("SameSite=Strict"));

    WebClientSession replay = WebClientSession.create(WebClient.create(clients, new WebClientOptions().setFollowRedirects(false)));
    String stateCookie = toProvider.cookies().stream().filter(c -> c.startsWith(OidcRoutes.STATE_COOKIE + "=")).findFirst()
        .orElseThrow().split(";")[0];
    HttpResponse<Buffer> again = await(replay.getAbs(callback).putHeader("Cookie", stateCookie).send());
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(again.getHeader("Location")).isEqualTo("/staff.html?oidc=state");
    assertThat(again.cookies()).noneMatch(c -> c.startsWith(StaffRoutes.COOKIE + "=") && !c.contains("Max-Age=0"));
  }

  private HttpResponse<Buffer> loginAtProvider(WebClientSession browser) {
    return await(browser.get(node.port(), "127.0.0.1", "/auth/oidc/login").send());
  }

  private static DefaultOAuth2TokenCallback person(String subject, String username, String name, List<String> groups) {
    return new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID),
        Map.of("preferred_username", username, "name", name, "groups", groups), 3600);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
