package org.tingsted.server.deliberation;

/** The part a person plays at a table, in a session's plenary, or in running the assembly. */
public enum Role {
  MEMBER,
  FACILITATOR,
  LEAD_FACILITATOR,
  OBSERVER,
  /**
   * Creates assemblies, imports members and publishes reports. Acts through the admin API only:
   * never at a table, and never votes.
   */
  ADMINISTRATOR,
  /**
   * The server itself, for what the clock decides: a timer that elapses. Never a person, never
   * at a table, never votes.
   */
  SERVER;

  /** Whether this role runs the table: opens and closes votes, hides and restores items. */
  public boolean facilitates() {
    return this == FACILITATOR || this == LEAD_FACILITATOR;
  }
}
