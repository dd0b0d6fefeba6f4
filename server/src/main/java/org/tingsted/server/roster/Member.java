package org.tingsted.server.roster;

import java.util.ArrayList;
import java.util.List;
import org.tingsted.server.deliberation.Role;

/**
 * A person taking part in an assembly: a member chosen by lot, a facilitator or an observer.
 *
 * @param table       the table they sit at (a lead facilitator or an observer may have none:
 *                    they read every table of their session)
 * @param name        the display name the table and the console show (a first name, a nickname);
 *                    the person's legal name and contact data are kept apart, in {@link PersonalData}
 * @param facilitates for a table facilitator, every table they run, their own first; empty
 *                    for everyone else
 * @param generation  the generation of their join credentials, from 1: revoking their link
 *                    (a lost card) counts it up, and credentials of an older one are refused
 * @param pseudonymised when an administrator pseudonymised this person (ms since the epoch), or
 *                    null: their name is then a pseudonym, their personal data is gone and their
 *                    link no longer lets them in
 */
public record Member(String id, String name, Role role, String session, String table, List<String> facilitates,
                     int generation, Long pseudonymised) {

  public Member {
    // Assemblies stored before credentials had generations read as 0: their first generation.
    generation = Math.max(1, generation);
    if (role == Role.FACILITATOR && table != null) {
      var tables = new ArrayList<String>();
      tables.add(table);
      if (facilitates != null) {
        facilitates.stream().filter(t -> !tables.contains(t)).forEach(tables::add);
      }
      facilitates = List.copyOf(tables);
    } else {
      facilitates = List.of();
    }
  }

  /** Someone whose link was never revoked, not pseudonymised. */
  public Member(String id, String name, Role role, String session, String table, List<String> facilitates) {
    this(id, name, role, session, table, facilitates, 1, null);
  }

  /** Someone who runs no table but their own, if any. */
  public Member(String id, String name, Role role, String session, String table) {
    this(id, name, role, session, table, List.of());
  }

  /** Whether this person was pseudonymised: their link no longer lets them in. */
  public boolean wasPseudonymised() {
    return pseudonymised != null;
  }

  /** This person under {@code pseudonym}, pseudonymised at {@code at}. */
  Member pseudonymisedAs(String pseudonym, long at) {
    return new Member(id, pseudonym, role, session, table, facilitates, generation, at);
  }

  /** This person at another table. */
  Member seatedAt(String otherTable) {
    return new Member(id, name, role, session, otherTable, facilitates, generation, pseudonymised);
  }

  /** This person with their credentials of the next generation: those of this one no longer work. */
  Member reissued() {
    return new Member(id, name, role, session, table, facilitates, generation + 1, pseudonymised);
  }

  /** Whether this person runs {@code table} as its facilitator. */
  public boolean facilitatesTable(String tableId) {
    return facilitates.contains(tableId);
  }
}
