package org.tingsted.server.http;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.server.staff.PersonLink;
import org.tingsted.server.staff.Staff;
import org.tingsted.server.staff.StaffAccount;
import org.tingsted.server.staff.StaffException;
import org.tingsted.server.staff.StaffRole;

/**
 * Staff login and accounts under {@code /api}: {@code POST /api/login} and {@code /api/logout},
 * the first administrator made with the admin token ({@code POST /api/staff/bootstrap}), one's
 * own account ({@code /api/me}), and the administrators' {@code /api/staff}.
 *
 * <p>A login answers with the session token in the body (for scripts: {@code Authorization:
 * Bearer <token>}) and sets it as the cookie {@value #COOKIE} (HttpOnly, SameSite=Strict, and
 * Secure when the server is reached over TLS) for the web pages. A call that carries the cookie
 * but changes something must come from a page of this server (its Origin header, when sent,
 * names this server), so another site cannot make a logged-in browser act.
 */
final class StaffRoutes {

  static final String COOKIE = "tingsted_staff";
  /** Where {@link #principal} is kept on the routing context. */
  static final String PRINCIPAL = "staff.principal";

  private final Staff staff;
  private final byte[] adminToken;
  private final Function<PersonLink, Future<Map<String, Object>>> consoleOf;
  private final Function<RoutingContext, Boolean> secure;
  private volatile boolean oidc;

  /**
   * @param consoleOf a facilitator's way into the console as one of their linked people
   * @param secure    whether a request reached the server over TLS (its cookies are then Secure)
   */
  StaffRoutes(Staff staff, String adminToken, Function<PersonLink, Future<Map<String, Object>>> consoleOf,
              Function<RoutingContext, Boolean> secure, java.util.function.Supplier<String> publicUrl) {
    this.publicUrl = publicUrl;
    this.staff = staff;
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    this.consoleOf = consoleOf;
    this.secure = secure;
  }

  /** Whether the login page offers the OpenID Connect provider. */
  void offerOidc(boolean offered) {
    this.oidc = offered;
  }

  record Credentials(String username, String password) {
  }

  record NewPassword(String current, String password) {
  }

  /** Routes that need no session: logging in and out, and the bootstrap. */
  void publicRoutes(Router api, AdminApi admin) {
    // What the login page offers, and whether this browser's cookie already carries a session
    // (so that a page can tell without a refused call).
    api.get("/login").handler(ctx -> {
      Cookie cookie = ctx.request().getCookie(COOKIE);
      Future<Staff.Principal> session = cookie == null ? Future.succeededFuture(null) : staff.authenticate(cookie.getValue());
      reply(ctx, 200, staff.hasAdministrator().compose(has -> session.map(who -> Map.of(
          "password", true, "oidc", oidc, "bootstrap", !has, "signedIn", who != null))));
    });
    api.post("/login").handler(ctx -> {
      // Another site's page must not log a browser into an account of someone else's choosing.
      if (!sameOrigin(ctx)) {
        AdminApi.error(ctx, ErrorCode.FORBIDDEN, "a login must come from this server's own pages");
        return;
      }
      reply(ctx, 200, admin.body(ctx, Credentials.class)
          .compose(c -> staff.login(c.username(), c.password(), addressOf(ctx)))
          .map(login -> answerLogin(ctx, login)));
    });
    api.post("/logout").handler(ctx -> {
      String token = tokenOf(ctx);
      staff.logout(token).onComplete(done -> {
        clearCookie(ctx);
        ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
      });
    });
    api.post("/staff/bootstrap").handler(ctx -> {
      if (!isAdminToken(ctx)) {
        AdminApi.error(ctx, ErrorCode.UNAUTHORIZED, "the first administrator is made with the admin token: Authorization: Bearer <admin token>");
        return;
      }
      ctx.put(AdminApi.ACTOR, AdminApi.ADMIN_TOKEN_ACTOR);
      reply(ctx, 201, admin.body(ctx, Staff.NewAccount.class).compose(staff::bootstrap));
    });
  }

