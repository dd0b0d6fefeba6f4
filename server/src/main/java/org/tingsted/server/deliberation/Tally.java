package org.tingsted.server.deliberation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts a vote's ballots into its result. */
final class Tally {
  private Tally() {}

  static VoteResult of(Vote vote) {
    int ballots = vote.ballots().size();
    switch (vote.method()) {
      case DOTS:
        return new VoteResult(VoteMethod.DOTS, ballots, dots(vote), null, null);
      case RANKING:
        return new VoteResult(VoteMethod.RANKING, ballots, null, ranking(vote), null);
      default:
        return new VoteResult(VoteMethod.SCALE, ballots, null, null, scale(vote));
    }
  }

  private static DotsTally dots(Vote vote) {
    Map<String, Integer> totals = new LinkedHashMap<>();
    for (String item : vote.items()) {
      totals.put(item, 0);
    }
    for (Ballot ballot : vote.ballots().values()) {
      ballot.dots().forEach((item, dots) -> totals.merge(item, dots, Integer::sum));
    }
    return new DotsTally(totals, Ranks.descending(vote.items(), totals));
  }

  private static RankingTally ranking(Vote vote) {
    List<List<String>> rankings = new ArrayList<>();
    for (Ballot ballot : vote.ballots().values()) {
      rankings.add(ballot.order());
    }
    List<String> items = vote.items();
    return new RankingTally(
        Schulze.order(items, rankings),
        Borda.order(items, rankings),
        Borda.scores(items, rankings),
        Pairwise.asMap(items, Pairwise.count(items, rankings)));
  }

  private static List<ScaleTally> scale(Vote vote) {
    List<ScaleTally> tallies = new ArrayList<>();
    for (String item : vote.items()) {
      List<Integer> ratings = new ArrayList<>();
      for (Ballot ballot : vote.ballots().values()) {
        Integer rating = ballot.scale().get(item);
        if (rating != null) {
          ratings.add(rating);
        }
      }
      tallies.add(scaleOf(item, ratings));
    }
    return tallies;
  }

  /** The tally of one item's ratings, each from 1 to 5. */
  static ScaleTally scaleOf(String item, List<Integer> ratings) {
    int[] counts = new int[5];
    long sum = 0;
    int agreeing = 0;
    for (int rating : ratings) {
      counts[rating - 1]++;
      sum += rating;
      if (rating >= 4) {
        agreeing++;
      }
    }
    int n = ratings.size();
    List<Integer> distribution = new ArrayList<>();
    for (int count : counts) {
      distribution.add(count);
    }
    double mean = n == 0 ? 0 : (double) sum / n;
    double share = n == 0 ? 0 : (double) agreeing / n;
    return new ScaleTally(item, n, mean, distribution, share);
  }
}
