package org.tingsted.server;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.roster.Session;
import org.tingsted.server.roster.TablePlace;

/**
 * The demo assembly: "Københavnertinget (demo)", one session day with three tables of six
 * members and a facilitator each, and a lead facilitator.
 */
final class Demo {

  static final String NAME = "Københavnertinget (demo)";
  static final String QUESTION = "Hvordan kan vi sammen udvikle København med trivsel og plads til alle?";
  private static final List<String> FIRST_NAMES = List.of(
      "Sofie", "Mads", "Fatima", "Jens", "Ida", "Ahmed", "Karen", "Lars", "Nanna", "Omar",
      "Freja", "Henrik", "Amalie", "Mikkel", "Aisha", "Peter", "Emma", "Søren");
  private static final List<String> FACILITATORS = List.of("Lene (facilitator)", "Bo (facilitator)", "Maja (facilitator)");

  private Demo() {
  }

  /** The demo assembly: the one kept in the journal from an earlier start, or a new one. */
  static Future<Assembly> ensure(Roster roster) {
    return roster.all().compose(all -> all.stream().filter(a -> NAME.equals(a.name())).findFirst()
        .map(Future::succeededFuture)
        .orElseGet(() -> create(roster)));
  }

  static Future<Assembly> create(Roster roster) {
    var session = new Roster.NewSession("Dag 1", null, List.of("Bord 1", "Bord 2", "Bord 3"));
    return roster.create(NAME, QUESTION, List.of(session)).compose(assembly -> {
      Session day = assembly.sessions().get(0);
      Future<Member> chain = roster.addMember(assembly.id(), "Anne (lead facilitator)", Role.LEAD_FACILITATOR, day.id(), null);
      for (int t = 0; t < day.tables().size(); t++) {
        TablePlace table = day.tables().get(t);
        String facilitator = FACILITATORS.get(t);
        chain = chain.compose(m -> roster.addMember(assembly.id(), facilitator, Role.FACILITATOR, day.id(), table.id()));
        for (int i = 0; i < 6; i++) {
          String name = FIRST_NAMES.get(t * 6 + i);
          chain = chain.compose(m -> roster.addMember(assembly.id(), name, Role.MEMBER, day.id(), table.id()));
        }
      }
      return chain.compose(m -> roster.require(assembly.id()));
    });
  }

  /** The join links, grouped by table, as printed at start. */
  static String describe(Assembly assembly, Function<Member, String> linkOf) {
    var out = new StringBuilder();
    out.append(assembly.name()).append('\n').append("  ").append(assembly.question()).append("\n\n");
    Session day = assembly.sessions().get(0);
    var unseated = new ArrayList<Member>();
    for (Member m : assembly.members().values()) {
      if (m.table() == null) {
        unseated.add(m);
      }
    }
    for (Member m : unseated) {
      out.append(String.format("  %-26s %s%n", m.name(), linkOf.apply(m)));
    }
    for (TablePlace table : day.tables()) {
      out.append('\n').append("  ").append(table.name()).append('\n');
      for (Member m : assembly.seatedAt(table.id())) {
        out.append(String.format("    %-24s %s%n", m.name(), linkOf.apply(m)));
      }
    }
    return out.toString();
  }
}
