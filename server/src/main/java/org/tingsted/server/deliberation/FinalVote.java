package org.tingsted.server.deliberation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plenary's vote on draft recommendations, in which every member marks each draft support,
 * oppose or abstain. The drafts are fixed when the vote opens and cannot be changed while it is
 * open.
 *
 * @param threshold the share of the electorate a draft needs, e.g. 0.6667 for two thirds
 * @param electorate how many members are entitled to vote; shares are taken of this number
 * @param ballots each member's current marks, by member id, each in the vote's draft order
 * @param ballotCount how many members have voted; equals {@code ballots.size()} on the full
 *     board, and stays true in a viewer's copy from which other members' ballots were removed
 * @param result set when the vote closes, null while it is open
 */
public record FinalVote(
    String id,
    List<String> drafts,
    double threshold,
    int electorate,
    VoteStatus status,
    Map<String, Map<String, Choice>> ballots,
    int ballotCount,
    FinalResult result) {

  public FinalVote {
    drafts = Frozen.list(drafts);
    Map<String, Map<String, Choice>> copy = new LinkedHashMap<>();
    if (ballots != null) {
      ballots.forEach((member, choices) -> copy.put(member, Frozen.map(choices)));
    }
    ballots = Collections.unmodifiableMap(copy);
  }

  FinalVote withBallots(Map<String, Map<String, Choice>> newBallots, int newCount) {
    return new FinalVote(id, drafts, threshold, electorate, status, newBallots, newCount, result);
  }

  FinalVote closed(FinalResult newResult) {
    return new FinalVote(id, drafts, threshold, electorate, VoteStatus.CLOSED, ballots,
        ballotCount, newResult);
  }
}
