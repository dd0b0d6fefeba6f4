package org.tingsted.server.deliberation;

/**
 * A countdown the room can see. Times are ms since the epoch, stamped by the server's clock.
 *
 * @param id "tm1", "tm2" … in the order timers were started
 * @param label what it times, or null; a phase timer carries its agenda item's title
 * @param table the table it times, or null for the whole session
 * @param deadline when it runs out; meaningful while {@link TimerStatus#RUNNING}, 0 while paused
 * @param remainingMillis the time left; meaningful while {@link TimerStatus#PAUSED}, 0 while
 *     running
 * @param seconds its full length: as started, plus every extension
 * @param phaseMark the {@link SessionBoard#phaseMark} of its place when it started
 */
public record Timer(
    String id,
    TimerScope scope,
    String label,
    String table,
    TimerStatus status,
    long deadline,
    long remainingMillis,
    int seconds,
    int phaseMark) {

  Timer paused(long remaining) {
    return new Timer(id, scope, label, table, TimerStatus.PAUSED, 0, remaining, seconds, phaseMark);
  }

  Timer resumed(long newDeadline) {
    return new Timer(id, scope, label, table, TimerStatus.RUNNING, newDeadline, 0, seconds, phaseMark);
  }

  Timer extended(int newSeconds, long newDeadline, long remaining) {
    return new Timer(id, scope, label, table, status, newDeadline, remaining, newSeconds, phaseMark);
  }

  Timer ended(TimerStatus end) {
    return new Timer(id, scope, label, table, end, deadline, remainingMillis, seconds, phaseMark);
  }
}
