package org.tingsted.server.deliberation;

/**
 * Largest sizes the board accepts. Texts are measured after stripping surrounding whitespace,
 * in characters as the protocol counts them: code points (an emoji is one), and must not be
 * blank.
 */
public final class Limits {
  /** Longest proposal title. */
  public static final int TITLE = 120;
  /** Longest proposal text. */
  public static final int PROPOSAL_TEXT = 2000;
  /** Longest comment. */
  public static final int COMMENT = 1000;
  /** Longest cluster name. */
  public static final int CLUSTER_NAME = 80;
  /** Longest reason for hiding or restoring an item. */
  public static final int REASON = 500;
  /** The longest video-call link. */
  public static final int VIDEO_LINK = 500;
  /** Most proposals and clusters one vote may list. */
  public static final int VOTE_ITEMS = 100;
  /** Most dots a member may be given in one dot vote. */
  public static final int DOTS_PER_MEMBER = 100;

  private Limits() {}
}
