package org.tingsted.server.deliberation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How evenly the people seated at a table have been heard, for its facilitator: each one's share
 * of the speaking time so far, and who has had the most and who the least.
 *
 * <p>Only finished turns count, and only the turns of those seated: a facilitator's own turns,
 * and those of someone who has left the table, stay out of the total, so that the shares add up
 * to 1. Until one of those seated has finished a turn the total and every share are 0, and
 * nobody is named most or least heard.
 *
 * @param totalMillis the speaking time of those seated, together
 * @param mostHeard who has the largest share (of several, the first seated); null while nobody
 *     has spoken
 * @param leastHeard who has the smallest share (of several, the first seated), often someone
 *     who has not spoken at all; null while nobody has spoken
 * @param shares each seated person's share of the total, from 0 to 1, in seated order
 */
public record Fairness(
    long totalMillis,
    String mostHeard,
    double mostHeardShare,
    String leastHeard,
    double leastHeardShare,
    Map<String, Double> shares) {

  public Fairness {
    shares = Frozen.map(shares);
  }

  /** The fairness of the speaking so far among {@code seated}, given in seating order. */
  public static Fairness of(Board board, List<String> seated) {
    Map<String, Long> spoken = new LinkedHashMap<>();
    long total = 0;
    for (String member : Frozen.list(seated)) {
      if (!spoken.containsKey(member)) {
        long millis = board.spokenMillis().getOrDefault(member, 0L);
        spoken.put(member, millis);
        total += millis;
      }
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    String most = null;
    String least = null;
    for (Map.Entry<String, Long> entry : spoken.entrySet()) {
      String member = entry.getKey();
      long millis = entry.getValue();
      shares.put(member, total == 0 ? 0.0 : (double) millis / total);
      if (most == null || millis > spoken.get(most)) {
        most = member;
      }
      if (least == null || millis < spoken.get(least)) {
        least = member;
      }
    }
    if (total == 0) {
      return new Fairness(0, null, 0.0, null, 0.0, shares);
    }
    return new Fairness(total, most, shares.get(most), least, shares.get(least), shares);
  }
}
