package org.tingsted.server.http;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.staff.Staff;
import org.tingsted.server.staff.StaffException;
import org.tingsted.server.staff.StaffRole;
import org.tingsted.server.staff.StaffSettings;

/**
 * Staff login at the municipality's OpenID Connect provider, by the authorization code flow
 * with PKCE (S256), state and nonce: {@code GET /auth/oidc/login} sends the browser to the
 * provider, and {@code GET /auth/oidc/callback} takes the code back, exchanges it (with the
 * client secret and the PKCE verifier) for an ID token that vertx-auth-oauth2 checks (signature
 * by the provider's published keys, issuer, audience, expiry), checks the nonce, and begins
 * the same staff session as a password login.
 *
 * <p>The state is kept in Hazelcast for {@value #PENDING_MINUTES} minutes (the callback may reach
 * another node) and is bound to the browser that began the login by a cookie, so that nobody
 * can make someone else's browser finish a login of theirs.
 */
final class OidcRoutes {

  static final int PENDING_MINUTES = 10;
  static final String STATE_COOKIE = "tingsted_oidc";
  private static final String PENDING = HazelcastSetup.SHARED_EVERYWHERE.replace("*", "oidc-logins");
  private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final StaffSettings.Oidc settings;
  private final Staff staff;
  private final StaffRoutes login;
  private final IMap<String, String> pending;
  private final Supplier<String> baseUrl;
  private Future<OAuth2Auth> provider;

  OidcRoutes(Vertx vertx, HazelcastInstance hazelcast, StaffSettings.Oidc settings, Staff staff, StaffRoutes login,
             Supplier<String> baseUrl, java.util.function.Consumer<RoutingContext> audited) {
    this.audited = audited;
    this.vertx = vertx;
    this.settings = settings;
    this.staff = staff;
    this.login = login;
    this.pending = hazelcast.getMap(PENDING);
    this.baseUrl = baseUrl;
  }

  void mount(Router router) {
    router.get("/auth/oidc/login").handler(this::begin);
    router.get("/auth/oidc/callback").handler(this::callback);
  }

  /** The provider, discovered on first use and kept; a failed discovery is tried again at the next login. */
  private synchronized Future<OAuth2Auth> provider() {
    if (provider == null || provider.failed()) {
      var options = new OAuth2Options().setSite(settings.issuer()).setClientId(settings.clientId());
      if (settings.clientSecret() != null) {
        options.setClientSecret(settings.clientSecret());
      }
      provider = OpenIDConnectAuth.discover(vertx, options)
          .onFailure(e -> LOG.warn("OpenID Connect discovery at {} failed: {}", settings.issuer(), e.getMessage()));
    }
    return provider;
  }

  private String redirectUrl() {
    return settings.redirectUrl() != null ? settings.redirectUrl() : baseUrl.get() + "/auth/oidc/callback";
  }

  /**
   * Logins this node may begin in {@link #PENDING_MINUTES}: each keeps a state in Hazelcast
   * until it ends or expires, so that anonymous requests cannot fill the cluster's memory.
   */
  static final int BEGUN_PER_NODE = 2_000;
  private long windowStart;
  private int begun;

  private boolean mayBegin() {
    long now = System.currentTimeMillis();
    if (now - windowStart >= PENDING_MINUTES * 60_000L) {
      windowStart = now;
      begun = 0;
    }
    return ++begun <= BEGUN_PER_NODE;
  }

  private void begin(RoutingContext ctx) {
    if (!mayBegin()) {
      ctx.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(PENDING_MINUTES * 60))
          .putHeader("Cache-Control", "no-store").end();
      return;
    }
    provider().onComplete(found -> {
      if (found.failed()) {
        fail(ctx, "provider");
        return;
      }
      String state = random();
      String nonce = random();
      String verifier = random();
      String url = found.result().authorizeURL(new OAuth2AuthorizationURL()
          .setRedirectUri(redirectUrl())
          .setScopes(List.of("openid", "profile", "email"))
          .setState(state)
          .setCodeChallenge(challengeOf(verifier))
          .setCodeChallengeMethod("S256")
          .putAdditionalParameter("nonce", nonce));
      Future.fromCompletionStage(pending.setAsync(state, nonce + " " + verifier, PENDING_MINUTES, TimeUnit.MINUTES),
              vertx.getOrCreateContext())
          .onFailure(e -> fail(ctx, "provider"))
          .onSuccess(v -> {
            // Lax, not Strict: the provider's redirect back is a navigation from another site.
            ctx.response().addCookie(Cookie.cookie(STATE_COOKIE, state).setPath("/auth/oidc/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setSecure(ctx.request().isSSL() || baseUrl.get().startsWith("https:"))
                .setMaxAge(PENDING_MINUTES * 60L));
            ctx.response().setStatusCode(302).putHeader("Location", url).putHeader("Cache-Control", "no-store").end();
          });
    });
  }

