package org.tingsted.server.report;

import java.util.List;

/**
 * The report as Markdown. People's words (members' titles, texts and comments, the names of the
 * assembly, its sessions, tables and groups, the Council's answers) are escaped by {@link
 * MarkdownText}, so that a renderer shows them as text and never as markup; line breaks in a
 * heading or a table cell become spaces. A recommendation's own text is a block quote, so its
 * lines stay inside it; a comment's further lines are indented under its list item.
 */
final class MarkdownRenderer {
  private final StringBuilder out = new StringBuilder();
  private final Wording say;

  private MarkdownRenderer(Wording say) {
    this.say = say;
  }

  static String render(Report report, ReportLanguage language) {
    MarkdownRenderer md = new MarkdownRenderer(Wording.of(language, MarkdownText::escape));
    md.report(report);
    return md.out.toString();
  }

  private void report(Report report) {
    line("# " + oneLine(say.title(report)));
    line("");
    if (report.question() != null) {
      line("**" + say.say("question") + "** " + oneLine(theirs(report.question())));
      line("");
    }
    line(say.generated(report.generatedAt()));
    for (SessionReport session : report.sessions()) {
      session(session);
    }
  }

  private void session(SessionReport session) {
    line("");
    line("## " + oneLine(say.sessionTitle(session)));
    line("");
    if (!session.published()) {
      line("*" + say.say("session.notPublished") + "*");
      line("");
    }
    if (session.recommendations().isEmpty()) {
      line(say.say("session.none"));
      return;
    }
    line("| " + say.say("summary.number") + " | " + say.say("summary.recommendation") + " | "
        + say.say("summary.support") + " | " + say.say("summary.result") + " |");
    line("|---:|---|---:|---|");
    int n = 0;
    for (Recommendation r : session.recommendations()) {
      n++;
      FinalVoteResult vote = r.finalVote();
      line("| " + n + " | " + cell(r.title()) + " | "
          + (vote == null ? "" : say.percent(vote.share())) + " | " + say.outcome(vote) + " |");
    }
    n = 0;
    for (Recommendation r : session.recommendations()) {
      recommendation(++n, r);
    }
  }

  private void recommendation(int n, Recommendation r) {
    line("");
    line("### " + n + ". " + oneLine(theirs(r.title())));
    line("");
    for (String textLine : lines(theirs(r.text()))) {
      line(textLine.isEmpty() ? ">" : "> " + textLine);
    }
    finalVote(r.finalVote());
    line("");
    line("**" + say.say("sources.heading") + "**");
    line("");
    if (r.provenance().isEmpty()) {
      line(say.say("sources.none"));
    }
    for (Provenance source : r.provenance()) {
      item(0, say.source(source));
      if (source.proposal() != null) {
        evidence(1, r, source.table(), source.proposal());
      } else {
        votes(1, r.votesOn(source.table(), source.cluster()));
        item(1, say.say(source.proposals().isEmpty() ? "source.clusterEmpty"
            : "source.clusterProposals"));
        for (VoteItem proposal : source.proposals()) {
          item(2, say.proposal(proposal));
          evidence(3, r, source.table(), proposal.item());
        }
      }
    }
    line("");
    line("**" + say.say("answer.heading") + "**");
    line("");
    if (r.answer() == null) {
      line(say.say("answer.none"));
    } else {
      line(oneLine(say.answer(r.answer())));
      if (r.answer().text() != null) {
        line("");
        for (String textLine : lines(theirs(r.answer().text()))) {
          line(textLine.isEmpty() ? ">" : "> " + textLine);
        }
      }
    }
  }

  private void evidence(int depth, Recommendation r, String table, String proposal) {
    votes(depth, r.votesOn(table, proposal));
    comments(depth, say.say("comments.for"), Recommendation.on(r.commentsFor(), table, proposal));
    comments(depth, say.say("comments.against"),
        Recommendation.on(r.commentsAgainst(), table, proposal));
  }

  private void votes(int depth, List<TableVoteResult> votes) {
    for (TableVoteResult vote : votes) {
      item(depth, say.voteLine(vote));
      for (String order : say.orders(vote)) {
        item(depth + 1, order);
      }
    }
  }

  private void comments(int depth, String heading, List<TableComment> comments) {
    if (comments.isEmpty()) {
      return;
    }
    item(depth, heading);
    for (TableComment comment : comments) {
      item(depth + 1, theirs(comment.text()));
    }
  }

  private void finalVote(FinalVoteResult vote) {
    line("");
    if (vote == null) {
      line("**" + say.say("final.heading") + ":** " + say.say("final.none"));
      return;
    }
    line("**" + oneLine(say.finalCaption(vote)) + ":** " + say.finalSentence(vote));
    line("");
    StringBuilder head = new StringBuilder("|");
    StringBuilder rule = new StringBuilder("|");
    for (String column : HtmlRenderer.FINAL_COLUMNS) {
      head.append(' ').append(say.say(column)).append(" |");
      rule.append("---:|");
    }
    line(head.toString());
    line(rule.toString());
    line("| " + vote.support() + " | " + vote.oppose() + " | " + vote.abstain() + " | "
        + vote.ballots() + " | " + vote.electorate() + " | " + say.percent(vote.share()) + " | "
        + say.percent(vote.threshold()) + " |");
  }

  /** A list item at a depth (two spaces each); its further lines are indented under it. */
  private void item(int depth, String text) {
    String indent = "  ".repeat(depth);
    List<String> textLines = lines(text);
    for (int i = 0; i < textLines.size(); i++) {
      line(indent + (i == 0 ? "- " : "  ") + textLines.get(i));
    }
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private static List<String> lines(String text) {
    return text == null ? List.of("") : List.of(text.split("\r\n|\r|\n", -1));
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*(\r\n|\r|\n)\\s*", " ");
  }

  /** A table cell: people's words on one line; their "|" is escaped already. */
  private String cell(String text) {
    return oneLine(theirs(text));
  }

  private String theirs(String text) {
    return say.theirs(text);
  }
}
