package org.tingsted.server.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The report as one CSV row per recommendation (RFC 4180). */
final class CsvRenderer {
  static final List<String> COLUMNS = List.of("session", "session_name", "session_date", "draft",
      "title", "text", "tables", "proposals", "clusters", "final_vote", "ballots", "support",
      "oppose", "abstain", "electorate", "share", "threshold", "adopted", "answer_status",
      "answer_date", "answer_text");

  private static final String CRLF = "\r\n";

  private CsvRenderer() {}

  static String render(Report report) {
    StringBuilder out = new StringBuilder();
    row(out, COLUMNS);
    for (SessionReport session : report.sessions()) {
      for (Recommendation r : session.recommendations()) {
        Set<String> tables = new LinkedHashSet<>();
        List<String> proposals = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        for (Provenance source : r.provenance()) {
          tables.add(Wording.tableName(source.table(), source.tableName()));
          if (source.proposal() != null) {
            proposals.add(source.table() + "/" + source.proposal());
          } else {
            clusters.add(source.table() + "/" + source.cluster());
          }
        }
        FinalVoteResult vote = r.finalVote();
        List<String> cells = new ArrayList<>(List.of(
            text(session.session()), text(session.name()), text(session.date()), text(r.draft()),
            text(r.title()), text(r.text()), String.join("; ", tables),
            String.join("; ", proposals), String.join("; ", clusters)));
        if (vote == null) {
          cells.addAll(List.of("", "", "", "", "", "", "", "", "no"));
        } else {
          cells.addAll(List.of(vote.vote(), number(vote.ballots()), number(vote.support()),
              number(vote.oppose()), number(vote.abstain()), number(vote.electorate()),
              Wording.fourDecimals(vote.share()), Wording.fourDecimals(vote.threshold()),
              vote.adopted() ? "yes" : "no"));
        }
        if (r.answer() == null) {
          cells.addAll(List.of("", "", ""));
        } else {
          String status = r.answer().status() == null
              ? "" : r.answer().status().name().toLowerCase(Locale.ROOT);
          cells.addAll(List.of(status, text(r.answer().date()), text(r.answer().text())));
        }
        row(out, cells);
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(cells.get(i)));
    }
    out.append(CRLF);
  }

  /** A field, quoted when it holds a comma, a quote, CR or LF; quotes inside are doubled. */
  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0
        && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String number(int value) {
    return Integer.toString(value);
  }
}
