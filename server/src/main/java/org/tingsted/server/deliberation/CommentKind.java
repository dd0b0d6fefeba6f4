package org.tingsted.server.deliberation;

/** What a comment says about a proposal. */
public enum CommentKind {
  SUPPORT,
  CONCERN,
  QUESTION,
  OTHER
}
