package org.tingsted.server.deliberation;

/**
 * Why a command was refused, as a stable reason for programs and a sentence for people.
 *
 * @param message plain English naming what was wrong, e.g. "proposal p7 is at version 3"
 */
public record Rejection(Reason reason, String message) {

  /** The kinds of refusal; each maps to one protocol error code. */
  public enum Reason {
    /** The actor's role or relation to the item does not allow this. */
    FORBIDDEN,
    /** The command is malformed: missing, blank or out-of-range fields. */
    INVALID,
    /** The command names a proposal, comment, cluster or vote that does not exist. */
    NOT_FOUND,
    /** The command does not fit the current state, e.g. an edit of an outdated version. */
    CONFLICT,
    /**
     * The phase in force at the table does not allow the command, or the vote (or final vote)
     * it is for is closed already.
     */
    PHASE_CLOSED,
    /** A text or list is longer than {@link Limits} allow. */
    TOO_LARGE
  }
}
