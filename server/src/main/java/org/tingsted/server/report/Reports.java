package org.tingsted.server.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Cluster;
import org.tingsted.server.deliberation.Comment;
import org.tingsted.server.deliberation.CommentKind;
import org.tingsted.server.deliberation.Draft;
import org.tingsted.server.deliberation.DraftStatus;
import org.tingsted.server.deliberation.DraftSupport;
import org.tingsted.server.deliberation.FinalVote;
import org.tingsted.server.deliberation.Proposal;
import org.tingsted.server.deliberation.ProposalStatus;
import org.tingsted.server.deliberation.RankingTally;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.ScaleTally;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.Source;
import org.tingsted.server.deliberation.Visibility;
import org.tingsted.server.deliberation.Vote;
import org.tingsted.server.deliberation.VoteResult;
import org.tingsted.server.deliberation.VoteStatus;

/**
 * Makes the assembly's report and renders it as CSV, Markdown or a printable HTML page.
 *
 * <p>What goes in:
 *
 * <ul>
 *   <li>Every {@link DraftStatus#OPEN open} draft of a session is a recommendation, whether or
 *       not it was put to a final vote. Merged drafts are left out: their sources, and so their
 *       table votes and comments, live on in the draft they were merged into. Withdrawn drafts
 *       appear nowhere.
 *   <li>A recommendation's final result is its line in the <em>last</em> closed final vote that
 *       listed it, since a draft that was not adopted may be revised and voted on again.
 *   <li>Its table votes are the closed votes at its source tables that had one of its sources (a
 *       proposal or a cluster, as such) among their items, and for a cluster source also those
 *       that had one of the cluster's proposals: a table often votes on proposals before it
 *       groups them. Votes that are still open show nothing.
 *   <li>Comments for and against are the support and concern comments (replies included) on its
 *       source proposals, and for a cluster source on the proposals now in that cluster.
 *       Questions and other comments are left out.
 *   <li>The tables' boards are read as an observer sees them: a hidden proposal and its comments,
 *       a hidden comment and its replies never appear. A hidden proposal that was a vote's item
 *       stays in the vote's orders, by id, with no title.
 * </ul>
 *
 * <p>Recommendations are ordered by their final share of support, highest first; those never in
 * a closed final vote come after all that were. Equal shares are ordered by draft id, in the
 * order the drafts were made (d2 before d10).
 */
public final class Reports {

  /** Whoever reads the boards for the report sees what an observer sees. */
  private static final Actor READER = new Actor("", Role.OBSERVER);

  /** Highest share first, never voted last, then by the number in the draft's id. */
  static final Comparator<Recommendation> ORDER = Comparator
      .comparingDouble((Recommendation r) -> r.finalVote() == null ? -1 : r.finalVote().share())
      .reversed()
      .thenComparing(Recommendation::draft, Reports::compareIds);

  private Reports() {}

  /**
   * The report of an assembly's sessions.
   *
   * @param generatedAt when the report is made, in milliseconds since the epoch
   */
  public static Report build(ReportInput in, long generatedAt) {
    List<SessionReport> sessions = new ArrayList<>();
    for (SessionInput session : in.sessions()) {
      if (session != null) {
        sessions.add(session(session));
      }
    }
    return new Report(in.assembly(), in.assemblyName(), in.question(), generatedAt, sessions);
  }

  /**
   * One CSV cell as the report writes them: quoted when needed, and with a ' before whatever a
   * spreadsheet would take for a formula; for other exports that people open in a spreadsheet.
   */
  public static String csvCell(String value) {
    return CsvRenderer.field(value == null ? "" : value);
  }

  /**
   * The report as CSV (RFC 4180): a header row, then one row per recommendation, lines ended
   * with CRLF. Serve it as {@code text/csv; charset=utf-8; header=present}. Spreadsheet programs
   * that guess the encoding need a byte order mark (U+FEFF) in front to read æ, ø and å right;
   * this text has none, so that other readers get the header's first name clean.
   */
  public static String csv(Report report, ReportLanguage language) {
    return CsvRenderer.render(report, language);
  }

