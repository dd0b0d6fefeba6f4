package org.tingsted.server.deliberation;

import java.util.List;

/**
 * Something the lead facilitator told the room.
 *
 * @param id "an1", "an2" … in the order they were made
 * @param tables the tables it is for; empty for everyone
 * @param at when it was made, ms since the epoch
 */
public record Announcement(String id, String text, List<String> tables, long at) {

  public Announcement {
    tables = Frozen.list(tables);
  }

  /** Whether it is for everyone rather than for some tables. */
  boolean forEveryone() {
    return tables.isEmpty();
  }
}
