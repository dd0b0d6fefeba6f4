package org.tingsted.server.gateway;

/**
 * A token bucket: {@code perSecond} messages a second on average, {@code burst} at once.
 * Enough for a person tapping fast and a client replaying its offline queue; not for a loop.
 */
final class MessageRate {

  private final double perNano;
  private final double burst;
  private double tokens;
  private long last = System.nanoTime();
  private int refusedInARow;

  MessageRate(int perSecond, int burst) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
  }

  boolean allow(long now) {
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      refusedInARow = 0;
      return true;
    }
    refusedInARow++;
    return false;
  }

  int refusedInARow() {
    return refusedInARow;
  }
}
