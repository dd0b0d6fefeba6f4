package org.tingsted.server.gateway;

import java.util.ArrayList;
import java.util.List;
import org.tingsted.protocol.PhaseKind;
import org.tingsted.protocol.PresentMember;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.TimerStatus;
import org.tingsted.protocol.VoteMethod;
import org.tingsted.server.deliberation.AgendaItem;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.ProposalStatus;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.Timer;
import org.tingsted.server.deliberation.Vote;
import org.tingsted.server.deliberation.VoteStatus;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Session;
import org.tingsted.server.roster.TablePlace;

/**
 * The lead facilitator's overview of every table, built from the streams and presence this
 * node already follows for them: phase, timer, who is connected (in the room, remote), how
 * much has been written, hands up, who speaks, how far the open votes are.
 */
final class Console {

  private Console() {
  }

  /** The table's presence as last heard, by table id. */
  interface PresenceOf {
    Push.Presence of(String table);
  }

  static Push.Console build(Assembly assembly, Session session, SessionBoard day, List<Board> boards,
                            PresenceOf presence, long now) {
    Push.Console.Phase phase = null;
    if (day.phaseIndex() >= 0 && day.phaseIndex() < day.agenda().size()) {
      AgendaItem item = day.agenda().get(day.phaseIndex());
      phase = new Push.Console.Phase(day.phaseIndex(), PhaseKind.valueOf(item.phase().name()), item.title());
    }
    var tables = new ArrayList<Push.Console.TableState>();
    for (int i = 0; i < session.tables().size(); i++) {
      TablePlace place = session.tables().get(i);
      Board board = boards.get(i);
      int members = (int) assembly.seatedAt(place.id()).stream().filter(m -> m.role() == Role.MEMBER).count();
      Push.Presence present = presence.of(place.id());
      List<PresentMember> online = present == null ? List.of()
          : present.members().stream().filter(PresentMember::online).toList();
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
          timerOf(day, place.id()), online.size(), inRoom, online.size() - inRoom, members,
          (int) board.proposals().values().stream().filter(p -> p.status() != ProposalStatus.HIDDEN).count(),
          (int) board.comments().values().stream().filter(c -> !c.hidden()).count(),
          board.hands().size(), board.floor() == null ? null : board.floor().member(), votes));
    }
    return new Push.Console(now, phase, tables);
  }

  /** The table's own live timer, else the session's live phase timer. */
  private static Push.Console.TimerState timerOf(SessionBoard day, String table) {
    Timer chosen = null;
    for (Timer t : day.timers().values()) {
      boolean live = t.status() == org.tingsted.server.deliberation.TimerStatus.RUNNING
          || t.status() == org.tingsted.server.deliberation.TimerStatus.PAUSED;
      if (live && table.equals(t.table())) {
        chosen = t;
      } else if (live && t.table() == null && chosen == null) {
        chosen = t;
      }
    }
    if (chosen == null) {
      return null;
    }
    boolean running = chosen.status() == org.tingsted.server.deliberation.TimerStatus.RUNNING;
    return new Push.Console.TimerState(chosen.id(), TimerStatus.valueOf(chosen.status().name()),
        running ? chosen.deadline() : null, running ? null : chosen.remainingMillis());
  }
}
