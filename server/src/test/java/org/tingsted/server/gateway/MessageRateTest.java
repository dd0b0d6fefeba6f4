package org.tingsted.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rate of one connection's messages")
class MessageRateTest {

  private static final long SECOND = 1_000_000_000L;

  private static MessageRate rate() {
    return new MessageRate(Gateway.MESSAGES_PER_SECOND, Gateway.MESSAGE_BURST, Gateway.REFUSALS_FORGIVEN_PER_SECOND);
  }

  /** Sends {@code count} messages evenly over {@code seconds} from {@code start}; how many were let through. */
  private static int send(MessageRate rate, long start, int count, double seconds) {
    int allowed = 0;
    for (int i = 0; i < count; i++) {
      if (rate.allow(start + (long) (i * seconds * SECOND / count))) {
        allowed++;
      }
    }
    return allowed;
  }

  @Test
  @DisplayName("A burst of 60 goes through at once, the 61st is refused, and a client that then keeps to 20 a second is refused nothing more and forgiven")
  void aClientThatBacksOff() {
    MessageRate rate = rate();
    long start = System.nanoTime();
    assertThat(send(rate, start, 61, 0)).isEqualTo(60);
    assertThat(rate.refused()).isEqualTo(1);
    assertThat(send(rate, start + SECOND, 600, 30)).isEqualTo(600);
    assertThat(rate.refused()).isZero();
  }

  @Test
  @DisplayName("A loop at 4,000 a second piles up more than 240 refusals within a tenth of a second, though the bucket lets one through every 50 ms")
  void aFastLoop() {
    MessageRate rate = rate();
    long start = System.nanoTime();
    send(rate, start, 400, 0.1);
    assertThat(rate.refused()).isGreaterThan(Gateway.REFUSALS_BEFORE_CLOSE);
  }

  @Test
  @DisplayName("A client that keeps sending 50 a second piles up refusals too, and passes 240 within a minute")
  void aSlowFlood() {
    MessageRate rate = rate();
    long start = System.nanoTime();
    send(rate, start, 50 * 60, 60);
    assertThat(rate.refused()).isGreaterThan(Gateway.REFUSALS_BEFORE_CLOSE);
    MessageRate fair = rate();
    send(fair, start, 40 * 60, 60);
    assertThat(fair.refused()).as("40 a second: refused, but forgiven as fast").isLessThan(Gateway.REFUSALS_BEFORE_CLOSE);
  }
}
