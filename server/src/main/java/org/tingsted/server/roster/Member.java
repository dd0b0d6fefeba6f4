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
 * @param pseudonymised when an administrator pseudonymised this person (ms since the epoch), or
 *                    null: their name is then a pseudonym, their personal data is gone and their
 *                    link no longer lets them in
 */
public record Member(String id, String name, Role role, String session, String table, List<String> facilitates,
                     Long pseudonymised) {

  public Member {
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

  /** Someone not pseudonymised. */
  public Member(String id, String name, Role role, String session, String table, List<String> facilitates) {
    this(id, name, role, session, table, facilitates, null);
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
    return new Member(id, pseudonym, role, session, table, facilitates, at);
  }

  /** Whether this person runs {@code table} as its facilitator. */
  public boolean facilitatesTable(String tableId) {
    return facilitates.contains(tableId);
  }
}
