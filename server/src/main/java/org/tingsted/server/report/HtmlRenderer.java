package org.tingsted.server.report;

import java.util.List;

/**
 * The report as one self-contained, printable HTML page. Markup is written only by {@link #raw},
 * with fixed strings and numbers; every text from the report goes through {@link #text}, which
 * escapes it, so that no path puts a person's words on the page unescaped. The page loads nothing and runs nothing; its content security policy says so too,
 * in case a browser is ever shown something this class did not mean to write.
 */
final class HtmlRenderer {
  private static final String STYLE = """
      @page { size: A4; margin: 18mm 16mm 20mm; }
      html { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45;
        color: #111; background: #fff; }
      body { max-width: 48em; margin: 0 auto; padding: 1em; }
      h1 { font-size: 1.8em; margin: 0 0 .3em; }
      h2 { font-size: 1.4em; margin: 1.6em 0 .6em; border-bottom: 2px solid #111; }
      h3 { font-size: 1.15em; margin: 1.4em 0 .4em; }
      h4 { font-size: 1em; margin: 1em 0 .3em; }
      table { border-collapse: collapse; margin: .4em 0 .8em; }
      th, td { border: 1px solid #888; padding: .2em .5em; text-align: left; vertical-align: top; }
      td.number { text-align: right; font-variant-numeric: tabular-nums; }
      caption { text-align: left; font-weight: bold; padding-bottom: .2em; }
      .text, .answer-text, .comment { white-space: pre-line; }
      .text { border-left: 3px solid #888; padding-left: .8em; margin: .6em 0; }
      .outcome { font-weight: bold; }
      .meta, .source-table { color: #444; }
      .notice { font-style: italic; }
      @media print {
        body { max-width: none; padding: 0; }
        h2 { break-before: page; }
        section.session:first-of-type h2 { break-before: auto; }
        h2, h3, h4, caption { break-after: avoid; }
        table, tr, li, .outcome { break-inside: avoid; }
        a { color: inherit; text-decoration: none; }
      }
      """;

  private final StringBuilder out = new StringBuilder();

  private HtmlRenderer() {}

  static String render(Report report) {
    HtmlRenderer html = new HtmlRenderer();
    html.report(report);
    return html.out.toString();
  }

  /** The text with &amp; &lt; &gt; &quot; and &#39; escaped; null becomes empty. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** Exactly what stands between {@code <style>} and {@code </style>}. */
  static String styleElementText() {
    return "\n" + STYLE;
  }