  /** Answers a login: the token in the body and as the session cookie. */
  Map<String, Object> answerLogin(RoutingContext ctx, Staff.Login login) {
    ctx.put(AdminApi.ACTOR, login.account().username());
    setCookie(ctx, login.token(), login.session().expiresAt());
    var body = new LinkedHashMap<String, Object>();
    body.put("token", login.token());
    body.put("expiresAt", login.session().expiresAt());
    body.put("account", login.account());
    body.put("next", login.account().roles().contains(StaffRole.ADMINISTRATOR) ? "/cards.html" : "/staff.html");
    return body;
  }

  /**
   * Finds who calls: a staff session by bearer token or cookie. The admin token is answered
   * with what it is still good for. Nobody: {@code unauthorized}.
   */
  void authenticate(RoutingContext ctx) {
    if (isAdminToken(ctx)) {
      staff.hasAdministrator().onComplete(has -> AdminApi.error(ctx, ErrorCode.UNAUTHORIZED, has.succeeded() && !has.result()
          ? "the admin token only makes the first administrator now: POST /api/staff/bootstrap, then log in (POST /api/login)"
          : "the admin token is retired now that an administrator account exists; log in (POST /api/login) as an administrator"));
      return;
    }
    boolean byCookie = bearerOf(ctx) == null;
    String token = tokenOf(ctx);
    if (token == null) {
      AdminApi.error(ctx, ErrorCode.UNAUTHORIZED, "this call needs a staff login: POST /api/login, then Authorization: Bearer <token> or the session cookie");
      return;
    }
    if (byCookie && !safe(ctx.request().method()) && !sameOrigin(ctx)) {
      AdminApi.error(ctx, ErrorCode.FORBIDDEN, "a change with the session cookie must come from this server's own pages");
      return;
    }
    staff.authenticate(token).onComplete(found -> {
      if (found.failed()) {
        ctx.fail(found.cause());
      } else if (found.result() == null) {
        if (byCookie) {
          clearCookie(ctx);
        }
        AdminApi.error(ctx, ErrorCode.UNAUTHORIZED, "the staff session is over (expired, logged out or ended); log in again");
      } else {
        ctx.put(PRINCIPAL, found.result());
        ctx.put(AdminApi.ACTOR, found.result().username());
        ctx.next();
      }
    });
  }

  /** Lets only administrators on: everyone else is {@code forbidden}. */
  static void requireAdministrator(RoutingContext ctx) {
    Staff.Principal who = principal(ctx);
    if (who == null || !who.is(StaffRole.ADMINISTRATOR)) {
      AdminApi.error(ctx, ErrorCode.FORBIDDEN, "this call is for administrators");
      return;
    }
    ctx.next();
  }

  static Staff.Principal principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** What every logged-in staff person may call: their own account and their ways into the console. */
  void personalRoutes(Router api, AdminApi admin) {
    api.get("/me").handler(ctx -> {
      Staff.Principal who = principal(ctx);
      List<Future<Map<String, Object>>> consoles = new ArrayList<>();
      for (PersonLink person : who.account().people()) {
        // A link to someone who is gone, or who is no facilitator of the account's kind, opens nothing.
        consoles.add(consoleOf.apply(person).otherwise(e -> null).map(c -> c != null && mayOpen(who, c.get("role")) ? c : null));
      }
      reply(ctx, 200, Future.all(consoles).map(all -> {
        var body = new LinkedHashMap<String, Object>();
        body.put("account", who.account().view());
        body.put("session", Map.of("expiresAt", who.session().expiresAt(), "via", who.session().via()));
        body.put("consoles", consoles.stream().map(Future::result).filter(c -> c != null).toList());
        return body;
      }));
    });
    api.post("/me/password").handler(ctx -> {
      Staff.Principal who = principal(ctx);
      reply(ctx, 200, admin.body(ctx, NewPassword.class).compose(p -> staff.checkPassword(who.username(), p.current(), addressOf(ctx))
          .compose(right -> right
              ? staff.setPassword(who.username(), p.password())
              : Future.failedFuture(new StaffException(ErrorCode.FORBIDDEN, "the current password is not right")))));
    });
  }

