package org.tingsted.server.http;

import org.tingsted.protocol.StreamId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.AnswerStatus;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Rejection;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.report.Report;
import org.tingsted.server.report.ReportInput;
import org.tingsted.server.report.ReportLanguage;
import org.tingsted.server.report.Reports;
import org.tingsted.server.report.SessionInput;
import org.tingsted.server.report.TableInput;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.roster.RosterException;
import org.tingsted.server.roster.Session;
import org.tingsted.server.roster.TablePlace;
import org.tingsted.server.streams.ModelJson;
import org.tingsted.server.gateway.Translation;
import org.tingsted.server.streams.Outcome;
import org.tingsted.server.streams.Streams;

/**
 * The assembly's report: for administrators at any time, for the public once a session's
 * report is published (and nothing unpublished); and the City Council's answers.
 *
 * <p>Formats, by {@code ?format=}: {@code json} (default), {@code csv} (one row per
 * recommendation), {@code md} (Markdown) and {@code html} (a printable page). The human formats
 * are in Danish unless {@code ?lang=en} asks for English.
 */
final class ReportApi {

  /** Who records answers and publishes reports through the admin API. */
  static final Actor ADMINISTRATOR = new Actor("admin", Role.ADMINISTRATOR);

  private final Roster roster;
  private final Streams streams;
  private final ObjectMapper json = ModelJson.mapper();

  ReportApi(Roster roster, Streams streams) {
    this.roster = roster;
    this.streams = streams;
  }

  /** Body of {@code POST …/answers}. */
  record NewAnswer(String draft, AnswerStatus status, String text, String date) {
  }

  /** The administrators' routes, on the admin router (already authorised). */
  void adminRoutes(Router api, AdminApi admin) {
    api.get("/assemblies/:assembly/report").handler(ctx -> roster.require(ctx.pathParam("assembly"))
        .compose(a -> report(a, a.sessions(), false))
        .onComplete(ar -> send(ctx, ar.result(), ar.cause())));
    api.get("/assemblies/:assembly/sessions/:session/report").handler(ctx -> roster.require(ctx.pathParam("assembly"))
        .compose(a -> report(a, List.of(session(a, ctx.pathParam("session"))), false))
        .onComplete(ar -> send(ctx, ar.result(), ar.cause())));
    api.post("/assemblies/:assembly/sessions/:session/answers").handler(ctx -> roster.require(ctx.pathParam("assembly"))
        .compose(a -> admin.body(ctx, NewAnswer.class).map(answer -> new SessionCommand.RecordAnswer(
            answer.draft(), answer.status(), answer.text(), answer.date()))
            .compose(command -> run(a, ctx.pathParam("session"), command)))
        .onComplete(ar -> outcome(ctx, ar.result(), ar.cause())));
    api.post("/assemblies/:assembly/sessions/:session/report/publish").handler(ctx -> roster.require(ctx.pathParam("assembly"))
        .compose(a -> run(a, ctx.pathParam("session"), new SessionCommand.PublishReport()))
        .onComplete(ar -> outcome(ctx, ar.result(), ar.cause())));
    api.post("/assemblies/:assembly/sessions/:session/report/unpublish").handler(ctx -> roster.require(ctx.pathParam("assembly"))
        .compose(a -> run(a, ctx.pathParam("session"), new SessionCommand.UnpublishReport()))
        .onComplete(ar -> outcome(ctx, ar.result(), ar.cause())));
  }

  /** The public routes, under {@code /reports}: no login, published sessions only. */
  Router publicRouter(io.vertx.core.Vertx vertx) {
    Router reports = Router.router(vertx);
    reports.get("/:assembly").handler(ctx -> roster.get(ctx.pathParam("assembly"))
        .compose(a -> a == null ? notPublished() : report(a, a.sessions(), true))
        .onComplete(ar -> send(ctx, ar.result(), ar.cause())));
    reports.get("/:assembly/:session").handler(ctx -> roster.get(ctx.pathParam("assembly"))
        .compose(a -> a == null || a.session(ctx.pathParam("session")).isEmpty()
            ? notPublished()
            : report(a, List.of(session(a, ctx.pathParam("session"))), true))
        .onComplete(ar -> send(ctx, ar.result(), ar.cause())));
    return reports;
  }