  private void report(Report report) {
    String name = report.assemblyName() != null ? report.assemblyName() : report.assembly();
    raw("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    raw("<meta http-equiv=\"Content-Security-Policy\" "
        + "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    raw("<title>");
    text(name + ": recommendations to the City Council");
    raw("</title>\n<style>" + styleElementText() + "</style>\n</head>\n<body>\n<header>\n<h1>");
    text(name);
    raw("</h1>\n");
    if (report.question() != null) {
      raw("<p><strong>The question:</strong> ");
      text(report.question());
      raw("</p>\n");
    }
    raw("<p class=\"meta\">Recommendations to the City Council. Generated ");
    text(Wording.generated(report.generatedAt()));
    raw(".</p>\n</header>\n<main>\n");
    int s = 0;
    for (SessionReport session : report.sessions()) {
      session(++s, session);
    }
    raw("</main>\n</body>\n</html>\n");
  }

  private void session(int s, SessionReport session) {
    raw("<section class=\"session\" aria-labelledby=\"s" + s + "\">\n<h2 id=\"s" + s + "\">");
    text(Wording.sessionTitle(session));
    raw("</h2>\n");
    if (!session.published()) {
      raw("<p class=\"notice\">This session's report is not published yet.</p>\n");
    }
    if (session.recommendations().isEmpty()) {
      raw("<p>No recommendations.</p>\n</section>\n");
      return;
    }
    raw("<table class=\"summary\">\n<caption>Summary</caption>\n<thead><tr>"
        + "<th scope=\"col\">#</th><th scope=\"col\">Recommendation</th>"
        + "<th scope=\"col\">Support</th><th scope=\"col\">Result</th></tr></thead>\n<tbody>\n");
    int n = 0;
    for (Recommendation r : session.recommendations()) {
      n++;
      FinalVoteResult vote = r.finalVote();
      raw("<tr><td class=\"number\">" + n + "</td><th scope=\"row\">");
      text(r.title());
      raw("</th><td class=\"number\">");
      text(vote == null ? "" : Wording.percent(vote.share()));
      raw("</td><td>");
      text(vote == null ? "not put to a final vote" : Wording.outcome(vote));
      raw("</td></tr>\n");
    }
    raw("</tbody>\n</table>\n");
    n = 0;
    for (Recommendation r : session.recommendations()) {
      recommendation(s, ++n, r);
    }
    raw("</section>\n");
  }

  private void recommendation(int s, int n, Recommendation r) {
    String id = "s" + s + "r" + n;
    raw("<article class=\"recommendation\" aria-labelledby=\"" + id + "\">\n<h3 id=\"" + id
        + "\">" + n + ". ");
    text(r.title());
    raw("</h3>\n<p class=\"meta\">");
    text("Draft " + r.draft());
    raw("</p>\n<div class=\"text\">");
    text(r.text());
    raw("</div>\n");
    finalVote(r.finalVote());
    raw("<h4>Where it came from</h4>\n");
    if (r.provenance().isEmpty()) {
      raw("<p>No source is shown.</p>\n");
    } else {
      raw("<ul class=\"provenance\">\n");
      for (Provenance source : r.provenance()) {
        raw("<li>");
        text(Wording.tableName(source.table(), source.tableName()) + ", "
            + Wording.kind(source) + ": ");
        raw("<q>");
        text(source.title());
        raw("</q></li>\n");
      }
      raw("</ul>\n");
    }
    tableVotes(r.tableVotes());
    comments("Comments for", r.commentsFor());
    comments("Comments against", r.commentsAgainst());
    raw("<h4>The City Council's answer</h4>\n");
    if (r.answer() == null) {
      raw("<p>No answer yet.</p>\n");
    } else {
      raw("<p class=\"outcome\">");
      String status = Wording.answerStatus(r.answer().status());
      text(status.isEmpty() ? status : Character.toUpperCase(status.charAt(0))
          + status.substring(1));
      if (r.answer().date() != null) {
        text(" (" + r.answer().date() + ")");
      }
      raw(".</p>\n");
      if (r.answer().text() != null) {
        raw("<p class=\"answer-text\">");
        text(r.answer().text());
        raw("</p>\n");
      }
    }
    raw("</article>\n");
  }

  private void finalVote(FinalVoteResult vote) {
    raw("<h4>Final vote</h4>\n");
    if (vote == null) {
      raw("<p>Not put to a final vote.</p>\n");
      return;
    }
    raw("<p class=\"outcome\">");
    text(Wording.finalSentence(vote));
    raw("</p>\n<table class=\"final-vote\">\n<caption>");
    text("Final vote " + vote.vote());
    raw("</caption>\n<tbody>\n");
    row("Support", Integer.toString(vote.support()));
    row("Oppose", Integer.toString(vote.oppose()));
    row("Abstain", Integer.toString(vote.abstain()));
    row("Ballots cast", Integer.toString(vote.ballots()));
    row("Electorate", Integer.toString(vote.electorate()));
    row("Share of support", Wording.percent(vote.share()));
    row("Threshold", Wording.percent(vote.threshold()));
    row("Result", Wording.outcome(vote));
    raw("</tbody>\n</table>\n");
  }

  private void row(String heading, String value) {
    raw("<tr><th scope=\"row\">");
    text(heading);
    raw("</th><td class=\"number\">");
    text(value);
    raw("</td></tr>\n");
  }

  private void tableVotes(List<TableVoteResult> votes) {
    if (votes.isEmpty()) {
      return;
    }
    raw("<h4>Table votes</h4>\n<table class=\"table-votes\">\n<thead><tr>"
        + "<th scope=\"col\">Table</th><th scope=\"col\">Vote</th><th scope=\"col\">Method</th>"
        + "<th scope=\"col\">Ballots</th><th scope=\"col\">Item</th>"
        + "<th scope=\"col\">Result</th></tr></thead>\n<tbody>\n");
    for (TableVoteResult vote : votes) {
      raw("<tr><th scope=\"row\">");
      text(Wording.tableName(vote.table(), vote.tableName()));
      raw("</th><td>");
      text(vote.vote());
      raw("</td><td>");
      text(Wording.method(vote));
      raw("</td><td class=\"number\">" + vote.ballots() + "</td><td>");
      text(Wording.item(new VoteItem(vote.item(), vote.itemTitle())));
      raw("</td><td>");
      text(Wording.figures(vote));
      raw("</td></tr>\n");
    }
    raw("</tbody>\n</table>\n");
    for (TableVoteResult vote : votes) {
      if (vote.ranking() != null) {
        String where = Wording.tableName(vote.table(), vote.tableName()) + ", vote "
            + vote.vote();
        order("Schulze order, " + where, vote.ranking().schulze());
        order("Borda order, " + where, vote.ranking().borda());
      }
    }
  }

  private void order(String heading, List<List<VoteItem>> order) {
    raw("<p>");
    text(heading + " (tied items joined by =):");
    raw("</p>\n<ol>\n");
    for (String group : Wording.groups(order)) {
      raw("<li>");
      text(group);
      raw("</li>\n");
    }
    raw("</ol>\n");
  }

  private void comments(String heading, List<TableComment> comments) {
    if (comments.isEmpty()) {
      return;
    }
    raw("<h4>");
    text(heading);
    raw("</h4>\n<ul>\n");
    for (TableComment comment : comments) {
      raw("<li><span class=\"comment\">");
      text(comment.text());
      raw("</span> <span class=\"source-table\">(");
      text(Wording.tableName(comment.table(), comment.tableName()));
      raw(")</span></li>\n");
    }
    raw("</ul>\n");
  }

  private void raw(String markup) {
    out.append(markup);
  }

  private void text(String text) {
    out.append(escape(text));
  }
}
