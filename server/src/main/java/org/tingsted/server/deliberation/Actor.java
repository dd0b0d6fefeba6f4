package org.tingsted.server.deliberation;

/** Who issues a command or looks at the board: a member id and the role they hold at this table. */
public record Actor(String member, Role role) {}
