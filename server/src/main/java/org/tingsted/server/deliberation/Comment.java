package org.tingsted.server.deliberation;

/**
 * A comment on a proposal. {@code replyTo} is the top-level comment this one answers, or null:
 * replies go one level deep, so a conversation under a proposal stays readable on a tablet.
 */
public record Comment(
    String id,
    String proposal,
    String author,
    CommentKind kind,
    String text,
    String replyTo,
    boolean hidden) {

  Comment withHidden(boolean newHidden) {
    return new Comment(id, proposal, author, kind, text, replyTo, newHidden);
  }
}
