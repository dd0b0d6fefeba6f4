package org.tingsted.server.report;

import java.util.List;

/**
 * The report as Markdown. Members' words are written as they are; what would break the page's
 * structure is contained: line breaks in a heading, a list item or a table cell, and a "|" in a
 * table cell. A recommendation's own text is a block quote, so its lines stay inside it.
 */
final class MarkdownRenderer {
  private final StringBuilder out = new StringBuilder();

  private MarkdownRenderer() {}

  static String render(Report report) {
    MarkdownRenderer md = new MarkdownRenderer();
    md.report(report);
    return md.out.toString();
  }

  private void report(Report report) {
    line("# " + oneLine(report.assemblyName() != null ? report.assemblyName()
        : report.assembly()) + ": recommendations to the City Council");
    line("");
    if (report.question() != null) {
      line("**The question:** " + oneLine(report.question()));
      line("");
    }
    line("Generated " + Wording.generated(report.generatedAt()) + ".");
    for (SessionReport session : report.sessions()) {
      session(session);
    }
  }

  private void session(SessionReport session) {
    line("");
    line("## " + oneLine(Wording.sessionTitle(session)));
    line("");
    if (!session.published()) {
      line("*This session's report is not published yet.*");
      line("");
    }
    if (session.recommendations().isEmpty()) {
      line("No recommendations.");
      return;
    }
    line("| # | Recommendation | Support | Result |");
    line("|---:|---|---:|---|");
    int n = 0;
    for (Recommendation r : session.recommendations()) {
      n++;
      FinalVoteResult vote = r.finalVote();
      line("| " + n + " | " + cell(r.title()) + " | "
          + (vote == null ? "" : Wording.percent(vote.share())) + " | "
          + (vote == null ? "not put to a final vote" : Wording.outcome(vote)) + " |");
    }
    n = 0;
    for (Recommendation r : session.recommendations()) {
      recommendation(++n, r);
    }
  }

  private void recommendation(int n, Recommendation r) {
    line("");
    line("### " + n + ". " + oneLine(r.title()));
    line("");
    line("Draft " + oneLine(r.draft()) + ".");
    line("");
    for (String textLine : lines(r.text())) {
      line(textLine.isEmpty() ? ">" : "> " + textLine);
    }
    finalVote(r.finalVote());
    line("");
    line("**Where it came from**");
    line("");
    if (r.provenance().isEmpty()) {
      line("No source is shown.");
    }
    for (Provenance source : r.provenance()) {
      line("- " + oneLine(Wording.tableName(source.table(), source.tableName())) + ", "
          + Wording.kind(source) + ": " + oneLine(source.title()));
    }
    tableVotes(r.tableVotes());
    comments("Comments for", r.commentsFor());
    comments("Comments against", r.commentsAgainst());
    line("");
    line("**The City Council's answer**");
    line("");
    if (r.answer() == null) {
      line("No answer yet.");
    } else {
      line(capitalised(Wording.answerStatus(r.answer().status()))
          + (r.answer().date() == null ? "" : " (" + oneLine(r.answer().date()) + ")") + ".");
      if (r.answer().text() != null) {
        line("");
        for (String textLine : lines(r.answer().text())) {
          line(textLine.isEmpty() ? ">" : "> " + textLine);
        }
      }
    }
  }

  private void finalVote(FinalVoteResult vote) {
    line("");
    if (vote == null) {
      line("**Final vote:** not put to a final vote.");
      return;
    }
    line("**Final vote " + oneLine(vote.vote()) + ":** " + Wording.finalSentence(vote));
    line("");
    line("| Final vote | |");
    line("|---|---:|");
    line("| Support | " + vote.support() + " |");
    line("| Oppose | " + vote.oppose() + " |");
    line("| Abstain | " + vote.abstain() + " |");
    line("| Ballots cast | " + vote.ballots() + " |");
    line("| Electorate | " + vote.electorate() + " |");
    line("| Share of support | " + Wording.percent(vote.share()) + " |");
    line("| Threshold | " + Wording.percent(vote.threshold()) + " |");
    line("| Result | " + Wording.outcome(vote) + " |");
  }

  private void tableVotes(List<TableVoteResult> votes) {
    if (votes.isEmpty()) {
      return;
    }
    line("");
    line("**Table votes**");
    line("");
    line("| Table | Vote | Method | Ballots | Item | Result |");
    line("|---|---|---|---:|---|---|");
    for (TableVoteResult vote : votes) {
      line("| " + cell(Wording.tableName(vote.table(), vote.tableName())) + " | "
          + cell(vote.vote()) + " | " + Wording.method(vote) + " | " + vote.ballots() + " | "
          + cell(Wording.item(new VoteItem(vote.item(), vote.itemTitle()))) + " | "
          + cell(Wording.figures(vote)) + " |");
    }
    for (TableVoteResult vote : votes) {
      if (vote.ranking() != null) {
        String where = oneLine(Wording.tableName(vote.table(), vote.tableName())) + ", vote "
            + oneLine(vote.vote());
        order("Schulze order, " + where, vote.ranking().schulze());
        order("Borda order, " + where, vote.ranking().borda());
      }
    }
  }

  private void order(String heading, List<List<VoteItem>> order) {
    line("");
    line(heading + " (tied items joined by =):");
    line("");
    int place = 0;
    for (String group : Wording.groups(order)) {
      line(++place + ". " + oneLine(group));
    }
  }

  private void comments(String heading, List<TableComment> comments) {
    if (comments.isEmpty()) {
      return;
    }
    line("");
    line("**" + heading + "**");
    line("");
    for (TableComment comment : comments) {
      List<String> textLines = lines(comment.text());
      for (int i = 0; i < textLines.size(); i++) {
        line((i == 0 ? "- " : "  ") + textLines.get(i));
      }
      line("  (" + oneLine(Wording.tableName(comment.table(), comment.tableName())) + ")");
    }
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : List.of(text.split("\r\n|\r|\n", -1));
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*(\r\n|\r|\n)\\s*", " ");
  }

  private static String cell(String text) {
    return oneLine(text).replace("|", "\\|");
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
