package org.tingsted.server.deliberation;

import java.util.List;

/**
 * The count of a closed final vote.
 *
 * @param electorate how many members were entitled to vote, as the vote was opened with
 * @param ballots how many members voted
 * @param drafts one entry per draft, in the vote's order
 */
public record FinalResult(
    int electorate, int ballots, double threshold, List<DraftSupport> drafts) {
  public FinalResult {
    drafts = Frozen.list(drafts);
  }
}
