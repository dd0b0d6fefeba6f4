package org.tingsted.server.deliberation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session day: its agenda and where the day is on it, the tables' own sub-phases, the timers
 * and announcements, and the plenary's draft recommendations, the final votes on them, the City
 * Council's answers and whether the report is published. The counters are how many drafts, final
 * votes, timers and announcements were ever made, from which the next id is taken ("d3", "f2",
 * "tm4", "an1"); ids are never reused, even after a draft is merged away.
 *
 * <p>Maps keep insertion order, which is the order things happened in.
 *
 * @param phaseIndex the agenda item the session is at, or -1 before the agenda starts
 * @param tablePhases the sub-phase of each table that does not follow the session's phase
 * @param phaseChanges how many times the phase changed: under "" the session's (an agenda step),
 *     under a table's id that table's own sub-phase; a timer keeps the {@link #phaseMark} of
 *     its place at its start, so that anyone can tell, even from a snapshot, whether the place
 *     has moved on since (a timer that ran out is shown until then)
 */
public record SessionBoard(
    String session,
    int draftsMade,
    int finalVotesOpened,
    Map<String, Draft> drafts,
    Map<String, FinalVote> finalVotes,
    boolean reportPublished,
    List<AgendaItem> agenda,
    int phaseIndex,
    Map<String, PhaseKind> tablePhases,
    Map<String, Timer> timers,
    int timersStarted,
    List<Announcement> announcements,
    int announcementsMade,
    Map<String, Integer> phaseChanges) implements State {

  public SessionBoard {
    drafts = Frozen.map(drafts);
    finalVotes = Frozen.map(finalVotes);
    agenda = Frozen.list(agenda);
    tablePhases = Frozen.map(tablePhases);
    timers = Frozen.map(timers);
    announcements = Frozen.list(announcements);
    phaseChanges = Frozen.map(phaseChanges);
    // A snapshot written before sessions had agendas reads phaseIndex as 0.
    if (agenda.isEmpty()) {
      phaseIndex = -1;
    }
  }

  /** A session in which nothing has happened yet. */
  public static SessionBoard empty(String session) {
    return new SessionBoard(session, 0, 0, Map.of(), Map.of(), false,
        List.of(), -1, Map.of(), Map.of(), 0, List.of(), 0, Map.of());
  }

  /**
   * How often the phase in force at a place has changed: the session's changes, plus the
   * table's own for a table (null: the session as a whole). It only grows.
   */
  public int phaseMark(String table) {
    int mark = phaseChanges.getOrDefault("", 0);
    return table == null ? mark : mark + phaseChanges.getOrDefault(table, 0);
  }

  /**
   * The phase a table is in: its own sub-phase, else the session's current phase, else null
   * while the agenda has not started.
   */
  public PhaseKind phaseFor(String table) {
    PhaseKind own = table == null ? null : tablePhases.get(table);
    if (own != null) {
      return own;
    }
    return phaseIndex < 0 ? null : agenda.get(phaseIndex).phase();
  }

  SessionBoard withDrafts(Map<String, Draft> next, int made) {
    return new SessionBoard(session, made, finalVotesOpened, next, finalVotes, reportPublished,
        agenda, phaseIndex, tablePhases, timers, timersStarted, announcements, announcementsMade,
        phaseChanges);
  }

  SessionBoard withDraft(Draft draft) {
    Map<String, Draft> next = new LinkedHashMap<>(drafts);
    next.put(draft.id(), draft);
    return withDrafts(next, draftsMade);
  }

  SessionBoard withFinalVotes(Map<String, FinalVote> next, int opened) {
    return new SessionBoard(session, draftsMade, opened, drafts, next, reportPublished,
        agenda, phaseIndex, tablePhases, timers, timersStarted, announcements, announcementsMade,
        phaseChanges);
  }

  SessionBoard withFinalVote(FinalVote vote) {
    Map<String, FinalVote> next = new LinkedHashMap<>(finalVotes);
    next.put(vote.id(), vote);
    return withFinalVotes(next, finalVotesOpened);
  }

  SessionBoard withReportPublished(boolean published) {
    return new SessionBoard(session, draftsMade, finalVotesOpened, drafts, finalVotes, published,
        agenda, phaseIndex, tablePhases, timers, timersStarted, announcements, announcementsMade,
        phaseChanges);
  }

  SessionBoard withAgenda(List<AgendaItem> items, int index) {
    return new SessionBoard(session, draftsMade, finalVotesOpened, drafts, finalVotes,
        reportPublished, items, index, tablePhases, timers, timersStarted, announcements,
        announcementsMade, phaseChanges);
  }

  /** The phases after a change at a place ("" for the session, else a table), counted. */
  SessionBoard withPhases(int index, Map<String, PhaseKind> tables, String changedAt) {
    Map<String, Integer> changes = new LinkedHashMap<>(phaseChanges);
    changes.merge(changedAt, 1, Integer::sum);
    return new SessionBoard(session, draftsMade, finalVotesOpened, drafts, finalVotes,
        reportPublished, agenda, index, tables, timers, timersStarted, announcements,
        announcementsMade, changes);
  }

  SessionBoard withTimers(Map<String, Timer> next, int started) {
    return new SessionBoard(session, draftsMade, finalVotesOpened, drafts, finalVotes,
        reportPublished, agenda, phaseIndex, tablePhases, next, started, announcements,
        announcementsMade, phaseChanges);
  }

  SessionBoard withTimer(Timer timer) {
    Map<String, Timer> next = new LinkedHashMap<>(timers);
    next.put(timer.id(), timer);
    return withTimers(next, timersStarted);
  }

  SessionBoard withAnnouncements(List<Announcement> next, int made) {
    return new SessionBoard(session, draftsMade, finalVotesOpened, drafts, finalVotes,
        reportPublished, agenda, phaseIndex, tablePhases, timers, timersStarted, next, made,
        phaseChanges);
  }
}
