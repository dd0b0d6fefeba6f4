package org.tingsted.server.deliberation;

import java.util.Locale;

/**
 * Where a timer is: counting down to its deadline, paused with time left, run out, or
 * cancelled. Elapsed and cancelled timers do not change again.
 */
public enum TimerStatus {
  RUNNING,
  PAUSED,
  ELAPSED,
  CANCELLED;

  /** Whether the timer may still run out: it is running or paused. */
  boolean live() {
    return this == RUNNING || this == PAUSED;
  }

  /** The status in plain words, as messages use it: "paused". */
  String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
