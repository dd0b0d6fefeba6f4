package org.tingsted.server.report;

import java.util.List;

/**
 * The assembly's report to the City Council, as {@link Reports#build} makes it.
 *
 * @param generatedAt when the report was made, in milliseconds since 1970-01-01T00:00:00Z
 * @param sessions the session days, in the order of the input
 */
public record Report(
    String assembly,
    String assemblyName,
    String question,
    long generatedAt,
    List<SessionReport> sessions) {
  public Report {
    sessions = Copies.list(sessions);
  }
}
