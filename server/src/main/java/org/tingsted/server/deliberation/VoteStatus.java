package org.tingsted.server.deliberation;

/** Whether a vote still takes ballots. */
public enum VoteStatus {
  OPEN,
  CLOSED
}
