package org.tingsted.server.deliberation;

import java.util.List;
import java.util.Map;

/**
 * A vote on some proposals and clusters. The items are fixed when the vote opens: a proposal
 * withdrawn or hidden later stays on the ballot, since members may already have voted on it.
 *
 * @param ballots each member's current ballot, by member id
 * @param ballotCount how many members have voted; equals {@code ballots.size()} on the full
 *     board, and stays true in a viewer's copy from which other members' ballots were removed
 * @param result set when the vote closes, null while it is open
 * @param published whether a facilitator has shown the result to the table; until then only
 *     facilitators see it (see {@link Visibility})
 */
public record Vote(
    String id,
    VoteMethod method,
    List<String> items,
    int dotsPerMember,
    int capPerItem,
    VoteStatus status,
    Map<String, Ballot> ballots,
    int ballotCount,
    VoteResult result,
    boolean published) {

  public Vote {
    items = Frozen.list(items);
    ballots = Frozen.map(ballots);
  }

  Vote withBallots(Map<String, Ballot> newBallots, int newCount) {
    return new Vote(
        id, method, items, dotsPerMember, capPerItem, status, newBallots, newCount, result,
        published);
  }

  Vote closed(VoteResult newResult) {
    return new Vote(
        id, method, items, dotsPerMember, capPerItem, VoteStatus.CLOSED, ballots, ballotCount,
        newResult, false);
  }

  Vote withResultPublished() {
    return new Vote(
        id, method, items, dotsPerMember, capPerItem, status, ballots, ballotCount, result, true);
  }

  Vote withoutResult() {
    return new Vote(
        id, method, items, dotsPerMember, capPerItem, status, ballots, ballotCount, null,
        published);
  }
}
