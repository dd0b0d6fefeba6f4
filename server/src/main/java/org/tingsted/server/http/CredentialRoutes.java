package org.tingsted.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Credentials;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;

/**
 * The public routes of credentials:
 *
 * <ul>
 *   <li>{@code POST /session} with {@code {"link": <link credential>}}: the app exchanges the
 *       credential of a join link for a session credential, at once on opening the link.</li>
 *   <li>{@code POST /console/members/:member/reissue} with {@code Authorization: Bearer
 *       <session credential>} of a lead facilitator: revokes the link of a person in their
 *       session (a lost card), ends that person's sessions and answers the new join link.</li>
 * </ul>
 *
 * <p>Every answer says {@code Cache-Control: no-store}; a refusal is {@code 401} {@code
 * {"code": "unauthorized", "reason": …, "message": …}} with the reasons of
 * {@link Credentials.Refusal}. Neither the credentials nor the bodies are ever logged.
 */
final class CredentialRoutes {

  private static final int BODY_LIMIT = 4096;

  private final Roster roster;
  private final JoinLinks links;
  private final AdminApi admin;

  CredentialRoutes(Roster roster, JoinLinks links, AdminApi admin) {
    this.roster = roster;
    this.links = links;
    this.admin = admin;
  }

  void mount(Router router) {
    router.post("/session").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.post("/session").handler(this::exchange);
    router.post("/console/members/:member/reissue").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.post("/console/members/:member/reissue").handler(this::reissueByLead);
    router.route("/session").failureHandler(admin::failure);
    router.route("/console/members/*").failureHandler(admin::failure);
  }

  private void exchange(RoutingContext ctx) {
    String link;
    try {
      JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
      Object value = body == null ? null : body.getValue("link");
      if (value != null && !(value instanceof String)) {
        AdminApi.error(ctx, ErrorCode.INVALID, "'link' must be a string");
        return;
      }
      link = (String) value;
    } catch (RuntimeException e) {
      AdminApi.error(ctx, ErrorCode.INVALID, "the body must be a JSON object: {\"link\": \"<the part of the join link after #>\"}");
      return;
    }
    admitted(link, Credentials.Kind.LINK).onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
        return;
      }
      Admitted admitted = done.result();
      if (admitted.refusal != null) {
        refuse(ctx, admitted.refusal);
        return;
      }
      Credentials.Session session = links.credentials().session(admitted.assembly.id(), admitted.member);
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(new JsonObject()
              .put("session", session.credential())
              .put("expires", session.claim().expires() * 1000)
              .put("assembly", admitted.assembly.id())
              .put("member", admitted.member.id())
              .put("role", admitted.member.role().name().toLowerCase(Locale.ROOT))
              .encode());
    });
  }

  private void reissueByLead(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String credential = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
    String target = ctx.pathParam("member");
    admitted(credential, Credentials.Kind.SESSION).onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
        return;
      }
      Admitted lead = done.result();
      if (lead.refusal != null) {
        refuse(ctx, lead.refusal);
        return;
      }
      // A staff action, recorded in the audit log with the lead as its actor, whatever its outcome.
      admin.recordWhenAnswered(ctx, lead.assembly.id(), lead.member.id());
      Member other = lead.assembly.members().get(target);
      if (lead.member.role() != Role.LEAD_FACILITATOR) {
        AdminApi.error(ctx, ErrorCode.FORBIDDEN, "only the lead facilitator of the session may reissue a link");
      } else if (other == null || !other.session().equals(lead.member.session())) {
        AdminApi.error(ctx, ErrorCode.NOT_FOUND, "there is no one " + target + " in your session");
      } else if (other.id().equals(lead.member.id())) {
        AdminApi.error(ctx, ErrorCode.FORBIDDEN, "you cannot revoke your own link from the console; ask an administrator");
      } else {
        admin.reissue(lead.assembly.id(), target).onComplete(reissued -> {
          if (reissued.failed()) {
            ctx.fail(reissued.cause());
          } else {
            admin.json(ctx, 200, reissued.result());
          }
        });
      }
    });
  }

  /** What a credential admits: the person as the roster has them now, or why not. */
  private record Admitted(Assembly assembly, Member member, Credentials.Refusal refusal) {
  }

  private Future<Admitted> admitted(String text, Credentials.Kind kind) {
    Credentials.Checked read = links.credentials().read(text, kind);
    if (!read.valid()) {
      return Future.succeededFuture(new Admitted(null, null, read.refusal()));
    }
    return roster.get(read.claim().assembly()).map(assembly -> {
      Credentials.Refusal refusal = Credentials.standing(read.claim(), assembly);
      return refusal != null ? new Admitted(null, null, refusal)
          : new Admitted(assembly, assembly.members().get(read.claim().member()), null);
    });
  }

  private static void refuse(RoutingContext ctx, Credentials.Refusal refusal) {
    String message = switch (refusal) {
      case MISSING -> "no credential: send the part of the join link after #";
      case REVOKED -> "this link no longer works: a new one was issued; ask your facilitator";
      case EXPIRED -> "this session has expired; open the link from your card again";
      case WRONG_KIND -> "this is not the kind of credential this call takes";
      default -> "this credential is not valid; ask your facilitator for a new link";
    };
    ctx.response().setStatusCode(401)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("code", ErrorCode.UNAUTHORIZED.wireName()).put("reason", refusal.wire())
            .put("message", message).encode());
  }
}
