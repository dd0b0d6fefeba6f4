package org.tingsted.server.http;

import org.tingsted.protocol.StreamId;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import org.tingsted.server.cluster.ClusterView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.audit.AuditLog;
import org.tingsted.server.gateway.Gateway;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.PersonalData;
import org.tingsted.server.roster.PersonalRecords;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.roster.RosterException;
import org.tingsted.server.staff.PersonLink;
import org.tingsted.server.staff.Staff;
import org.tingsted.server.staff.StaffException;
import org.tingsted.server.staff.StaffSettings;
import org.tingsted.server.streams.ModelJson;
import org.tingsted.server.streams.Streams;

/**
 * The administrators' REST API under {@code /api}: create assemblies with their sessions and
 * tables, add people, hand out join links; keep, export and erase people's personal data
 * (pseudonymisation); export the audit log; manage staff accounts. Every call needs a staff
 * session (see {@link StaffRoutes}: {@code POST /api/login}, then the bearer token or the
 * session cookie) of an administrator; a facilitator's session reaches {@code /api/me} only.
 * The admin token makes the first administrator and nothing else. Every call but the
 * cluster's reads is recorded in the audit log with the {@link #ACTOR} that authenticated it
 * (the staff account's username). Errors are JSON {@code {"code": …, "message": …}} with the
 * protocol's codes.
 */
public final class AdminApi {

  private static final int BODY_LIMIT = 256 * 1024;

  private final Roster roster;
  private final JoinLinks links;
  private final StaffRoutes staff;
  private final ObjectMapper mapper = ModelJson.mapper();

  private final AuditExport audit;
  private final ReportApi reports;

  private final HazelcastInstance hazelcast;
  private final JoinCodeRoutes codes;
  private final PersonalRecords personal;
  private final MemberExport memberExport;
  private final AuditLog auditLog;
  private final AuditLogExport auditLogExport;
  private final CredentialRoutes credentials;
  private Vertx vertx;

  private final Staff staffAccounts;
  private final StaffSettings.Oidc oidc;

  /**
   * The key under which whoever authenticates a call puts the staff actor's name in the
   * routing context, for the audit log: the staff account's username, or
   * {@value #ADMIN_TOKEN_ACTOR} for the bootstrap made with the admin token.
   */
  public static final String ACTOR = "tingsted.actor";
  /** The actor of the bootstrap, the one call the admin token still makes. */
  public static final String ADMIN_TOKEN_ACTOR = "admin-token";
  /** Where {@link #error} notes the code of a refused call, for the audit log. */
  static final String ERROR_CODE = "tingsted.error";

  public AdminApi(Roster roster, JoinLinks links, String adminToken, Streams streams, HazelcastInstance hazelcast,
                  PersonalRecords personal, AuditLog auditLog, Staff staffAccounts, StaffSettings.Oidc oidc) {
    this.personal = personal;
    this.auditLog = auditLog;
    this.memberExport = new MemberExport(streams);
    this.auditLogExport = new AuditLogExport(auditLog);
    this.staffAccounts = staffAccounts;
    this.oidc = oidc;
    this.hazelcast = hazelcast;
    this.roster = roster;
    this.links = links;
    this.codes = new JoinCodeRoutes(roster, links);
    this.credentials = new CredentialRoutes(roster, links, this);
    this.audit = new AuditExport(streams);
    this.reports = new ReportApi(roster, streams);
    this.staff = new StaffRoutes(staffAccounts, adminToken, this::consoleOf,
        ctx -> ctx.request().isSSL() || links.baseUrl().startsWith("https:"), links::baseUrl);
    staff.offerOidc(oidc != null);
  }

  /** Adds the OpenID Connect login ({@code /auth/oidc/login}, {@code /auth/oidc/callback}) when a provider is configured. */
  public void mountOidc(Router router, Vertx vertx) {
    if (oidc != null) {
      new OidcRoutes(vertx, hazelcast, oidc, staffAccounts, staff, links::baseUrl,
          ctx -> recordWhenAnswered(ctx, null, null)).mount(router);
    }
  }

