package org.tingsted.server;

import org.tingsted.protocol.StreamId;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.AgendaItem;
import org.tingsted.server.deliberation.PhaseKind;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.roster.Session;
import org.tingsted.server.roster.TablePlace;
import org.tingsted.server.staff.Staff;
import org.tingsted.server.staff.StaffRole;
import org.tingsted.server.streams.Streams;
import java.util.Set;

/**
 * The demo assembly: "Københavnertinget (demo)", one session day with three tables of six
 * members and a table facilitator each, a lead facilitator, and an agenda for the day ready to
 * start from the console.
 */
final class Demo {

  static final String NAME = "Københavnertinget (demo)";
  static final String QUESTION = "Hvordan kan vi sammen udvikle København med trivsel og plads til alle?";
  static final String LEAD = "Anne";
  private static final List<String> FIRST_NAMES = List.of(
      "Sofie", "Mads", "Fatima", "Jens", "Ida", "Ahmed", "Karen", "Lars", "Nanna", "Omar",
      "Freja", "Henrik", "Amalie", "Mikkel", "Aisha", "Peter", "Emma", "Søren");
  private static final List<String> FACILITATORS = List.of("Lene", "Bo", "Maja");

  /** The demo's session day: what the lead facilitator starts with "Start dagsordenen". */
  static final List<AgendaItem> AGENDA = List.of(
      new AgendaItem(PhaseKind.WELCOME, "Velkommen", 10 * 60, false),
      new AgendaItem(PhaseKind.PROPOSE, "Forslag", 30 * 60, false),
      new AgendaItem(PhaseKind.DISCUSS, "Drøftelse", 40 * 60, false),
      new AgendaItem(PhaseKind.CLUSTER, "Gruppering", 25 * 60, false),
      new AgendaItem(PhaseKind.RANK, "Prioritering", 20 * 60, false),
      new AgendaItem(PhaseKind.PLENARY, "Plenum", 45 * 60, false),
      new AgendaItem(PhaseKind.REPORT, "Rapport", 15 * 60, false));

  /** The command id of the demo's agenda, so that setting it twice is answered, not applied twice. */
  private static final String AGENDA_COMMAND = "demo-agenda";

  private Demo() {
  }

  /**
   * What {@code --demo} does: the demo assembly (the one kept in the journal from an earlier
   * start, or a new one) with its session day's agenda set, once.
   */
  static Future<Assembly> start(Roster roster, Streams streams) {
    return ensure(roster).compose(assembly -> withAgenda(assembly, streams).map(assembly));
  }

  /** The demo assembly: the one kept in the journal from an earlier start, or a new one. */
  static Future<Assembly> ensure(Roster roster) {
    return roster.all().compose(all -> all.stream().filter(a -> NAME.equals(a.name())).findFirst()
        .map(Future::succeededFuture)
        .orElseGet(() -> create(roster)));
  }

  /** Sets the demo agenda on the session day unless it has one (a restart, or one the lead changed). */
  static Future<Void> withAgenda(Assembly assembly, Streams streams) {
    Session day = assembly.sessions().get(0);
    StreamId stream = StreamId.session(day.id());
    Member lead = assembly.members().values().stream().filter(m -> m.role() == Role.LEAD_FACILITATOR)
        .findFirst().orElse(null);
    if (lead == null) {
      return Future.succeededFuture();
    }
    return streams.read(stream).compose(entry -> {
      if (entry.state() instanceof SessionBoard board && !board.agenda().isEmpty()) {
        return Future.succeededFuture();
      }
      return streams.execute(stream, new SessionCommand.SetAgenda(AGENDA),
              new Actor(lead.id(), Role.LEAD_FACILITATOR, null), AGENDA_COMMAND)
          .compose(outcome -> outcome.rejection() == null
              ? Future.<Void>succeededFuture()
              : Future.failedFuture("the demo agenda was refused: " + outcome.rejection()));
    });
  }

  static Future<Assembly> create(Roster roster) {
    // The demo day is held the day it is made, so that its report shows a date.
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString();
    var session = new Roster.NewSession("Dag 1", today, List.of("Bord 1", "Bord 2", "Bord 3"));
    return roster.create(NAME, QUESTION, List.of(session)).compose(assembly -> {
      Session day = assembly.sessions().get(0);
      Future<Member> chain = roster.addMember(assembly.id(), LEAD, Role.LEAD_FACILITATOR, day.id(), null);
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

  /** The username of the demo's administrator. */
  static final String ADMINISTRATOR = "admin";

  /**
   * The demo's administrator account, made at the first start with {@code --demo}; its password
   * is new at every start (only its hash is kept, so an old one cannot be shown again). The
   * future holds the password, to print.
   */
  static Future<String> administrator(Staff staff) {
    String password = Settings.randomHex(8);
    return staff.require(ADMINISTRATOR)
        .compose(existing -> staff.setPassword(ADMINISTRATOR, password),
            missing -> staff.create(new Staff.NewAccount(ADMINISTRATOR, "Demo administrator",
                Set.of(StaffRole.ADMINISTRATOR), password, null)))
        .map(account -> password);
  }

  /** The role as the cards and the console name it, in Danish (the glossary's words). */
  static String roleName(Role role) {
    return switch (role) {
      case MEMBER -> "Deltager";
      case FACILITATOR -> "Bordfacilitator";
      case LEAD_FACILITATOR -> "Ledende facilitator";
      case OBSERVER -> "Observatør";
      default -> role.name().toLowerCase();
    };
  }

  /**
   * Everyone's join code and link, grouped by table, as printed at start.
   *
   * @param codeOf the join code of a person
   * @param linkOf their own link (the console for facilitators)
   */
  static String describe(Assembly assembly, Function<Member, String> codeOf, Function<Member, String> linkOf) {
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
      out.append(String.format("  %-10s %-20s %s  %s%n", m.name(), roleName(m.role()), codeOf.apply(m), linkOf.apply(m)));
    }
    for (TablePlace table : day.tables()) {
      out.append('\n').append("  ").append(table.name()).append('\n');
      for (Member m : assembly.seatedAt(table.id())) {
        out.append(String.format("    %-8s %-20s %s  %s%n", m.name(), roleName(m.role()), codeOf.apply(m), linkOf.apply(m)));
      }
    }
    return out.toString();
  }
}
