package org.tingsted.server.deliberation;

/** The part a person plays at a table. */
public enum Role {
  MEMBER,
  FACILITATOR,
  LEAD_FACILITATOR,
  OBSERVER;

  /** Whether this role runs the table: opens and closes votes, hides and restores items. */
  public boolean facilitates() {
    return this == FACILITATOR || this == LEAD_FACILITATOR;
  }
}
