package org.tingsted.server.deliberation;

import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.tingsted.protocol.Limits;

/**
 * How much one table's board holds, so that no member can fill it for the others: each member
 * may make so many proposals and comments and have so much text there, and the board as a whole
 * holds so much text and so many clusters ({@link Limits}). A text is counted as stored, stripped,
 * in characters (code points). A refusal is {@code TOO_LARGE} and says which limit was reached.
 */
final class Capacity {
  private Capacity() {}

  /** Why {@code member} may not add a proposal of {@code characters}, or null when they may. */
  static Rejection proposal(Board board, String member, int characters) {
    long made = board.proposals().values().stream().filter(p -> p.author().equals(member)).count();
    return made >= Limits.PROPOSALS_PER_MEMBER
        ? full("you have made " + made + " proposals", Limits.PROPOSALS_PER_MEMBER, "; edit one of yours instead")
        : text(board, member, characters);
  }

  /** Why {@code member} may not add a comment of {@code characters}, or null when they may. */
  static Rejection comment(Board board, String member, int characters) {
    long made = board.comments().values().stream().filter(c -> c.author().equals(member)).count();
    return made >= Limits.COMMENTS_PER_MEMBER
        ? full("you have written " + made + " comments", Limits.COMMENTS_PER_MEMBER, "")
        : text(board, member, characters);
  }

  private static Rejection full(String done, int limit, String advice) {
    return new Rejection(TOO_LARGE, done + " at this table, the most one person may (" + limit + ")" + advice);
  }

  /** Why an edit by {@code member} that adds {@code more} characters (fewer when negative) may not be made, or null. */
  static Rejection edit(Board board, String member, int more) {
    return more <= 0 ? null : text(board, member, more);
  }

  /** Why a new cluster named with {@code characters} may not be made, or null when it may. */
  static Rejection cluster(Board board, int characters) {
    if (board.clusters().size() >= Limits.CLUSTERS) {
      return new Rejection(TOO_LARGE, "this table has " + board.clusters().size() + " clusters, the most a table may ("
          + Limits.CLUSTERS + "); merge or dissolve some first");
    }
    return boardText(board, characters);
  }

  /** Why renaming a cluster so that its name grows by {@code more} characters may not be done, or null. */
  static Rejection rename(Board board, int more) {
    return more <= 0 ? null : boardText(board, more);
  }

  /** The characters of a text as the board stores it. */
  static int size(String text) {
    return text == null ? 0 : Limits.characters(text.strip());
  }

  private static Rejection text(Board board, String member, int more) {
    // Code points never outnumber UTF-16 units: while the units fit, so do the characters,
    // and the board is not counted character by character on every command.
    if (units(board, member) + more <= Limits.TEXT_PER_MEMBER && units(board, null) + more <= Limits.BOARD_TEXT) {
      return null;
    }
    long mine = memberText(board, member);
    if (mine + more > Limits.TEXT_PER_MEMBER) {
      return new Rejection(TOO_LARGE, "your proposals and comments at this table hold " + mine
          + " characters; with " + more + " more they would pass the " + Limits.TEXT_PER_MEMBER
          + " one person may have on a table's board");
    }
    return boardText(board, more);
  }

  private static Rejection boardText(Board board, int more) {
    long all = boardText(board);
    if (all + more > Limits.BOARD_TEXT) {
      return new Rejection(TOO_LARGE, "this table's board is full: it holds " + all + " characters of text, and "
          + more + " more would pass the " + Limits.BOARD_TEXT + " a board may hold, so nothing more can be written here;"
          + " voting and speaking go on");
    }
    return null;
  }

  /** UTF-16 units of {@code member}'s proposals and comments, or of all the board's text when null: an upper bound of its characters. */
  private static long units(Board board, String member) {
    long sum = 0;
    for (Proposal p : board.proposals().values()) {
      if (member == null || p.author().equals(member)) {
        sum += p.title().length() + p.text().length();
      }
    }
    for (Comment c : board.comments().values()) {
      if (member == null || c.author().equals(member)) {
        sum += c.text().length();
      }
    }
    if (member == null) {
      for (Cluster k : board.clusters().values()) {
        sum += k.name().length();
      }
    }
    return sum;
  }

  /** The characters of {@code member}'s proposals and comments on the board. */
  static long memberText(Board board, String member) {
    long sum = 0;
    for (Proposal p : board.proposals().values()) {
      if (p.author().equals(member)) {
        sum += Limits.characters(p.title()) + Limits.characters(p.text());
      }
    }
    for (Comment c : board.comments().values()) {
      if (c.author().equals(member)) {
        sum += Limits.characters(c.text());
      }
    }
    return sum;
  }

  /** The characters of all the text on the board: proposals, comments and cluster names. */
  static long boardText(Board board) {
    long sum = 0;
    for (Proposal p : board.proposals().values()) {
      sum += Limits.characters(p.title()) + Limits.characters(p.text());
    }
    for (Comment c : board.comments().values()) {
      sum += Limits.characters(c.text());
    }
    for (Cluster k : board.clusters().values()) {
      sum += Limits.characters(k.name());
    }
    return sum;
  }
}