  /** The login routes of this API, which the OpenID Connect callback shares. */
  StaffRoutes staff() {
    return staff;
  }

  /** The way into the console of a person a facilitator's account is linked to. */
  private Future<Map<String, Object>> consoleOf(PersonLink person) {
    return roster.get(person.assembly()).map(a -> {
      Member m = a == null ? null : a.members().get(person.member());
      if (m == null || (m.role() != Role.FACILITATOR && m.role() != Role.LEAD_FACILITATOR)) {
        return null;
      }
      JoinLink link = joinLink(a, m);
      var console = new java.util.LinkedHashMap<String, Object>();
      console.put("assembly", a.id());
      console.put("assemblyName", a.name());
      console.put("member", m.id());
      console.put("name", m.name());
      console.put("role", m.role());
      console.put("session", m.session());
      console.put("table", m.table());
      console.put("consoleUrl", link.consoleUrl());
      return console;
    });
  }

  /** Request body of {@code POST /api/assemblies}; a null session is refused here, before the roster reads it. */
  record NewAssembly(String name, String question,
                     @JsonSetter(contentNulls = Nulls.FAIL) List<Roster.NewSession> sessions) {
  }

  /** Request body of {@code POST /api/assemblies/:assembly/members}; {@code personal} is optional. */
  record NewMember(String name, Role role, String session, String table, List<String> tables, Personal personal) {
  }

  /** A person's personal data as the admin API takes it ({@link PersonalData}). */
  record Personal(String legalName, Map<String, String> contact, Map<String, String> demographics) {
  }

  /** The answer to a pseudonymisation: the person as they are now, and whether personal data was deleted. */
  record Pseudonymised(Member member, boolean personalDataDeleted) {
  }

  /** A member with their join link. */
  record JoinLink(String member, String name, Role role, String session, String table, String token, String url,
                  String consoleUrl, String code, String codeUrl) {
  }

