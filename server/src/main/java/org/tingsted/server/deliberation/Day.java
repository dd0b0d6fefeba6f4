package org.tingsted.server.deliberation;

import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;
import static org.tingsted.server.deliberation.Rules.accept;
import static org.tingsted.server.deliberation.Rules.blank;
import static org.tingsted.server.deliberation.Rules.listEntry;
import static org.tingsted.server.deliberation.Rules.notFound;
import static org.tingsted.server.deliberation.Rules.reject;
import static org.tingsted.server.deliberation.Rules.text;
import static org.tingsted.server.deliberation.Rules.tooLong;

import org.tingsted.protocol.Limits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.SessionCommand.AdvancePhase;
import org.tingsted.server.deliberation.SessionCommand.Announce;
import org.tingsted.server.deliberation.SessionCommand.CancelTimer;
import org.tingsted.server.deliberation.SessionCommand.ElapseTimer;
import org.tingsted.server.deliberation.SessionCommand.ExtendTimer;
import org.tingsted.server.deliberation.SessionCommand.GoBackPhase;
import org.tingsted.server.deliberation.SessionCommand.MoveMember;
import org.tingsted.server.deliberation.SessionCommand.PauseTimer;
import org.tingsted.server.deliberation.SessionCommand.ResumeTimer;
import org.tingsted.server.deliberation.SessionCommand.SetAgenda;
import org.tingsted.server.deliberation.SessionCommand.SetTablePhase;
import org.tingsted.server.deliberation.SessionCommand.StartAgenda;
import org.tingsted.server.deliberation.SessionCommand.StartTimer;
import org.tingsted.server.deliberation.SessionEvent.AgendaSet;
import org.tingsted.server.deliberation.SessionEvent.Announced;
import org.tingsted.server.deliberation.SessionEvent.MemberMoved;
import org.tingsted.server.deliberation.SessionEvent.PhaseChanged;
import org.tingsted.server.deliberation.SessionEvent.TimerCancelled;
import org.tingsted.server.deliberation.SessionEvent.TimerElapsed;
import org.tingsted.server.deliberation.SessionEvent.TimerExtended;
import org.tingsted.server.deliberation.SessionEvent.TimerPaused;
import org.tingsted.server.deliberation.SessionEvent.TimerResumed;
import org.tingsted.server.deliberation.SessionEvent.TimerStarted;

/**
 * The rules of the session day, which {@link Plenary} hands on to: the agenda and where the
 * session is on it, the tables' own sub-phases, timers, announcements and moving members between
 * tables.
 *
 * <p>Who may do what: the lead facilitator does all of it, except letting a timer run out, which
 * only the server's clock does ({@link Role#SERVER}). A table's facilitator may also set their
 * own table's sub-phase, start round and speaker timers for their table, and pause, resume,
 * extend and cancel any timer of their table.
 *
 * <p>Decisions that the commands alone do not settle:
 *
 * <ul>
 *   <li>Entering an agenda item (starting the agenda, advancing, going back, or a phase timer
 *       running out on an item that advances by itself) cancels every live phase timer, the
 *       session's and the tables', ends every table's sub-phase, and starts a phase timer when the
 *       item has a planned length. Going back starts the earlier item afresh, with its full time.
 *       Round and speaker timers run on.
 *   <li>The session and each table have at most one live (running or paused) phase timer;
 *       starting a second is a conflict. Setting a table's sub-phase cancels that table's phase
 *       timer, since it timed the phase the table is leaving.
 *   <li>A running timer whose deadline has passed has run out, even before the server's clock
 *       says so: it can no longer be paused or extended, only let run out or cancelled.
 *   <li>A timer may run at most {@link Plenary#TIMER_SECONDS} seconds in all, extensions included.
 *   <li>Replacing the agenda keeps the session at the same item number (or the last item, when
 *       the new agenda is shorter), the tables' sub-phases and every timer.
 *   <li>A command that would change nothing (the sub-phase a table already has, a table that
 *       already follows the session) is a conflict, not an empty success.
 *   <li>Agenda titles, labels and announcements are stored stripped; a blank label is stored as
 *       null. Table ids and member ids are taken as they are.
 *   <li>Moving a member changes nothing here: the roster, which the server keeps, holds the
 *       seats. The event tells the room, and the server moves the member's seat.
 * </ul>
 */
