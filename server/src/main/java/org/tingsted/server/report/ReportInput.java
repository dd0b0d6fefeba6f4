package org.tingsted.server.report;

import java.util.List;

/**
 * Everything the report is made from, filled by the server from the roster and the streams.
 *
 * @param assembly the assembly's id
 * @param assemblyName its name, as the public knows it
 * @param question the question the City Council put to the assembly
 * @param sessions the session days, in the order the report lists them
 */
public record ReportInput(
    String assembly, String assemblyName, String question, List<SessionInput> sessions) {
  public ReportInput {
    sessions = Copies.list(sessions);
  }
}
