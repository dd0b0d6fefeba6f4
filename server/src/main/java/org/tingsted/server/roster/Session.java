package org.tingsted.server.roster;

import java.util.List;

/** One session day of an assembly with its tables. */
public record Session(String id, String name, String date, List<TablePlace> tables) {

  public Session {
    tables = List.copyOf(tables);
  }

  /** Whether {@code tableId} is one of this session's tables. */
  public boolean hasTable(String tableId) {
    return tables.stream().anyMatch(t -> t.id().equals(tableId));
  }
}
