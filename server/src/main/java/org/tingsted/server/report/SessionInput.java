package org.tingsted.server.report;

import java.util.List;
import org.tingsted.server.deliberation.SessionBoard;

/**
 * One session day: its plenary and its tables' boards, full (not as any viewer sees them): the
 * report itself leaves out what was hidden.
 *
 * @param date yyyy-mm-dd
 * @param plenary the session's plenary, or null when it has none yet
 * @param tables the session's tables; a draft's sources name their table by id
 */
public record SessionInput(
    String session, String name, String date, SessionBoard plenary, List<TableInput> tables) {
  public SessionInput {
    tables = Copies.list(tables);
  }
}