  private static <T> Future<T> notPublished() {
    return Future.failedFuture(new RosterException.NotFound("there is no published report here"));
  }

  private static Session session(Assembly assembly, String sessionId) {
    return assembly.session(sessionId)
        .orElseThrow(() -> new RosterException.NotFound("no session " + sessionId + " in assembly " + assembly.id()));
  }

  /**
   * The report of some sessions, from the streams' current state. With {@code publishedOnly},
   * sessions whose report is not published are left out, and none left is "not found".
   */
  private Future<Report> report(Assembly assembly, List<Session> sessions, boolean publishedOnly) {
    List<Future<SessionInput>> inputs = new ArrayList<>();
    for (Session s : sessions) {
      inputs.add(sessionInput(s));
    }
    return Future.all(inputs).compose(all -> {
      List<SessionInput> chosen = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        SessionInput input = inputs.get(i).result();
        if (!publishedOnly || input.plenary().reportPublished()) {
          chosen.add(input);
        }
      }
      if (chosen.isEmpty() && publishedOnly) {
        return notPublished();
      }
      var in = new ReportInput(assembly.id(), assembly.name(), assembly.question(), chosen);
      return Future.succeededFuture(Reports.build(in, System.currentTimeMillis()));
    });
  }

  private Future<SessionInput> sessionInput(Session session) {
    Future<SessionBoard> plenary = streams.read(StreamId.session(session.id())).map(e -> (SessionBoard) e.state());
    List<Future<TableInput>> tables = new ArrayList<>();
    for (TablePlace t : session.tables()) {
      tables.add(streams.read(StreamId.table(t.id())).map(e -> new TableInput(t.id(), t.name(), (Board) e.state())));
    }
    return Future.all(plenary, Future.all(tables)).map(v -> new SessionInput(session.id(), session.name(), session.date(),
        plenary.result(), tables.stream().map(Future::result).toList()));
  }

  private Future<Outcome> run(Assembly assembly, String sessionId, SessionCommand command) {
    try {
      session(assembly, sessionId);
    } catch (RosterException e) {
      return Future.failedFuture(e);
    }
    return streams.execute(StreamId.session(sessionId), command, ADMINISTRATOR, "admin-" + UUID.randomUUID());
  }

  private void outcome(RoutingContext ctx, Outcome outcome, Throwable failure) {
    if (failure != null) {
      ctx.fail(failure);
      return;
    }
    if (outcome.isRejected()) {
      Rejection r = outcome.rejection();
      AdminApi.error(ctx, Translation.errorCode(r.reason()), r.message());
      return;
    }
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
        .end("{\"stream\":\"" + outcome.stream() + "\",\"seq\":" + outcome.seq() + "}");
  }

  private void send(RoutingContext ctx, Report report, Throwable failure) {
    if (failure != null) {
      ctx.fail(failure);
      return;
    }
    String format = ctx.queryParams().get("format");
    ReportLanguage language;
    try {
      language = ReportLanguage.of(ctx.queryParams().get("lang"));
    } catch (IllegalArgumentException e) {
      AdminApi.error(ctx, ErrorCode.INVALID, e.getMessage());
      return;
    }
    String name = report.assembly() + "-report";
    if (format != null && !format.equals("json")) {
      ctx.response().putHeader("Content-Language", language.code());
    }
    switch (format == null ? "json" : format) {
      case "json" -> {
        try {
          ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
          ctx.fail(e);
        }
      }
      // The byte order mark lets spreadsheet programs read æ, ø and å as UTF-8.
      case "csv" -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
          .end("\uFEFF" + Reports.csv(report, language));
      case "md" -> ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
          .putHeader("Content-Disposition", "inline; filename=\"" + name + ".md\"")
          .end(Reports.markdown(report, language));
      case "html" -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(Reports.html(report, language));
      default -> AdminApi.error(ctx, ErrorCode.INVALID, "format must be json, csv, md or html, not '" + format + "'");
    }
  }
}
