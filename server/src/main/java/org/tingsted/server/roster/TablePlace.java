package org.tingsted.server.roster;

/** A table group of a session, by id and the name people see ("Table 1", "Bord 2"). */
public record TablePlace(String id, String name) {
}
