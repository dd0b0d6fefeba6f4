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
      body { max-width: 48em; margin: 0 auto; padding: 1em; overflow-wrap: break-word; }
      h1 { font-size: 1.8em; margin: 0 0 .3em; }
      h2 { font-size: 1.4em; margin: 1.6em 0 .6em; border-bottom: 2px solid #111; }
      h3 { font-size: 1.15em; margin: 1.4em 0 .4em; }
      h4 { font-size: 1em; margin: 1em 0 .3em; }
      table { border-collapse: collapse; margin: .4em 0 .8em; }
      th, td { border: 1px solid #888; padding: .2em .5em; text-align: left; vertical-align: top; }
      td.number { text-align: right; font-variant-numeric: tabular-nums; }
      .summary th[scope="row"] { overflow-wrap: anywhere; }
      caption { text-align: left; font-weight: bold; padding-bottom: .2em; }
      .text, .answer-text, .comment { white-space: pre-line; }
      .text { border-left: 3px solid #888; padding-left: .8em; margin: .6em 0; }
      .outcome { font-weight: bold; }
      .meta { color: #444; }
      .source-name, .proposal-name { margin: .2em 0; font-weight: bold; }
      .comments-heading { margin: .3em 0 0; font-style: italic; }
      ul.provenance > li { margin-bottom: .8em; }
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

  /** The final vote's figures, one column each. */
  static final List<String> FINAL_COLUMNS = List.of("final.support", "final.oppose",
      "final.abstain", "final.ballots", "final.electorate", "final.share", "final.threshold");

  private final StringBuilder out = new StringBuilder();
  private final Wording say;

  private HtmlRenderer(Wording say) {
    this.say = say;
  }

  static String render(Report report, ReportLanguage language) {
    HtmlRenderer html = new HtmlRenderer(Wording.of(language));
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
    raw("<!doctype html>\n<html lang=\"" + say.language().code() + "\">\n<head>\n"
        + "<meta charset=\"utf-8\">\n");
    raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    raw("<meta http-equiv=\"Content-Security-Policy\" "
        + "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    raw("<title>");
    text(say.title(report));
    raw("</title>\n<style>" + styleElementText() + "</style>\n</head>\n<body>\n<header>\n<h1>");
    text(say.title(report));
    raw("</h1>\n");
    if (report.question() != null) {
      raw("<p><strong>");
      text(say.say("question"));
      raw("</strong> ");
      text(report.question());
      raw("</p>\n");
    }
    raw("<p class=\"meta\">");
    text(say.generated(report.generatedAt()));
    raw("</p>\n</header>\n<main>\n");
    int s = 0;
    for (SessionReport session : report.sessions()) {
      session(++s, session);
    }
    raw("</main>\n</body>\n</html>\n");
  }

  private void session(int s, SessionReport session) {
    raw("<section class=\"session\" aria-labelledby=\"session-" + s + "\">\n"
        + "<h2 id=\"session-" + s + "\">");
    text(say.sessionTitle(session));
    raw("</h2>\n");
    if (!session.published()) {
      raw("<p class=\"notice\">");
      text(say.say("session.notPublished"));
      raw("</p>\n");
    }
    if (session.recommendations().isEmpty()) {
      raw("<p>");
      text(say.say("session.none"));
      raw("</p>\n</section>\n");
      return;
    }
    raw("<table class=\"summary\">\n<caption>");
    text(say.say("summary.caption"));
    raw("</caption>\n<thead><tr>");
    for (String column : List.of("summary.number", "summary.recommendation", "summary.support",
        "summary.result")) {
      raw("<th scope=\"col\">");
      text(say.say(column));
      raw("</th>");
    }
    raw("</tr></thead>\n<tbody>\n");
    int n = 0;
    for (Recommendation r : session.recommendations()) {
      n++;
      FinalVoteResult vote = r.finalVote();
      raw("<tr><td class=\"number\">" + n + "</td><th scope=\"row\">");
      text(r.title());
      raw("</th><td class=\"number\">");
      text(vote == null ? "" : say.percent(vote.share()));
      raw("</td><td>");
      text(say.outcome(vote));
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
    String id = "rec-" + s + "-" + n;
    raw("<article class=\"recommendation\" aria-labelledby=\"" + id + "\">\n<h3 id=\"" + id
        + "\">" + n + ". ");
    text(r.title());
    raw("</h3>\n<div class=\"text\">");
    text(r.text());
    raw("</div>\n");
    finalVote(r.finalVote());
    heading(say.say("sources.heading"));
    if (r.provenance().isEmpty()) {
      paragraph(say.say("sources.none"));
    } else {
      raw("<ul class=\"provenance\">\n");
      for (Provenance source : r.provenance()) {
        source(r, source);
      }
      raw("</ul>\n");
    }
    heading(say.say("answer.heading"));
    if (r.answer() == null) {
      paragraph(say.say("answer.none"));
    } else {
      raw("<p class=\"outcome\">");
      text(say.answer(r.answer()));
      raw("</p>\n");
      if (r.answer().text() != null) {
        raw("<p class=\"answer-text\">");
        text(r.answer().text());
        raw("</p>\n");
      }
    }
    raw("</article>\n");
  }

  /** A source, its table's votes on it, and for a cluster each proposal with its evidence. */
  private void source(Recommendation r, Provenance source) {
    raw("<li class=\"source\"><p class=\"source-name\">");
    text(say.source(source));
    raw("</p>\n");
    if (source.proposal() != null) {
      evidence(r, source.table(), source.proposal());
    } else {
      votes(r.votesOn(source.table(), source.cluster()));
      raw("<p>");
      text(say.say(source.proposals().isEmpty() ? "source.clusterEmpty"
          : "source.clusterProposals"));
      raw("</p>\n");
      if (!source.proposals().isEmpty()) {
        raw("<ul class=\"cluster-proposals\">\n");
        for (VoteItem proposal : source.proposals()) {
          raw("<li><p class=\"proposal-name\">");
          text(say.proposal(proposal));
          raw("</p>\n");
          evidence(r, source.table(), proposal.item());
          raw("</li>\n");
        }
        raw("</ul>\n");
      }
    }
    raw("</li>\n");
  }

  /** One proposal's table votes and its comments for and against. */
  private void evidence(Recommendation r, String table, String proposal) {
    votes(r.votesOn(table, proposal));
    comments(say.say("comments.for"), Recommendation.on(r.commentsFor(), table, proposal));
    comments(say.say("comments.against"),
        Recommendation.on(r.commentsAgainst(), table, proposal));
  }

  private void votes(List<TableVoteResult> votes) {
    if (votes.isEmpty()) {
      return;
    }
    raw("<ul class=\"table-votes\">\n");
    for (TableVoteResult vote : votes) {
      raw("<li>");
      text(say.voteLine(vote));
      for (String order : say.orders(vote)) {
        raw("<br>");
        text(order);
      }
      raw("</li>\n");
    }
    raw("</ul>\n");
  }

  private void finalVote(FinalVoteResult vote) {
    if (vote == null) {
      heading(say.say("final.heading"));
      paragraph(say.say("final.none"));
      return;
    }
    heading(say.finalCaption(vote));
    raw("<p class=\"outcome\">");
    text(say.finalSentence(vote));
    raw("</p>\n<table class=\"final-vote\">\n<caption>");
    text(say.say("final.votes"));
    raw("</caption>\n<thead><tr>");
    for (String column : FINAL_COLUMNS) {
      raw("<th scope=\"col\">");
      text(say.say(column));
      raw("</th>");
    }
    raw("</tr></thead>\n<tbody><tr>");
    for (String value : List.of(Integer.toString(vote.support()), Integer.toString(vote.oppose()),
        Integer.toString(vote.abstain()), Integer.toString(vote.ballots()),
        Integer.toString(vote.electorate()), say.percent(vote.share()),
        say.percent(vote.threshold()))) {
      raw("<td class=\"number\">");
      text(value);
      raw("</td>");
    }
    raw("</tr></tbody>\n</table>\n");
  }

  private void comments(String heading, List<TableComment> comments) {
    if (comments.isEmpty()) {
      return;
    }
    raw("<p class=\"comments-heading\">");
    text(heading);
    raw("</p>\n<ul class=\"comments\">\n");
    for (TableComment comment : comments) {
      raw("<li class=\"comment\">");
      text(comment.text());
      raw("</li>\n");
    }
    raw("</ul>\n");
  }

  private void heading(String heading) {
    raw("<h4>");
    text(heading);
    raw("</h4>\n");
  }

  private void paragraph(String words) {
    raw("<p>");
    text(words);
    raw("</p>\n");
  }

  private void raw(String markup) {
    out.append(markup);
  }

  private void text(String text) {
    out.append(escape(text));
  }
}