  /** The routes, to mount at {@code /api}. */
  public Router router(Vertx vertx) {
    this.vertx = vertx;
    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    api.route().handler(this::recordStaffAction);
    staff.publicRoutes(api, this);
    api.route().handler(staff::authenticate);
    staff.personalRoutes(api, this);
    api.route().handler(StaffRoutes::requireAdministrator);
    staff.adminRoutes(api, this);
    api.post("/assemblies").handler(ctx -> reply(ctx, 201, body(ctx, NewAssembly.class)
        .compose(a -> roster.create(a.name(), a.question(), a.sessions()))));
    api.get("/assemblies").handler(ctx -> reply(ctx, 200, roster.all()));
    api.get("/cluster").handler(ctx -> reply(ctx, 200, Future.succeededFuture(ClusterView.of(hazelcast))));
    api.get("/cluster/owner").handler(ctx -> {
      var stream = StreamId.parse(ctx.queryParams().get("stream"));
      reply(ctx, 200, stream.isEmpty()
          ? Future.failedFuture(new RosterException.Invalid("name the stream: /api/cluster/owner?stream=table:<id> or session:<id>"))
          : Future.succeededFuture(ClusterView.ownerOf(hazelcast, stream.get().name())));
    });
    api.get("/assemblies/:assembly").handler(ctx -> reply(ctx, 200, roster.require(ctx.pathParam("assembly"))));
    api.post("/assemblies/:assembly/members").handler(ctx -> reply(ctx, 201, body(ctx, NewMember.class)
        .compose(m -> addMember(ctx.pathParam("assembly"), m))));
    api.get("/assemblies/:assembly/members").handler(ctx -> reply(ctx, 200,
        roster.require(ctx.pathParam("assembly")).map(a -> List.copyOf(a.members().values()))));
    api.get("/assemblies/:assembly/join-links").handler(ctx -> reply(ctx, 200,
        roster.require(ctx.pathParam("assembly")).map(this::joinLinks)));
    api.get("/assemblies/:assembly/members/:member/join-link").handler(ctx -> reply(ctx, 200,
        roster.require(ctx.pathParam("assembly")).compose(a -> {
          Member m = a.members().get(ctx.pathParam("member"));
          if (m == null) {
            return Future.failedFuture(new RosterException.NotFound("no member " + ctx.pathParam("member")));
          }
          return m.wasPseudonymised()
              ? Future.failedFuture(new RosterException.Conflict("person " + m.id() + " was pseudonymised and has no join link"))
              : Future.succeededFuture(joinLink(a, m));
        })));
    personalRoutes(api, vertx);
    api.post("/assemblies/:assembly/members/:member/reissue").handler(ctx -> reply(ctx, 200,
        reissue(ctx.pathParam("assembly"), ctx.pathParam("member"))));
    reports.adminRoutes(api, this);
    api.get("/audit-log").handler(ctx -> auditLogExport.write(ctx, ctx.queryParams().get("assembly")));
    api.get("/assemblies/:assembly/audit-log").handler(ctx -> roster.require(ctx.pathParam("assembly"))
        .onFailure(ctx::fail).onSuccess(a -> auditLogExport.write(ctx, a.id())));
    api.get("/assemblies/:assembly/audit").handler(ctx -> roster.require(ctx.pathParam("assembly"))
        .compose(a -> audit.write(a, ctx.response()))
        .onFailure(e -> {
          if (ctx.response().headWritten()) {
            org.slf4j.LoggerFactory.getLogger(AdminApi.class).error("the audit export broke off", e);
            ctx.response().reset();
          } else {
            ctx.fail(e);
          }
        }));
    api.route().handler(ctx -> error(ctx, ErrorCode.NOT_FOUND,
        "there is no API call " + ctx.request().method() + " " + ctx.request().path()));
    api.route().failureHandler(this::failure);
    return api;
  }

  /** Adds a person, and their personal data when it is given (checked first, so that a bad one adds nobody). */
  private Future<Member> addMember(String assembly, NewMember m) {
    Personal p = m.personal();
    try {
      if (p != null) {
        PersonalData.check(p.legalName(), p.contact(), p.demographics());
      }
    } catch (RosterException e) {
      return Future.failedFuture(e);
    }
    Future<Member> added = roster.addMember(assembly, m.name(), m.role(), m.session(), m.table(), m.tables());
    return p == null ? added : added.compose(member -> personal.put(assembly, member.id(), p.legalName(), p.contact(),
        p.demographics()).map(data -> member));
  }