final class Day {
  private Day() {}

  /** The decision on one of the day's commands, or null when the command is none of them. */
  static Decision<SessionEvent> decide(SessionBoard board, SessionCommand command, Actor actor) {
    if (command instanceof Timed timed && timed.now() <= 0) {
      return reject(INVALID, "the command carries no time; the server stamps it before deciding");
    }
    if (command instanceof SetAgenda c) {
      return setAgenda(c, actor);
    } else if (command instanceof StartAgenda c) {
      return start(board, c, actor);
    } else if (command instanceof AdvancePhase c) {
      return move(board, +1, c.now(), actor);
    } else if (command instanceof GoBackPhase c) {
      return move(board, -1, c.now(), actor);
    } else if (command instanceof SetTablePhase c) {
      return setTablePhase(board, c, actor);
    } else if (command instanceof StartTimer c) {
      return startTimer(board, c, actor);
    } else if (command instanceof PauseTimer c) {
      return pause(board, c, actor);
    } else if (command instanceof ResumeTimer c) {
      return resume(board, c, actor);
    } else if (command instanceof ExtendTimer c) {
      return extend(board, c, actor);
    } else if (command instanceof CancelTimer c) {
      return cancel(board, c, actor);
    } else if (command instanceof ElapseTimer c) {
      return elapse(board, c, actor);
    } else if (command instanceof Announce c) {
      return announce(board, c, actor);
    } else if (command instanceof MoveMember c) {
      return moveMember(c, actor);
    }
    return null;
  }

