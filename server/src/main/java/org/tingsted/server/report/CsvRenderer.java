package org.tingsted.server.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The report as one CSV row per recommendation (RFC 4180). The first columns are for machines
 * (ids, figures with a decimal point); the last four say the same for people, in the report's
 * language: where it came from, the tables' votes, and the comments for and against, one per
 * line. Where a spreadsheet would read a formula (a cell, or a part after ';' or a line break,
 * starting with =, +, -, @, their full-width forms, a tab or CR) a ' is written in front, so that
 * a member's title cannot run in an organiser's spreadsheet. Every cell goes through it, the
 * header, ids and figures too, so no column can be forgotten.
 */
final class CsvRenderer {
  static final List<String> COLUMNS = List.of("session", "session_name", "session_date", "draft",
      "title", "text", "tables", "proposals", "clusters", "final_vote", "ballots", "support",
      "oppose", "abstain", "electorate", "share", "threshold", "adopted", "answer_status",
      "answer_date", "answer_text", "sources", "table_votes", "comments_for",
      "comments_against");

  private static final String CRLF = "\r\n";

  /**
   * What starts a formula: = + - @ and a tab (OWASP's list), and the full-width = + - @ that a
   * spreadsheet with an East Asian input method may read as the same.
   */
  private static final String FORMULA_STARTS = "=+-@\t\uFF1D\uFF0B\uFF0D\uFF20";

  private CsvRenderer() {}

  static String render(Report report, ReportLanguage language) {
    Wording say = Wording.of(language);
    StringBuilder out = new StringBuilder();
    row(out, COLUMNS);
    for (SessionReport session : report.sessions()) {
      for (Recommendation r : session.recommendations()) {
        Set<String> tables = new LinkedHashSet<>();
        List<String> proposals = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        for (Provenance source : r.provenance()) {
          tables.add(source.tableName() != null ? source.tableName() : source.table());
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
              fourDecimals(vote.share()), fourDecimals(vote.threshold()),
              vote.adopted() ? "yes" : "no"));
        }
        if (r.answer() == null) {
          cells.addAll(List.of("", "", ""));
        } else {
          String status = r.answer().status() == null
              ? "" : r.answer().status().name().toLowerCase(Locale.ROOT);
          cells.addAll(List.of(status, text(r.answer().date()), text(r.answer().text())));
        }
        cells.addAll(people(say, r));
        row(out, cells);
      }
    }
    return out.toString();
  }

  /** The columns for people: sources, table votes, comments for, comments against. */
  private static List<String> people(Wording say, Recommendation r) {
    List<String> sources = new ArrayList<>();
    List<String> votes = new ArrayList<>();
    for (Provenance source : r.provenance()) {
      sources.add(say.source(source));
      String item = source.proposal() != null ? source.proposal() : source.cluster();
      for (TableVoteResult vote : r.votesOn(source.table(), item)) {
        votes.add(say.source(source) + ": " + say.voteLine(vote));
      }
      for (VoteItem proposal : source.proposals()) {
        for (TableVoteResult vote : r.votesOn(source.table(), proposal.item())) {
          votes.add(say.tableName(source.tableName()) + ", " + say.proposal(proposal) + ": "
              + say.voteLine(vote));
        }
      }
    }
    return List.of(String.join("\n", sources), String.join("\n", votes),
        comments(r.commentsFor()), comments(r.commentsAgainst()));
  }

  private static String comments(List<TableComment> comments) {
    List<String> texts = new ArrayList<>();
    for (TableComment comment : comments) {
      texts.add(comment.text());
    }
    return String.join("\n", texts);
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

  /**
   * A field, quoted when it holds a comma, a quote, CR or LF; quotes inside are doubled; a '
   * in front when a spreadsheet would take it for a formula.
   */
  static String field(String value) {
    value = defused(value);
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0
        && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /**
   * The value with a ' before every place a spreadsheet could start a formula: its start, and
   * after a ';', a tab or a line break, since a Danish spreadsheet program splits a file at ';',
   * a quoted field does not protect what follows a ';' inside it, and a cell copied and pasted
   * is split at its tabs and lines.
   */
  private static String defused(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean partStart = i == 0 || "\n\r;\t".indexOf(value.charAt(i - 1)) >= 0;
      if (partStart && (FORMULA_STARTS.indexOf(c) >= 0 || (i == 0 && c == '\r'))) {
        if (out == null) {
          out = new StringBuilder(value.length() + 8).append(value, 0, i);
        }
        out.append('\'');
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? value : out.toString();
  }

  /** A number with four decimals and a decimal point, whatever the language: "0.6667". */
  private static String fourDecimals(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String number(int value) {
    return Integer.toString(value);
  }
}