  /**
   * A person's personal data (read, set, delete), the export of everything held about them
   * (the right of access), and their pseudonymisation (the right to erasure, as far as the
   * assembly's record allows).
   */
  private void personalRoutes(Router api, Vertx vertx) {
    String person = "/assemblies/:assembly/members/:member";
    api.get(person + "/personal").handler(ctx -> reply(ctx, 200, personal.get(assemblyOf(ctx), memberOf(ctx))
        .compose(data -> data != null ? Future.succeededFuture(data)
            : Future.failedFuture(new RosterException.NotFound("no personal data is kept for " + memberOf(ctx))))));
    api.put(person + "/personal").handler(ctx -> reply(ctx, 200, body(ctx, Personal.class)
        .compose(p -> personal.put(assemblyOf(ctx), memberOf(ctx), p.legalName(), p.contact(), p.demographics()))));
    api.delete(person + "/personal").handler(ctx -> reply(ctx, 200, roster.require(assemblyOf(ctx))
        .compose(a -> a.members().containsKey(memberOf(ctx)) ? personal.delete(a.id(), memberOf(ctx))
            : Future.failedFuture(new RosterException.NotFound("no person " + memberOf(ctx))))
        .map(deleted -> Map.of("personalDataDeleted", deleted))));
    api.get(person + "/export").handler(ctx -> reply(ctx, 200, roster.require(assemblyOf(ctx)).compose(a -> {
      Member m = a.members().get(memberOf(ctx));
      if (m == null) {
        return Future.failedFuture(new RosterException.NotFound("no person " + memberOf(ctx)));
      }
      return personal.get(a.id(), m.id()).compose(data -> memberExport.of(a, m, data));
    }).onSuccess(v -> ctx.response().putHeader("Content-Disposition",
        "attachment; filename=\"" + memberOf(ctx) + "-export.json\""))));
    api.post(person + "/pseudonymise").handler(ctx -> reply(ctx, 200, roster.require(assemblyOf(ctx))
        .compose(a -> a.members().containsKey(memberOf(ctx)) ? personal.delete(a.id(), memberOf(ctx))
            : Future.failedFuture(new RosterException.NotFound("no person " + memberOf(ctx))))
        .compose(deleted -> roster.pseudonymise(assemblyOf(ctx), memberOf(ctx)).map(m -> {
          // Every node closes the person's connections and shows the table the pseudonym.
          vertx.eventBus().publish(Gateway.PSEUDONYMISED, new io.vertx.core.json.JsonObject()
              .put("assembly", assemblyOf(ctx)).put("member", m.id()));
          return new Pseudonymised(m, deleted);
        }))));
  }

  private static String assemblyOf(RoutingContext ctx) {
    return ctx.pathParam("assembly");
  }

  private static String memberOf(RoutingContext ctx) {
    return ctx.pathParam("member");
  }

  /**
   * Records the call in the audit log once it is answered: who (the {@link #ACTOR} whoever
   * authenticated it put there, none when it was refused for want of a credential), what (the
   * method and path), on which assembly, with which outcome. Reads of the cluster's state are
   * not recorded: they show nothing of any assembly and are polled by monitoring.
   */
  private void recordStaffAction(RoutingContext ctx) {
    String path = ctx.request().path();
    if (ctx.request().method() == io.vertx.core.http.HttpMethod.GET && path.startsWith("/api/cluster")) {
      ctx.next();
      return;
    }
    String[] parts = path.split("/");
    recordWhenAnswered(ctx, parts.length > 3 && "assemblies".equals(parts[2]) ? parts[3] : null, null);
    ctx.next();
  }

  /**
   * Records the call in the audit log once it is answered, for {@code assembly}, by
   * {@code actor} (null: the {@link #ACTOR} whoever authenticated it put in the context).
   */
  void recordWhenAnswered(RoutingContext ctx, String assembly, String actor) {
    String path = ctx.request().path();
    long at = System.currentTimeMillis();
    ctx.addEndHandler(done -> {
      var target = new StringBuilder();
      ctx.pathParams().forEach((k, v) -> {
        if (!"*".equals(k)) {
          target.append(target.isEmpty() ? "" : " ").append(k).append('=').append(v);
        }
      });
      int status = ctx.response().getStatusCode();
      String code = ctx.get(ERROR_CODE);
      auditLog.staff(assembly, actor != null ? actor : ctx.get(ACTOR), ctx.request().method().name() + " " + path,
          target.isEmpty() ? null : target.toString(), status + (code == null ? "" : " " + code), at);
    });
  }

  /** Join links of everyone in an assembly, in the order they were added; the pseudonymised have none. */
  List<JoinLink> joinLinks(Assembly assembly) {
    return assembly.members().values().stream().filter(m -> !m.wasPseudonymised()).map(m -> joinLink(assembly, m)).toList();
  }

