package org.tingsted.server.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tingsted.server.deliberation.AnswerStatus;

/**
 * The words and number formats the Markdown and HTML reports share, so that both say the same
 * thing. Numbers are written with a decimal point whatever the machine's locale.
 */
final class Wording {
  private Wording() {}

  /** A share from 0 to 1 as a percentage with one decimal: "66.7 %". */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  /** A number with four decimals: "0.6667". */
  static String fourDecimals(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String outcome(FinalVoteResult vote) {
    return vote.adopted() ? "adopted" : "not adopted";
  }

  /** "24 of 36 members (66.7 %) supported it; the threshold was 66.7 %: adopted." */
  static String finalSentence(FinalVoteResult vote) {
    return vote.support() + " of " + vote.electorate() + " members (" + percent(vote.share())
        + ") supported it; the threshold was " + percent(vote.threshold()) + ": "
        + outcome(vote) + ".";
  }

  static String answerStatus(AnswerStatus status) {
    return status == null ? "" : status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String generated(long at) {
    return Instant.ofEpochMilli(at).toString();
  }

  static String sessionTitle(SessionReport session) {
    String name = session.name() != null ? session.name() : session.session();
    return session.date() == null ? name : name + " — " + session.date();
  }

  static String tableName(String table, String tableName) {
    return tableName != null ? tableName : "table " + table;
  }

  /** What a provenance entry is: "proposal p1" or "cluster k1". */
  static String kind(Provenance source) {
    return source.proposal() != null
        ? "proposal " + source.proposal()
        : "cluster " + source.cluster();
  }

  static String item(VoteItem item) {
    return item.title() != null ? item.title() : "(" + item.item() + ", not shown)";
  }

  /** An order's groups, best first, tied items joined by " = ". */
  static List<String> groups(List<List<VoteItem>> order) {
    List<String> lines = new ArrayList<>();
    for (List<VoteItem> group : order) {
      List<String> names = new ArrayList<>();
      for (VoteItem item : group) {
        names.add(item(item));
      }
      lines.add(String.join(" = ", names));
    }
    return lines;
  }

  /** The item's own figures in one line, e.g. "10 dots; rank 1 (tied)". */
  static String figures(TableVoteResult vote) {
    if (vote.dots() != null) {
      DotsResult dots = vote.dots();
      return dots.dots() + " dots; rank " + dots.rank() + tied(dots.order(), dots.rank());
    }
    if (vote.ranking() != null) {
      RankingResult ranking = vote.ranking();
      return "Schulze rank " + ranking.schulzeRank() + tied(ranking.schulze(),
          ranking.schulzeRank()) + "; Borda rank " + ranking.bordaRank()
          + tied(ranking.borda(), ranking.bordaRank()) + ", " + ranking.bordaScore()
          + " points";
    }
    if (vote.scale() != null) {
      ScaleResult scale = vote.scale();
      List<String> counts = new ArrayList<>();
      for (int i = 0; i < scale.distribution().size(); i++) {
        counts.add((i + 1) + ": " + scale.distribution().get(i));
      }
      return "mean " + oneDecimal(scale.mean()) + "; " + percent(scale.shareAgreeing())
          + " agree (4 or 5); " + scale.ratings() + " ratings (" + String.join(", ", counts)
          + ")";
    }
    return "";
  }

  static String method(TableVoteResult vote) {
    return vote.method() == null ? "" : vote.method().name().toLowerCase(Locale.ROOT);
  }

  private static String tied(List<List<VoteItem>> order, int rank) {
    return rank >= 1 && rank <= order.size() && order.get(rank - 1).size() > 1 ? " (tied)" : "";
  }
}