  /** Records a callback in the audit log once it is answered: a login is a staff action. */
  private final java.util.function.Consumer<RoutingContext> audited;

  private void callback(RoutingContext ctx) {
    audited.accept(ctx);
    String state = ctx.queryParams().get("state");
    String code = ctx.queryParams().get("code");
    Cookie bound = ctx.request().getCookie(STATE_COOKIE);
    if (ctx.queryParams().get("error") != null) {
      fail(ctx, "denied");
      return;
    }
    if (state == null || code == null || bound == null || !MessageDigest.isEqual(
        state.getBytes(StandardCharsets.UTF_8), bound.getValue().getBytes(StandardCharsets.UTF_8))) {
      fail(ctx, "state");
      return;
    }
    // The state is used once: removed as it is read.
    Future.fromCompletionStage(pending.removeAsync(state), vertx.getOrCreateContext()).compose(kept -> {
      if (kept == null) {
        return Future.failedFuture(new StaffException(org.tingsted.protocol.ErrorCode.UNAUTHORIZED, "state"));
      }
      String[] parts = kept.split(" ", 2);
      String nonce = parts[0];
      String verifier = parts[1];
      return provider().compose(oauth -> oauth.authenticate(new Oauth2Credentials()
              .setFlow(OAuth2FlowType.AUTH_CODE)
              .setCode(code)
              .setRedirectUri(redirectUrl())
              .setCodeVerifier(verifier)))
          .recover(e -> {
            LOG.warn("the OpenID Connect provider did not give a valid ID token: {}", e.getMessage());
            return Future.failedFuture(new StaffException(org.tingsted.protocol.ErrorCode.UNAUTHORIZED, "provider"));
          })
          .compose(user -> signIn(user, nonce));
    }).onComplete(done -> {
      ctx.response().addCookie(Cookie.cookie(STATE_COOKIE, "").setPath("/auth/oidc/").setHttpOnly(true).setMaxAge(0));
      if (done.succeeded()) {
        ctx.put(AdminApi.ACTOR, done.result().account().username());
        login.setCookie(ctx, done.result().token(), done.result().session().expiresAt());
        boolean admin = done.result().account().roles().contains(StaffRole.ADMINISTRATOR);
        ctx.response().setStatusCode(303).putHeader("Location", admin ? "/cards.html" : "/staff.html")
            .putHeader("Cache-Control", "no-store").end();
      } else if (done.cause() instanceof StaffException e) {
        fail(ctx, e.code() == org.tingsted.protocol.ErrorCode.FORBIDDEN ? "forbidden" : e.getMessage());
      } else {
        LOG.error("an OpenID Connect login failed", done.cause());
        fail(ctx, "provider");
      }
    });
  }

  private Future<Staff.Login> signIn(User user, String nonce) {
    JsonObject id = user.attributes().getJsonObject("idToken");
    if (id == null) {
      return Future.failedFuture(new StaffException(org.tingsted.protocol.ErrorCode.UNAUTHORIZED, "provider"));
    }
    if (!nonce.equals(id.getString("nonce"))) {
      LOG.warn("an OpenID Connect ID token carried another nonce than its login's");
      return Future.failedFuture(new StaffException(org.tingsted.protocol.ErrorCode.UNAUTHORIZED, "state"));
    }
    Object named = id.getValue(settings.usernameClaim());
    if (!(named instanceof String username) || username.isBlank()) {
      LOG.warn("the OpenID Connect ID token has no claim {} to name the account", settings.usernameClaim());
      return Future.failedFuture(new StaffException(org.tingsted.protocol.ErrorCode.FORBIDDEN, "forbidden"));
    }
    Set<StaffRole> roles = null;
    if (settings.rolesClaim() != null) {
      roles = new LinkedHashSet<>();
      Object claim = id.getValue(settings.rolesClaim());
      List<?> values = claim instanceof JsonArray array ? array.getList() : claim == null ? List.of() : List.of(claim);
      for (Object value : values) {
        StaffRole role = value == null ? null : settings.roleValues().get(value.toString());
        if (role != null) {
          roles.add(role);
        }
      }
    }
    String subject = id.getString("iss") + " " + id.getString("sub");
    return staff.oidcLogin(username, id.getString("name"), subject, roles);
  }

  /** Back to the login page, which says what went wrong in the person's language. */
  private static void fail(RoutingContext ctx, String reason) {
    String word = switch (reason) {
      case "denied", "state", "forbidden", "provider" -> reason;
      default -> "provider";
    };
    ctx.put(AdminApi.ERROR_CODE, word);
    ctx.response().setStatusCode(303)
        .putHeader("Location", "/staff.html?oidc=" + URLEncoder.encode(word, StandardCharsets.UTF_8))
        .putHeader("Cache-Control", "no-store").end();
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challengeOf(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
