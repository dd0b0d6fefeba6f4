package org.tingsted.server.report;

import java.util.List;

/**
 * What one session day recommended.
 *
 * @param date yyyy-mm-dd
 * @param published whether the lead facilitator has published this session's report
 * @param recommendations the session's open draft recommendations, ordered as {@link
 *     Reports#build} describes: highest final share of support first
 */
public record SessionReport(
    String session,
    String name,
    String date,
    boolean published,
    List<Recommendation> recommendations) {
  public SessionReport {
    recommendations = Copies.list(recommendations);
  }
}
