package org.tingsted.server.deliberation;

import java.util.List;
import java.util.Map;

/**
 * Something a person asks of a session's plenary. Commands come from clients, so any field may
 * be missing (null); {@link Plenary#decide} answers that with a rejection rather than an
 * exception.
 */
public sealed interface SessionCommand extends Command {

  /**
   * Make a draft recommendation from table results. The server fills each source's title and
   * text from the table's board before the command is decided.
   */
  record PromoteDraft(List<Source> sources, String title, String text) implements SessionCommand {
    public PromoteDraft {
      sources = Frozen.listOrNull(sources);
    }
  }

  /**
   * Change a draft's title and/or text; null keeps the current value. {@code version} is the
   * version the lead facilitator was looking at, so that an edit made on an outdated copy is
   * refused.
   */
  record EditDraft(String draft, int version, String title, String text)
      implements SessionCommand {}

  /**
   * Fold draft {@code from} into draft {@code into}: {@code into} takes on {@code from}'s sources
   * and, when given, a new title and text; {@code from} stays listed as merged.
   */
  record MergeDrafts(String from, String into, String title, String text)
      implements SessionCommand {}

  /** Take a draft off the plenary's list, with a reason everyone can read. */
  record WithdrawDraft(String draft, String reason) implements SessionCommand {}

  /**
   * Open the final vote on these drafts, in this order. A draft is adopted when the share of the
   * {@code electorate} supporting it reaches {@code threshold} (e.g. 0.6667 for two thirds).
   */
  record OpenFinalVote(List<String> drafts, double threshold, int electorate)
      implements SessionCommand {
    public OpenFinalVote {
      drafts = Frozen.listOrNull(drafts);
    }
  }

  /**
   * Mark some or all of the vote's drafts; casting again while the vote is open replaces the
   * member's earlier ballot.
   */
  record CastFinalBallot(String vote, Map<String, Choice> choices) implements SessionCommand {
    public CastFinalBallot {
      choices = Frozen.mapOrNull(choices);
    }
  }

  /** Close a final vote and count it. */
  record CloseFinalVote(String vote) implements SessionCommand {}

  /**
   * Record (or correct) the City Council's answer to a draft recommendation.
   *
   * @param text the Council's words, or null
   * @param date yyyy-mm-dd
   */
  record RecordAnswer(String draft, AnswerStatus status, String text, String date)
      implements SessionCommand {}

  /** Publish the session's report. */
  record PublishReport() implements SessionCommand {}

  /** Take the session's report down again. */
  record UnpublishReport() implements SessionCommand {}

  /**
   * Replace the day's agenda. Allowed at any time: the session stays at the same item number,
   * or at the last item when the new agenda is shorter; its phase timer runs on.
   */
  record SetAgenda(List<AgendaItem> items) implements SessionCommand {
    public SetAgenda {
      items = Frozen.listOrNull(items);
    }
  }

  /** Start the day at the agenda's first item. */
  record StartAgenda(long now) implements SessionCommand, Timed {
    @Override
    public StartAgenda at(long time) {
      return new StartAgenda(time);
    }
  }

  /** Move the session on to the next item of the agenda. */
  record AdvancePhase(long now) implements SessionCommand, Timed {
    @Override
    public AdvancePhase at(long time) {
      return new AdvancePhase(time);
    }
  }

  /** Move the session back to the previous item of the agenda, which starts afresh. */
  record GoBackPhase(long now) implements SessionCommand, Timed {
    @Override
    public GoBackPhase at(long time) {
      return new GoBackPhase(time);
    }
  }

  /**
   * Put one table in a phase of its own, while the session stays where it is; {@code phase}
   * null lets the table follow the session again.
   */
  record SetTablePhase(String table, PhaseKind phase) implements SessionCommand {}

  /**
   * Start a countdown of {@code seconds}. {@code table} null times the whole session; {@code
   * label}, optional, says what it times.
   */
  record StartTimer(TimerScope scope, int seconds, String label, String table, long now)
      implements SessionCommand, Timed {
    @Override
    public StartTimer at(long time) {
      return new StartTimer(scope, seconds, label, table, time);
    }
  }

  /** Stop a running timer, keeping the time it has left. */
  record PauseTimer(String timer, long now) implements SessionCommand, Timed {
    @Override
    public PauseTimer at(long time) {
      return new PauseTimer(timer, time);
    }
  }

  /** Let a paused timer run on with the time it had left. */
  record ResumeTimer(String timer, long now) implements SessionCommand, Timed {
    @Override
    public ResumeTimer at(long time) {
      return new ResumeTimer(timer, time);
    }
  }

  /** Give a running or paused timer {@code seconds} more. */
  record ExtendTimer(String timer, int seconds, long now) implements SessionCommand, Timed {
    @Override
    public ExtendTimer at(long time) {
      return new ExtendTimer(timer, seconds, time);
    }
  }

  /** Stop a running or paused timer for good. */
  record CancelTimer(String timer) implements SessionCommand {}

  /**
   * The server's clock says a running timer has reached its deadline. Only the server gives
   * this command (as {@link Role#SERVER}).
   */
  record ElapseTimer(String timer, long now) implements SessionCommand, Timed {
    @Override
    public ElapseTimer at(long time) {
      return new ElapseTimer(timer, time);
    }
  }

  /** Tell the room something; {@code tables} empty (or null) tells every table. */
  record Announce(String text, List<String> tables, long now) implements SessionCommand, Timed {
    public Announce {
      tables = Frozen.listOrNull(tables);
    }

    @Override
    public Announce at(long time) {
      return new Announce(text, tables, time);
    }
  }

  /**
   * Move a member from one table to another. The server checks the roster and fills in {@code
   * fromTable} before the command is decided, and applies the move to the roster after.
   */
  record MoveMember(String member, String fromTable, String toTable) implements SessionCommand {}
}