  private static boolean mayOpen(Staff.Principal who, Object role) {
    return role == org.tingsted.server.deliberation.Role.LEAD_FACILITATOR ? who.is(StaffRole.LEAD_FACILITATOR)
        : role == org.tingsted.server.deliberation.Role.FACILITATOR && who.is(StaffRole.FACILITATOR);
  }

  /** The administrators' management of accounts. */
  void adminRoutes(Router api, AdminApi admin) {
    api.get("/staff").handler(ctx -> reply(ctx, 200, staff.all()));
    api.post("/staff").handler(ctx -> reply(ctx, 201, admin.body(ctx, Staff.NewAccount.class).compose(staff::create)));
    api.get("/staff/:username").handler(ctx -> reply(ctx, 200, staff.require(ctx.pathParam("username")).map(StaffAccount::view)));
    api.patch("/staff/:username").handler(ctx -> reply(ctx, 200, admin.body(ctx, Staff.Change.class)
        .compose(change -> staff.require(ctx.pathParam("username")).compose(before -> staff.update(before.username(), change)
            .compose(after -> revokeWhatWasLeft(admin, before.view(), after).map(after))))));
    api.post("/staff/:username/password").handler(ctx -> reply(ctx, 200, admin.body(ctx, NewPassword.class)
        .compose(p -> staff.setPassword(ctx.pathParam("username"), p.password()))));
  }

  /**
   * The console a facilitator reached through their account runs on the linked person's link.
   * When the account is disabled or loses a person, that person's link is reissued, so that the
   * console's session ends at once (4410) and the old link leads nowhere; the account's holder,
   * if still entitled, gets the new link through their login.
   */
  private static Future<Void> revokeWhatWasLeft(AdminApi admin, StaffAccount.View before, StaffAccount.View after) {
    var left = new java.util.ArrayList<PersonLink>();
    for (PersonLink person : before.people()) {
      if (after.disabled() || !after.people().contains(person)) {
        left.add(person);
      }
    }
    Future<Void> done = Future.succeededFuture();
    for (PersonLink person : left) {
      done = done.compose(v -> admin.reissue(person.assembly(), person.member()).<Void>mapEmpty()
          .recover(e -> Future.succeededFuture()));
    }
    return done;
  }

  private static void reply(RoutingContext ctx, int status, Future<?> result) {
    AdminApi.reply(ctx, status, result);
  }

  private boolean isAdminToken(RoutingContext ctx) {
    String bearer = bearerOf(ctx);
    return bearer != null && MessageDigest.isEqual(adminToken, bearer.getBytes(StandardCharsets.UTF_8));
  }

  private static String bearerOf(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String prefix = "Bearer ";
    return header != null && header.startsWith(prefix) ? header.substring(prefix.length()) : null;
  }

  /** The session token of a request: its bearer token, else its cookie. */
  static String tokenOf(RoutingContext ctx) {
    String bearer = bearerOf(ctx);
    if (bearer != null) {
      return bearer;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  void setCookie(RoutingContext ctx, String token, long expiresAt) {
    long seconds = Math.max(0, (expiresAt - System.currentTimeMillis()) / 1000);
    ctx.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(secure.apply(ctx)).setMaxAge(seconds));
  }

  private void clearCookie(RoutingContext ctx) {
    ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(secure.apply(ctx)).setMaxAge(0));
  }

  private static boolean safe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
  }

  /** No Origin (not a browser's cross-site call), or this server's own. */
  /** The public address people open (a proxy in front may give this server another Host). */
  private final java.util.function.Supplier<String> publicUrl;

  /** Whether a request comes from this server's own pages: its Host, or its public address. */
  private boolean sameOrigin(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = ctx.request().getHeader("Host");
    if (host != null && (origin.equals("http://" + host) || origin.equals("https://" + host))) {
      return true;
    }
    String own = org.tingsted.server.gateway.Gateway.originOf(publicUrl.get());
    return own != null && own.equals(org.tingsted.server.gateway.Gateway.originOf(origin));
  }

  /** The address a login comes from, for its throttle. */
  static String addressOf(RoutingContext ctx) {
    var remote = ctx.request().remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }
}