  /**
   * Revokes a person's link (a lost card) and answers the new one: their old link, its QR code,
   * its short code and every session made from them stop working, and every node closes their
   * connections with 4410.
   */
  Future<JoinLink> reissue(String assemblyId, String memberId) {
    return roster.require(assemblyId).compose(a -> {
      Member m = a.members().get(memberId);
      return m != null && m.wasPseudonymised()
          ? Future.failedFuture(new RosterException.Conflict("person " + memberId + " was pseudonymised and gets no new link"))
          : roster.reissue(assemblyId, memberId);
    }).compose(member -> {
      Gateway.revoke(vertx, assemblyId, memberId, member.generation());
      return roster.require(assemblyId).map(a -> joinLink(a, a.members().getOrDefault(memberId, member)));
    });
  }

  private JoinLink joinLink(Assembly assembly, Member m) {
    String token = links.credentials().link(assembly.id(), m);
    boolean facilitates = m.role() == Role.FACILITATOR || m.role() == Role.LEAD_FACILITATOR;
    String code = links.codes().of(assembly.id(), m);
    return new JoinLink(m.id(), m.name(), m.role(), m.session(), m.table(), token, links.url(token),
        facilitates ? links.consoleUrl(token) : null, code, links.codeUrl(code));
  }

  /** Adds the public routes of joining by code ({@code /j}) to the node's router. */
  public void mountJoinCodes(Router router) {
    codes.mount(router);
  }

  /** Adds the public routes of credentials ({@code POST /session}, the lead's reissue) to the node's router. */
  public void mountCredentials(Router router) {
    credentials.mount(router);
  }

  /** The public routes of published reports, to mount at {@code /reports}. */
  public Router publicReports(Vertx vertx) {
    Router router = reports.publicRouter(vertx);
    router.route().failureHandler(this::failure);
    return router;
  }

  <T> Future<T> body(RoutingContext ctx, Class<T> type) {
    try {
      String text = ctx.body().asString();
      if (text == null || text.isBlank()) {
        return Future.failedFuture(new RosterException.Invalid("a JSON body is required"));
      }
      T value = mapper.readValue(text, type);
      return value == null
          ? Future.failedFuture(new RosterException.Invalid("a JSON object is required"))
          : Future.succeededFuture(value);
    } catch (JsonProcessingException e) {
      return Future.failedFuture(new RosterException.Invalid("the body is not valid: " + e.getOriginalMessage()));
    }
  }

  static void reply(RoutingContext ctx, int status, Future<?> result) {
    result.onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      json(ctx, status, ar.result());
    });
  }

  static void json(RoutingContext ctx, int status, Object value) {
    try {
      // Answers carry join links (credentials) and people's names: no cache may keep them.
      ctx.response().setStatusCode(status)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(ModelJson.mapper().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  void failure(RoutingContext ctx) {
    Throwable cause = ctx.failure();
    if (cause instanceof RosterException e) {
      error(ctx, e.code(), e.getMessage());
    } else if (cause instanceof StaffException e) {
      if (e.retryAfterSeconds() > 0) {
        ctx.response().putHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
      }
      error(ctx, e.code(), e.getMessage());
    } else if (ctx.statusCode() == 413) {
      error(ctx, ErrorCode.TOO_LARGE, "the body is larger than " + BODY_LIMIT + " bytes");
    } else {
      error(ctx, ErrorCode.INTERNAL, "the server failed; the operator's log says why");
      if (cause != null) {
        org.slf4j.LoggerFactory.getLogger(AdminApi.class).error("admin API call failed", cause);
      }
    }
  }

  /** Refuses a call: the code's HTTP status, and a body with the code and a message for people. */
  static void error(RoutingContext ctx, ErrorCode code, String message) {
    ctx.put(ERROR_CODE, code.wireName());
    try {
      ctx.response().setStatusCode(code.httpStatus())
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(ModelJson.mapper().writeValueAsString(Map.of("code", code.wireName(), "message", message)));
    } catch (JsonProcessingException e) {
      ctx.response().setStatusCode(500).end();
    }
  }
}
