package org.tingsted.server.gateway;

/**
 * A token bucket: {@code perSecond} messages a second on average, {@code burst} at once.
 * Enough for a person tapping fast and a client replaying its offline queue; not for a loop.
 *
 * <p>It also counts the messages it refused, forgetting {@code forgivenPerSecond} of them each
 * second: a client that keeps sending into refusals piles them up however fast it sends (a count
 * "in a row" would start again at every message the refilling bucket lets through, so that a
 * loop sending a few thousand a second never reached it).
 */
final class MessageRate {

  private final double perNano;
  private final double burst;
  private final double forgivenPerNano;
  private double tokens;
  private double refused;
  private long last = System.nanoTime();

  MessageRate(int perSecond, int burst, int forgivenPerSecond) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.forgivenPerNano = forgivenPerSecond / 1e9;
    this.tokens = burst;
  }

  boolean allow(long now) {
    long elapsed = Math.max(0, now - last);
    tokens = Math.min(burst, tokens + elapsed * perNano);
    refused = Math.max(0, refused - elapsed * forgivenPerNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    refused++;
    return false;
  }

  /** The refused messages not yet forgiven. */
  double refused() {
    return refused;
  }
}