  private static Decision<SessionEvent> setAgenda(SetAgenda c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "set the agenda");
    if (forbidden != null) {
      return forbidden;
    }
    if (c.items() == null || c.items().isEmpty()) {
      return reject(INVALID, "an agenda needs at least one item");
    }
    if (c.items().size() > Plenary.AGENDA_ITEMS) {
      return reject(TOO_LARGE, "an agenda may have at most " + Plenary.AGENDA_ITEMS
          + " items, not " + c.items().size());
    }
    List<AgendaItem> items = new ArrayList<>();
    for (int i = 0; i < c.items().size(); i++) {
      AgendaItem item = c.items().get(i);
      String which = "agenda item " + (i + 1);
      if (item == null) {
        return reject(INVALID, "the agenda has an empty entry at item " + (i + 1));
      }
      if (item.phase() == null) {
        return reject(INVALID, "say what " + which + " is for: welcome, propose, discuss, "
            + "cluster, rank, plenary, report or break");
      }
      Rejection wrong = text("title of " + which, item.title(), Limits.AGENDA_TITLE);
      if (wrong != null) {
        return new Rejected<>(wrong);
      }
      if (item.seconds() < 0 || item.seconds() > Plenary.TIMER_SECONDS) {
        return reject(INVALID, "the planned length of " + which + " is 0 (none) to "
            + Plenary.TIMER_SECONDS + " seconds, not " + item.seconds());
      }
      items.add(new AgendaItem(
          item.phase(), item.title().strip(), item.seconds(), item.autoAdvance()));
    }
    return accept(new AgendaSet(items));
  }

  private static Decision<SessionEvent> start(SessionBoard board, StartAgenda c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "start the agenda");
    if (forbidden != null) {
      return forbidden;
    }
    if (board.agenda().isEmpty()) {
      return reject(CONFLICT, "there is no agenda to start; set one first");
    }
    if (board.phaseIndex() >= 0) {
      return reject(CONFLICT, "the agenda has already started; the session is at "
          + item(board, board.phaseIndex()));
    }
    return new Accepted<>(enter(board, 0, c.now()));
  }

  private static Decision<SessionEvent> move(SessionBoard board, int step, long now, Actor actor) {
    Decision<SessionEvent> forbidden =
        leadOnly(actor, step > 0 ? "move on to the next phase" : "go back to the previous phase");
    if (forbidden != null) {
      return forbidden;
    }
    if (board.phaseIndex() < 0) {
      return reject(CONFLICT, "the agenda has not started yet");
    }
    int next = board.phaseIndex() + step;
    if (next >= board.agenda().size()) {
      return reject(CONFLICT, item(board, board.phaseIndex()) + " is the last on the agenda");
    }
    if (next < 0) {
      return reject(CONFLICT, item(board, board.phaseIndex()) + " is the first on the agenda");
    }
    return new Accepted<>(enter(board, next, now));
  }

  /** The events of the session entering agenda item {@code index} at {@code now}. */
  private static List<SessionEvent> enter(SessionBoard board, int index, long now) {
    List<SessionEvent> events = new ArrayList<>();
    for (Timer timer : board.timers().values()) {
      if (timer.scope() == TimerScope.PHASE && timer.status().live()) {
        events.add(new TimerCancelled(timer.id()));
      }
    }
    AgendaItem item = board.agenda().get(index);
    events.add(new PhaseChanged(index, item.phase(), item.title(), item.seconds(), null));
    if (item.seconds() > 0) {
      events.add(new TimerStarted(nextTimer(board), TimerScope.PHASE, item.title(), null,
          now + item.seconds() * 1000L, item.seconds()));
    }
    return events;
  }

  private static Decision<SessionEvent> setTablePhase(
      SessionBoard board, SetTablePhase c, Actor actor) {
    if (actor.role() != Role.LEAD_FACILITATOR && !ownTable(actor, c.table())) {
      return reject(FORBIDDEN,
          "only the lead facilitator, or a table's own facilitator, may set a table's phase");
    }
    if (blank(c.table())) {
      return reject(INVALID, "say which table's phase to set");
    }
    PhaseKind current = board.tablePhases().get(c.table());
    if (c.phase() == null && current == null) {
      return reject(CONFLICT, "table " + c.table() + " already follows the session's phase");
    }
    if (c.phase() != null && c.phase() == current) {
      return reject(CONFLICT,
          "table " + c.table() + " is already in the " + current.word() + " phase");
    }
    List<SessionEvent> events = new ArrayList<>();
    for (Timer timer : board.timers().values()) {
      if (timer.scope() == TimerScope.PHASE && timer.status().live()
          && c.table().equals(timer.table())) {
        events.add(new TimerCancelled(timer.id()));
      }
    }
    events.add(new PhaseChanged(-1, c.phase(), null, 0, c.table()));
    return new Accepted<>(events);
  }

  private static Decision<SessionEvent> startTimer(
      SessionBoard board, StartTimer c, Actor actor) {
    if (actor.role() == Role.FACILITATOR) {
      if (!ownTable(actor, c.table())) {
        return reject(FORBIDDEN, "a table facilitator may start timers for their own table only");
      }
      if (c.scope() == TimerScope.PHASE) {
        return reject(FORBIDDEN, "only the lead facilitator starts phase timers; a table "
            + "facilitator may time rounds and speakers");
      }
    } else if (actor.role() != Role.LEAD_FACILITATOR) {
      return reject(FORBIDDEN, "only facilitators start timers");
    }
    if (c.scope() == null) {
      return reject(INVALID, "say whether the timer is for a phase, a round or a speaker");
    }
    if (c.seconds() < 1 || c.seconds() > Plenary.TIMER_SECONDS) {
      return reject(INVALID,
          "a timer runs 1 to " + Plenary.TIMER_SECONDS + " seconds, not " + c.seconds());
    }
    Rejection wrong = tooLong("label", c.label(), Limits.TIMER_LABEL);
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    if (c.table() != null && c.table().isBlank()) {
      return reject(INVALID, "the table is blank; leave it out to time the whole session");
    }
    if (c.scope() == TimerScope.PHASE) {
      for (Timer timer : board.timers().values()) {
        if (timer.scope() == TimerScope.PHASE && timer.status().live()
            && Objects.equals(timer.table(), c.table())) {
          return reject(CONFLICT, "phase timer " + timer.id() + " of "
              + (c.table() == null ? "the session" : "table " + c.table()) + " is still "
              + timer.status().word() + "; extend or cancel it instead");
        }
      }
    }
    String label = blank(c.label()) ? null : c.label().strip();
    return accept(new TimerStarted(nextTimer(board), c.scope(), label, c.table(),
        c.now() + c.seconds() * 1000L, c.seconds()));
  }

  private static Decision<SessionEvent> pause(SessionBoard board, PauseTimer c, Actor actor) {
    Decision<SessionEvent> refused = mayControl(board, c.timer(), actor, "pause");
    if (refused != null) {
      return refused;
    }
    Timer timer = board.timers().get(c.timer());
    if (timer.status() != TimerStatus.RUNNING) {
      return notRunning(timer, "paused");
    }
    if (c.now() >= timer.deadline()) {
      return ranOut(timer, "paused");
    }
    return accept(new TimerPaused(timer.id(), timer.deadline() - c.now()));
  }

  private static Decision<SessionEvent> resume(SessionBoard board, ResumeTimer c, Actor actor) {
    Decision<SessionEvent> refused = mayControl(board, c.timer(), actor, "resume");
    if (refused != null) {
      return refused;
    }
    Timer timer = board.timers().get(c.timer());
    if (timer.status() != TimerStatus.PAUSED) {
      return reject(CONFLICT, "timer " + timer.id() + " is " + timer.status().word()
          + ", not paused, so it cannot be resumed");
    }
    return accept(new TimerResumed(timer.id(), c.now() + timer.remainingMillis()));
  }

  private static Decision<SessionEvent> extend(SessionBoard board, ExtendTimer c, Actor actor) {
    Decision<SessionEvent> refused = mayControl(board, c.timer(), actor, "extend");
    if (refused != null) {
      return refused;
    }
    Timer timer = board.timers().get(c.timer());
    if (c.seconds() < 1 || c.seconds() > Plenary.TIMER_SECONDS) {
      return reject(INVALID, "a timer is extended by 1 to " + Plenary.TIMER_SECONDS
          + " seconds, not " + c.seconds());
    }
    if (!timer.status().live()) {
      return reject(CONFLICT, "timer " + timer.id() + " is " + timer.status().word()
          + " and cannot be extended");
    }
    if (timer.status() == TimerStatus.RUNNING && c.now() >= timer.deadline()) {
      return ranOut(timer, "extended");
    }
    long total = (long) timer.seconds() + c.seconds();
    if (total > Plenary.TIMER_SECONDS) {
      return reject(INVALID, "timer " + timer.id() + " would run " + total + " seconds in all; "
          + "at most " + Plenary.TIMER_SECONDS + " are allowed");
    }
    long more = c.seconds() * 1000L;
    return accept(timer.status() == TimerStatus.RUNNING
        ? new TimerExtended(timer.id(), (int) total, timer.deadline() + more, 0)
        : new TimerExtended(timer.id(), (int) total, 0, timer.remainingMillis() + more));
  }

  private static Decision<SessionEvent> cancel(SessionBoard board, CancelTimer c, Actor actor) {
    Decision<SessionEvent> refused = mayControl(board, c.timer(), actor, "cancel");
    if (refused != null) {
      return refused;
    }
    Timer timer = board.timers().get(c.timer());
    if (!timer.status().live()) {
      return reject(CONFLICT, "timer " + timer.id() + " is already " + timer.status().word());
    }
    return accept(new TimerCancelled(timer.id()));
  }

  private static Decision<SessionEvent> elapse(SessionBoard board, ElapseTimer c, Actor actor) {
    if (actor.role() != Role.SERVER) {
      return reject(FORBIDDEN, "only the server's clock lets a timer run out");
    }
    if (c.timer() == null) {
      return reject(INVALID, "say which timer ran out");
    }
    Timer timer = board.timers().get(c.timer());
    if (timer == null) {
      return notFound("timer", c.timer());
    }
    if (timer.status() != TimerStatus.RUNNING) {
      return notRunning(timer, "let run out");
    }
    if (c.now() < timer.deadline()) {
      return reject(CONFLICT, "timer " + timer.id() + " is not due yet: it runs "
          + (timer.deadline() - c.now()) + " ms more");
    }
    List<SessionEvent> events = new ArrayList<>();
    TimerElapsed elapsed = new TimerElapsed(timer.id());
    events.add(elapsed);
    int index = board.phaseIndex();
    if (timer.scope() == TimerScope.PHASE && timer.table() == null && index >= 0
        && board.agenda().get(index).autoAdvance() && index + 1 < board.agenda().size()) {
      events.addAll(enter(evolve(board, elapsed), index + 1, c.now()));
    }
    return new Accepted<>(events);
  }

  private static Decision<SessionEvent> announce(SessionBoard board, Announce c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "make announcements");
    if (forbidden != null) {
      return forbidden;
    }
    Rejection wrong = text("announcement", c.text(), Limits.ANNOUNCEMENT);
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    List<String> tables = c.tables() == null ? List.of() : c.tables();
    if (tables.size() > Plenary.ANNOUNCEMENT_TABLES) {
      return reject(TOO_LARGE, "an announcement may name at most " + Plenary.ANNOUNCEMENT_TABLES
          + " tables, not " + tables.size() + "; name none to tell every table");
    }
    Set<String> seen = new HashSet<>();
    for (String table : tables) {
      Rejection entry = listEntry("tables", seen, blank(table) ? null : table, "table");
      if (entry != null) {
        return new Rejected<>(entry);
      }
    }
    return accept(new Announced("an" + (board.announcementsMade() + 1), c.text().strip(), tables,
        c.now()));
  }

  private static Decision<SessionEvent> moveMember(MoveMember c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "move members between tables");
    if (forbidden != null) {
      return forbidden;
    }
    if (blank(c.member())) {
      return reject(INVALID, "say which member to move");
    }
    if (blank(c.fromTable()) || blank(c.toTable())) {
      return reject(INVALID, "say which table member " + c.member() + " leaves and which "
          + "they join");
    }
    if (c.fromTable().equals(c.toTable())) {
      return reject(INVALID, "member " + c.member() + " already sits at table " + c.toTable());
    }
    return accept(new MemberMoved(c.member(), c.fromTable(), c.toTable()));
  }

  /**
   * Why the actor may not pause, resume, extend or cancel the timer named {@code id}, or null
   * when they may: they must facilitate, the timer must exist, and a table facilitator may
   * control only their own table's timers.
   */
  private static Decision<SessionEvent> mayControl(
      SessionBoard board, String id, Actor actor, String verb) {
    if (!actor.role().facilitates()) {
      return reject(FORBIDDEN, "only facilitators " + verb + " timers");
    }
    if (id == null) {
      return reject(INVALID, "say which timer to " + verb);
    }
    Timer timer = board.timers().get(id);
    if (timer == null) {
      return notFound("timer", id);
    }
    if (actor.role() != Role.LEAD_FACILITATOR && !ownTable(actor, timer.table())) {
      return reject(FORBIDDEN, "a table facilitator may " + verb + " only their own table's "
          + "timers; timer " + timer.id() + " is "
          + (timer.table() == null ? "the session's" : "table " + timer.table() + "'s"));
    }
    return null;
  }

  private static Decision<SessionEvent> notRunning(Timer timer, String verb) {
    return reject(CONFLICT, "timer " + timer.id() + " is " + timer.status().word()
        + ", not running, so it cannot be " + verb);
  }

  private static Decision<SessionEvent> ranOut(Timer timer, String verb) {
    return reject(CONFLICT, "timer " + timer.id() + " has run out and cannot be " + verb
        + "; start a new one");
  }

  private static boolean ownTable(Actor actor, String table) {
    return actor.role() == Role.FACILITATOR && actor.table() != null
        && actor.table().equals(table);
  }

  private static Decision<SessionEvent> leadOnly(Actor actor, String what) {
    return actor.role() == Role.LEAD_FACILITATOR
        ? null
        : reject(FORBIDDEN, "only the lead facilitator may " + what);
  }

  private static String nextTimer(SessionBoard board) {
    return "tm" + (board.timersStarted() + 1);
  }

  /** "item 2, "Proposals"". */
  private static String item(SessionBoard board, int index) {
    return "item " + (index + 1) + ", \"" + board.agenda().get(index).title() + "\",";
  }

  /**
   * Applies one of the day's events, or answers null when the event is none of them. An event
   * that does not fit the board throws IllegalArgumentException, as in {@link Plenary#evolve}.
   */
  static SessionBoard evolve(SessionBoard board, SessionEvent event) {
    if (event instanceof AgendaSet e) {
      if (e.items().isEmpty()) {
        throw new IllegalArgumentException("an empty agenda in session " + board.session());
      }
      return board.withAgenda(e.items(), Math.min(board.phaseIndex(), e.items().size() - 1));
    } else if (event instanceof PhaseChanged e) {
      if (e.table() != null) {
        Map<String, PhaseKind> tables = new LinkedHashMap<>(board.tablePhases());
        if (e.phase() == null) {
          tables.remove(e.table());
        } else {
          tables.put(e.table(), e.phase());
        }
        return board.withPhases(board.phaseIndex(), tables, e.table());
      }
      if (e.index() < 0 || e.index() >= board.agenda().size()) {
        throw new IllegalArgumentException(
            "no agenda item " + e.index() + " in session " + board.session());
      }
      return board.withPhases(e.index(), Map.of(), "");
    } else if (event instanceof TimerStarted e) {
      if (board.timers().containsKey(e.timer())) {
        throw new IllegalArgumentException(
            "timer " + e.timer() + " started twice in session " + board.session());
      }
      Map<String, Timer> next = new LinkedHashMap<>(board.timers());
      next.put(e.timer(), new Timer(e.timer(), e.scope(), e.label(), e.table(),
          TimerStatus.RUNNING, e.deadline(), 0, e.seconds(), board.phaseMark(e.table())));
      return board.withTimers(next, board.timersStarted() + 1);
    } else if (event instanceof TimerPaused e) {
      return board.withTimer(timer(board, e.timer()).paused(e.remainingMillis()));
    } else if (event instanceof TimerResumed e) {
      return board.withTimer(timer(board, e.timer()).resumed(e.deadline()));
    } else if (event instanceof TimerExtended e) {
      return board.withTimer(
          timer(board, e.timer()).extended(e.seconds(), e.deadline(), e.remainingMillis()));
    } else if (event instanceof TimerCancelled e) {
      return board.withTimer(timer(board, e.timer()).ended(TimerStatus.CANCELLED));
    } else if (event instanceof TimerElapsed e) {
      return board.withTimer(timer(board, e.timer()).ended(TimerStatus.ELAPSED));
    } else if (event instanceof Announced e) {
      List<Announcement> next = new ArrayList<>(board.announcements());
      next.add(new Announcement(e.announcement(), e.text(), e.tables(), e.at()));
      return board.withAnnouncements(next, board.announcementsMade() + 1);
    } else if (event instanceof MemberMoved) {
      return board;
    }
    return null;
  }

  private static Timer timer(SessionBoard board, String id) {
    Timer timer = board.timers().get(id);
    if (timer == null) {
      throw new IllegalArgumentException("no timer " + id + " in session " + board.session());
    }
    return timer;
  }

  /**
   * Whether the viewer may see an announcement for {@code tables}: everyone sees one for every
   * table; one for some tables is seen at those tables, and by the lead facilitator,
   * administrators, the server and observers of the whole session (those without a table).
   */
  static boolean sees(Actor viewer, List<String> tables) {
    if (tables.isEmpty()) {
      return true;
    }
    if (viewer == null || viewer.role() == null) {
      return false;
    }
    switch (viewer.role()) {
      case LEAD_FACILITATOR:
      case ADMINISTRATOR:
      case SERVER:
        return true;
      case OBSERVER:
        return viewer.table() == null || tables.contains(viewer.table());
      default:
        return viewer.table() != null && tables.contains(viewer.table());
    }
  }
}
