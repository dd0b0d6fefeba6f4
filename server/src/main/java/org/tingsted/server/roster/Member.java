package org.tingsted.server.roster;

import org.tingsted.server.deliberation.Role;

/**
 * A person taking part in an assembly: a member chosen by lot, a facilitator or an observer.
 *
 * @param table the table they sit at (a lead facilitator or an observer may have none: they
 *              read every table of their session)
 */
public record Member(String id, String name, Role role, String session, String table) {
}
