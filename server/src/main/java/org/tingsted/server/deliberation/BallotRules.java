package org.tingsted.server.deliberation;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Whether a ballot fits its vote; answers with a sentence for the member, or null when it does. */
final class BallotRules {
  private BallotRules() {}

  static String check(Vote vote, Ballot ballot) {
    int parts = (ballot.dots() != null ? 1 : 0) + (ballot.order() != null ? 1 : 0)
        + (ballot.scale() != null ? 1 : 0);
    if (parts != 1) {
      return "a ballot holds exactly one of dots, an order or a scale";
    }
    switch (vote.method()) {
      case DOTS:
        return ballot.dots() == null ? "vote " + vote.id() + " is a dot vote" : dots(vote, ballot);
      case RANKING:
        return ballot.order() == null ? "vote " + vote.id() + " is a ranking" : order(vote, ballot);
      default:
        return ballot.scale() == null
            ? "vote " + vote.id() + " asks for agreement on a scale"
            : scale(vote, ballot);
    }
  }

  private static String dots(Vote vote, Ballot ballot) {
    int total = 0;
    for (Map.Entry<String, Integer> entry : ballot.dots().entrySet()) {
      String unknown = unknownItem(vote, entry.getKey());
      if (unknown != null) {
        return unknown;
      }
      Integer dots = entry.getValue();
      if (dots == null || dots < 0) {
        return "the dots on " + entry.getKey() + " must be a number of 0 or more";
      }
      if (dots > vote.capPerItem()) {
        return "at most " + vote.capPerItem() + " dots may go on one item, not " + dots
            + " on " + entry.getKey();
      }
      total += dots;
    }
    if (total < 1) {
      return "place at least one dot";
    }
    if (total > vote.dotsPerMember()) {
      return "each member has " + vote.dotsPerMember() + " dots, but this ballot places "
          + total;
    }
    return null;
  }

  private static String order(Vote vote, Ballot ballot) {
    if (ballot.order().isEmpty()) {
      return "rank at least one item";
    }
    Set<String> seen = new HashSet<>();
    for (String item : ballot.order()) {
      String unknown = unknownItem(vote, item);
      if (unknown != null) {
        return unknown;
      }
      if (!seen.add(item)) {
        return item + " is ranked twice";
      }
    }
    return null;
  }

  private static String scale(Vote vote, Ballot ballot) {
    if (ballot.scale().isEmpty()) {
      return "rate at least one item";
    }
    for (Map.Entry<String, Integer> entry : ballot.scale().entrySet()) {
      String unknown = unknownItem(vote, entry.getKey());
      if (unknown != null) {
        return unknown;
      }
      Integer rating = entry.getValue();
      if (rating == null || rating < 1 || rating > 5) {
        return "the rating of " + entry.getKey() + " must be from 1 to 5";
      }
    }
    return null;
  }

  private static String unknownItem(Vote vote, String item) {
    if (item == null) {
      return "the ballot names an empty item";
    }
    return vote.items().contains(item) ? null : item + " is not on the ballot of vote " + vote.id();
  }
}
