package org.tingsted.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tingsted.server.deliberation.Answer;
import org.tingsted.server.deliberation.DraftStatus;

/**
 * One draft recommendation with everything the City Council should know about it.
 *
 * @param draft the draft's id in its session ("d3")
 * @param status always {@link DraftStatus#OPEN}: merged drafts live on in the draft they went
 *     into, and withdrawn drafts are not in the report
 * @param provenance the tables' proposals and clusters it grew from, in the draft's order; a
 *     proposal a facilitator has hidden since is left out
 * @param finalVote how it fared in the last closed final vote that listed it, or null when it
 *     was never in one
 * @param tableVotes its sources' results in the tables' closed votes: one entry per source that
 *     was an item of a vote, by source and then in the order the votes were opened
 * @param commentsFor members' support for its source proposals (for a cluster: the cluster's
 *     proposals), without authors
 * @param commentsAgainst members' concerns about them, likewise
 * @param answer the City Council's answer, or null until it is recorded
 */
public record Recommendation(
    String draft,
    String title,
    String text,
    DraftStatus status,
    List<Provenance> provenance,
    FinalVoteResult finalVote,
    List<TableVoteResult> tableVotes,
    List<TableComment> commentsFor,
    List<TableComment> commentsAgainst,
    Answer answer) {
  public Recommendation {
    provenance = Copies.list(provenance);
    tableVotes = Copies.list(tableVotes);
    commentsFor = Copies.list(commentsFor);
    commentsAgainst = Copies.list(commentsAgainst);
  }

  /** Its table votes on one item (a proposal or a cluster) of one table, in order. */
  public List<TableVoteResult> votesOn(String table, String item) {
    List<TableVoteResult> on = new ArrayList<>();
    for (TableVoteResult vote : tableVotes) {
      if (Objects.equals(vote.table(), table) && Objects.equals(vote.item(), item)) {
        on.add(vote);
      }
    }
    return on;
  }

  /** The comments of {@code comments} (for or against) on one proposal of one table. */
  public static List<TableComment> on(List<TableComment> comments, String table, String proposal) {
    List<TableComment> on = new ArrayList<>();
    for (TableComment comment : comments) {
      if (Objects.equals(comment.table(), table) && Objects.equals(comment.proposal(), proposal)) {
        on.add(comment);
      }
    }
    return on;
  }
}