  /**
   * The report as Markdown: a heading per session and a section per recommendation, in the
   * language given. Members' words are kept as they are, so render this to HTML only with raw
   * HTML turned off.
   */
  public static String markdown(Report report, ReportLanguage language) {
    return MarkdownRenderer.render(report, language);
  }

  /** The text of the one {@code <style>} element of {@link #html} pages, for a CSP hash. */
  public static String htmlStyle() {
    return HtmlRenderer.styleElementText();
  }

  /**
   * The report as a complete, printable HTML page (A4), with no script and nothing loaded from
   * elsewhere. Every text that people wrote is escaped.
   */
  public static String html(Report report, ReportLanguage language) {
    return HtmlRenderer.render(report, language);
  }

  private static SessionReport session(SessionInput in) {
    SessionBoard plenary = in.plenary() == null ? SessionBoard.empty(in.session()) : in.plenary();
    Map<String, TableView> tables = new LinkedHashMap<>();
    for (TableInput table : in.tables()) {
      if (table != null && table.table() != null) {
        tables.put(table.table(), new TableView(table));
      }
    }
    List<Recommendation> recommendations = new ArrayList<>();
    for (Draft draft : plenary.drafts().values()) {
      if (draft.status() == DraftStatus.OPEN) {
        recommendations.add(recommendation(draft, plenary, tables));
      }
    }
    recommendations.sort(ORDER);
    return new SessionReport(in.session(), in.name(), in.date(), plenary.reportPublished(),
        recommendations);
  }

  private static Recommendation recommendation(
      Draft draft, SessionBoard plenary, Map<String, TableView> tables) {
    List<Provenance> provenance = new ArrayList<>();
    List<TableVoteResult> tableVotes = new ArrayList<>();
    Set<String> seenVotes = new LinkedHashSet<>();
    Set<String> seenComments = new LinkedHashSet<>();
    List<TableComment> commentsFor = new ArrayList<>();
    List<TableComment> commentsAgainst = new ArrayList<>();
    for (Source source : draft.sources()) {
      TableView table = tables.get(source.table());
      if (table != null && table.hides(source.proposal())) {
        continue;
      }
      String tableName = table == null ? null : table.name;
      Set<String> proposals = table == null ? Set.of() : table.proposalsOf(source);
      List<VoteItem> members = new ArrayList<>();
      if (source.cluster() != null) {
        for (String proposal : proposals) {
          members.add(new VoteItem(proposal, table.title(proposal)));
        }
      }
      provenance.add(new Provenance(source.table(), tableName, source.proposal(),
          source.cluster(), source.title(), source.text(), members));
      if (table == null) {
        continue;
      }
      // The source itself, then (for a cluster) each of its proposals, as items of the votes.
      List<String> items = new ArrayList<>();
      items.add(source.proposal() != null ? source.proposal() : source.cluster());
      if (source.cluster() != null) {
        items.addAll(proposals);
      }
      for (String item : items) {
        for (Vote vote : table.full.votes().values()) {
          if (vote.status() == VoteStatus.CLOSED && vote.result() != null
              && vote.items().contains(item)
              && seenVotes.add(source.table() + "\n" + vote.id() + "\n" + item)) {
            tableVotes.add(tableVote(table, vote, item));
          }
        }
      }
      for (Comment comment : table.shown.comments().values()) {
        if (!proposals.contains(comment.proposal())
            || !seenComments.add(source.table() + "\n" + comment.id())) {
          continue;
        }
        TableComment shown =
            new TableComment(source.table(), tableName, comment.proposal(), comment.text());
        if (comment.kind() == CommentKind.SUPPORT) {
          commentsFor.add(shown);
        } else if (comment.kind() == CommentKind.CONCERN) {
          commentsAgainst.add(shown);
        }
      }
    }
    return new Recommendation(draft.id(), draft.title(), draft.text(), draft.status(),
        provenance, finalVote(draft, plenary), tableVotes, commentsFor, commentsAgainst,
        draft.answer());
  }

