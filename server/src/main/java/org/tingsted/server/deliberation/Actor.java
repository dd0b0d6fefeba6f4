package org.tingsted.server.deliberation;

/**
 * Who issues a command or looks at a stream: a member id, the role they hold, and the table
 * they sit at (null for people without one: the lead facilitator, session-wide observers,
 * administrators and the server itself).
 */
public record Actor(String member, Role role, String table) {

  /** Someone whose table does not matter to what they do or see. */
  public Actor(String member, Role role) {
    this(member, role, null);
  }
}
