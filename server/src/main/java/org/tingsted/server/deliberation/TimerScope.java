package org.tingsted.server.deliberation;

/** What a timer measures: a phase of the day, a round at a table, or one speaker's turn. */
public enum TimerScope {
  PHASE,
  ROUND,
  SPEAKER
}