  private static FinalVoteResult finalVote(Draft draft, SessionBoard plenary) {
    FinalVote last = null;
    for (FinalVote vote : plenary.finalVotes().values()) {
      if (vote.status() == VoteStatus.CLOSED && vote.result() != null
          && vote.drafts().contains(draft.id())) {
        last = vote;
      }
    }
    if (last == null) {
      return null;
    }
    for (DraftSupport line : last.result().drafts()) {
      if (line.draft().equals(draft.id())) {
        return new FinalVoteResult(last.id(), last.result().electorate(),
            last.result().ballots(), line.support(), line.oppose(), line.abstain(),
            line.share(), last.result().threshold(), line.adopted());
      }
    }
    return null;
  }

  private static TableVoteResult tableVote(TableView table, Vote vote, String item) {
    VoteResult result = vote.result();
    DotsResult dots = null;
    RankingResult ranking = null;
    ScaleResult scale = null;
    switch (result.method()) {
      case DOTS:
        if (result.dots() != null) {
          dots = new DotsResult(result.dots().totals().getOrDefault(item, 0),
              rank(result.dots().order(), item), table.items(result.dots().order()));
        }
        break;
      case RANKING:
        RankingTally tally = result.ranking();
        if (tally != null) {
          ranking = new RankingResult(rank(tally.schulze(), item), rank(tally.borda(), item),
              tally.bordaScores().getOrDefault(item, 0), table.items(tally.schulze()),
              table.items(tally.borda()));
        }
        break;
      default:
        if (result.scale() != null) {
          for (ScaleTally line : result.scale()) {
            if (item.equals(line.item())) {
              scale = new ScaleResult(line.ballots(), line.distribution(), line.mean(),
                  line.shareAgreeing());
            }
          }
        }
        break;
    }
    return new TableVoteResult(table.id, table.name, vote.id(), result.method(),
        result.ballots(), item, table.title(item), dots, ranking, scale);
  }

  /** The 1-based place of the group holding {@code item}, or 0 when no group holds it. */
  private static int rank(List<List<String>> order, String item) {
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).contains(item)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Orders ids such as "d9" and "d10" by length first, which is by number for one prefix. */
  private static int compareIds(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  /** One table's board, in full and as an observer sees it. */
  private static final class TableView {
    final String id;
    final String name;
    final Board full;
    final Board shown;

    TableView(TableInput in) {
      id = in.table();
      name = in.name();
      full = in.board() == null ? Board.empty(in.table()) : in.board();
      shown = Visibility.boardFor(full, READER);
    }

    boolean hides(String proposal) {
      Proposal p = proposal == null ? null : full.proposals().get(proposal);
      return p != null && p.status() == ProposalStatus.HIDDEN;
    }

    /** The proposals a source stands for: itself, or the shown proposals of its cluster. */
    Set<String> proposalsOf(Source source) {
      if (source.proposal() != null) {
        return Set.of(source.proposal());
      }
      Cluster cluster = source.cluster() == null ? null : shown.clusters().get(source.cluster());
      return cluster == null ? Set.of() : new LinkedHashSet<>(cluster.proposals());
    }

    String title(String item) {
      Proposal proposal = shown.proposals().get(item);
      if (proposal != null) {
        return proposal.title();
      }
      Cluster cluster = shown.clusters().get(item);
      return cluster == null ? null : cluster.name();
    }

    List<List<VoteItem>> items(List<List<String>> order) {
      List<List<VoteItem>> groups = new ArrayList<>();
      for (List<String> group : order) {
        List<VoteItem> items = new ArrayList<>();
        for (String item : group) {
          items.add(new VoteItem(item, title(item)));
        }
        groups.add(items);
      }
      return groups;
    }
  }
}
