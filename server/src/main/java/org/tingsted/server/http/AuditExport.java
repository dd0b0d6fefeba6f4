package org.tingsted.server.http;

import org.tingsted.protocol.StreamId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Session;
import org.tingsted.server.streams.ModelJson;
import org.tingsted.server.streams.StreamEvent;
import org.tingsted.server.streams.Streams;

/**
 * The complete record of an assembly as JSON Lines, for administrators: every event of every
 * session and table stream, in order, with who did it and when. Nothing is left out: hidden
 * items are there, and so is each moderation event with who hid or restored what and why.
 *
 * <p>Written page by page from the journal, so that a long assembly is never held in memory.
 */
final class AuditExport {

  private static final int PAGE = 1000;
  private final Streams streams;

  AuditExport(Streams streams) {
    this.streams = streams;
  }

  Future<Void> write(Assembly assembly, HttpServerResponse response) {
    response.setChunked(true).putHeader("Content-Type", "application/x-ndjson; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + assembly.id() + "-audit.jsonl\"");
    Future<Void> done = Future.succeededFuture();
    for (StreamId stream : assembly.streams()) {
      done = done.compose(v -> page(assembly, stream, 1, response));
    }
    return done.compose(v -> response.end());
  }

  private Future<Void> page(Assembly assembly, StreamId stream, long from, HttpServerResponse response) {
    return streams.history(stream, from, PAGE).compose(page -> {
      var lines = new StringBuilder();
      for (StreamEvent e : page.events()) {
        lines.append(line(assembly, e)).append('\n');
      }
      Future<Void> written = lines.isEmpty() ? Future.succeededFuture() : response.write(lines.toString());
      return page.next() == null ? written : written.compose(v -> page(assembly, stream, page.next(), response));
    });
  }

  private static String line(Assembly assembly, StreamEvent e) {
    ObjectNode line = ModelJson.mapper().createObjectNode();
    line.put("stream", e.stream());
    line.put("seq", e.seq());
    line.put("at", e.at());
    line.put("time", Instant.ofEpochMilli(e.at()).toString());
    line.put("by", e.by());
    Member who = e.by() == null ? null : assembly.members().get(e.by());
    if (who != null) {
      line.put("byName", who.name());
      line.put("byRole", who.role().name().toLowerCase());
    }
    line.put("kind", ModelJson.kindOf(e.event()));
    line.set("data", ModelJson.dataOf(e.event()));
    return line.toString();
  }
}
