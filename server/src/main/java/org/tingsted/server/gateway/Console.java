package org.tingsted.server.gateway;

import java.util.ArrayList;
import java.util.List;
import org.tingsted.protocol.PhaseKind;
import org.tingsted.protocol.PresentMember;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.server.deliberation.AgendaItem;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Fairness;
import org.tingsted.server.deliberation.ProposalStatus;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.Vote;
import org.tingsted.server.deliberation.VoteStatus;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.TablePlace;

/**
 * The facilitators' overview of their tables (the lead's: every table), built from the streams and presence this
 * node already follows for them: phase, who is connected (in the room, remote), how
 * much has been written, hands up, who speaks, how far the open votes are.
 */
final class Console {

  private Console() {
  }

  /** The table's presence as last heard, by table id. */
  interface PresenceOf {
    Push.Presence of(String table);
  }

  /** The console of {@code places} (with their boards, in the same order). */
  static Push.Console build(Assembly assembly, List<TablePlace> places, SessionBoard day, List<Board> boards,
                            PresenceOf presence, long now) {
    Push.Console.Phase phase = null;
    if (day.phaseIndex() >= 0 && day.phaseIndex() < day.agenda().size()) {
      AgendaItem item = day.agenda().get(day.phaseIndex());
      phase = new Push.Console.Phase(day.phaseIndex(), PhaseKind.valueOf(item.phase().name()), item.title());
    }
    var tables = new ArrayList<Push.Console.TableState>();
    for (int i = 0; i < places.size(); i++) {
      TablePlace place = places.get(i);
      Board board = boards.get(i);
      List<String> seated = assembly.seatedAt(place.id()).stream()
          .filter(m -> m.role() == Role.MEMBER).map(Member::id).toList();
      int members = seated.size();
      Push.Presence present = presence.of(place.id());
      List<PresentMember> online = present == null ? List.of()
          : present.members().stream().filter(m -> m.online() && seated.contains(m.id())).toList();
      int inRoom = (int) online.stream().filter(m -> m.device() == org.tingsted.protocol.Device.ROOM).count();
      var tablePhase = day.phaseFor(place.id());
      var votes = new ArrayList<Push.Console.VoteProgress>();
      for (Vote v : board.votes().values()) {
        if (v.status() == VoteStatus.OPEN) {
          votes.add(new Push.Console.VoteProgress(v.id(), VoteMethod.valueOf(v.method().name()), v.ballotCount(), members));
        }
      }
      tables.add(new Push.Console.TableState(place.id(), place.name(),
          tablePhase == null ? null : PhaseKind.valueOf(tablePhase.name()),
          online.size(), inRoom, online.size() - inRoom, members,
          (int) board.proposals().values().stream().filter(p -> p.status() == ProposalStatus.OPEN).count(),
          (int) board.comments().values().stream().filter(c -> !c.hidden() && isOpen(board, c.proposal())).count(),
          board.hands().size(), board.floor() == null ? null : board.floor().member(), votes,
          fairness(board, seated)));
    }
    return new Push.Console(now, phase, tables);
  }

  private static boolean isOpen(Board board, String proposal) {
    var p = board.proposals().get(proposal);
    return p != null && p.status() == ProposalStatus.OPEN;
  }

  /** The fairness indicator, once a member of the table has spoken. */
  private static Push.Console.Fairness fairness(Board board, List<String> seated) {
    Fairness f = Fairness.of(board, seated);
    return f.totalMillis() == 0 ? null
        : new Push.Console.Fairness(f.totalMillis(), f.mostHeard(), f.mostHeardShare(), f.leastHeard(), f.leastHeardShare());
  }
}
