package org.tingsted.server.report;

import org.tingsted.server.deliberation.Board;

/**
 * One table of a session.
 *
 * @param table the table's id, as the plenary's sources name it
 * @param name the table's name as the roster gives it, e.g. "Bord 3"
 * @param board the table's full board, or null when it is not known
 */
public record TableInput(String table, String name, Board board) {}
