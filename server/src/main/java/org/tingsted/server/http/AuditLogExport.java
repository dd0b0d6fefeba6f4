package org.tingsted.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.server.audit.AuditEntry;
import org.tingsted.server.audit.AuditLog;
import org.tingsted.server.report.Reports;
import org.tingsted.server.streams.ModelJson;

/**
 * The audit log for administrators: refused commands and staff actions, oldest first, as JSON
 * Lines ({@code ?format=jsonl}, the default) or CSV ({@code ?format=csv}, every cell defused
 * as in the report's CSV), written page by page. Waits for what is still being written first,
 * so that an export shows everything up to the moment it was asked for.
 */
final class AuditLogExport {

  private static final int PAGE = 1000;
  static final List<String> COLUMNS = List.of("id", "kind", "assembly", "time", "last_time", "times", "actor", "role",
      "stream", "action", "command_id", "target", "outcome", "reason");

  private final AuditLog log;

  AuditLogExport(AuditLog log) {
    this.log = log;
  }

  void write(RoutingContext ctx, String assembly) {
    String format = ctx.queryParams().get("format") == null ? "jsonl" : ctx.queryParams().get("format");
    if (!format.equals("jsonl") && !format.equals("csv")) {
      AdminApi.error(ctx, ErrorCode.INVALID, "format must be jsonl or csv, not '" + format + "'");
      return;
    }
    boolean csv = format.equals("csv");
    HttpServerResponse response = ctx.response();
    log.flush().compose(v -> {
      response.setChunked(true)
          .putHeader("Content-Type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .putHeader("Content-Disposition", "attachment; filename=\"" + (assembly == null ? "tingsted" : assembly)
              + "-audit-log." + (csv ? "csv" : "jsonl") + "\"");
      Future<Void> head = csv ? response.write("\uFEFF" + String.join(",", COLUMNS) + "\r\n") : Future.succeededFuture();
      return head.compose(w -> page(assembly, AuditLog.Cursor.START, csv, response));
    }).compose(v -> response.end()).onFailure(e -> {
      if (response.headWritten()) {
        org.slf4j.LoggerFactory.getLogger(AuditLogExport.class).error("the audit log export broke off", e);
        response.reset();
      } else {
        ctx.fail(e);
      }
    });
  }

  private Future<Void> page(String assembly, AuditLog.Cursor from, boolean csv, HttpServerResponse response) {
    return log.read(assembly, from, PAGE).compose(page -> {
      var out = new StringBuilder();
      for (AuditEntry e : page.entries()) {
        out.append(csv ? csvLine(e) : jsonLine(e));
      }
      Future<Void> written = out.isEmpty() ? Future.succeededFuture() : response.write(out.toString());
      return page.next() == null ? written : written.compose(v -> page(assembly, page.next(), csv, response));
    });
  }

  private static String jsonLine(AuditEntry e) {
    var line = ModelJson.mapper().createObjectNode();
    line.put("id", e.id());
    line.put("kind", e.kind());
    line.put("assembly", e.assembly());
    line.put("at", e.at());
    line.put("time", Instant.ofEpochMilli(e.at()).toString());
    line.put("last", e.last());
    line.put("lastTime", Instant.ofEpochMilli(e.last()).toString());
    line.put("times", e.times());
    line.put("actor", e.actor());
    line.put("role", e.role());
    line.put("stream", e.stream());
    line.put("action", e.action());
    line.put("commandId", e.commandId());
    line.put("target", e.target());
    line.put("outcome", e.outcome());
    line.put("reason", e.reason());
    try {
      return ModelJson.mapper().writeValueAsString(line) + "\n";
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static String csvLine(AuditEntry e) {
    return List.of(e.id(), e.kind(), nz(e.assembly()), Instant.ofEpochMilli(e.at()).toString(),
            Instant.ofEpochMilli(e.last()).toString(), String.valueOf(e.times()), nz(e.actor()), nz(e.role()),
            nz(e.stream()), nz(e.action()), nz(e.commandId()), nz(e.target()), nz(e.outcome()), nz(e.reason()))
        .stream().map(Reports::csvCell).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
