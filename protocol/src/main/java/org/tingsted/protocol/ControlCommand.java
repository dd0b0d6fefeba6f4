package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A command of the facilitators' control channel that steers the session day: the agenda and
 * its phases, timers, announcements and moving members between tables. Each accepted command
 * makes zero or more events on the stream {@code session:<session>} of the sender's session.
 * Like {@link PlenaryCommand}, control commands have no {@code table} to route them; where a
 * record has a field of that name ({@link SetTablePhase}, {@link StartTimer}) it names what
 * the command is about. Unless noted, they are for the lead facilitator only.
 */
public sealed interface ControlCommand extends ClientMessage {

    /**
     * Sets the agenda of the session day, replacing any agenda set before. The event
     * {@code agendaSet} carries the items with {@code autoAdvance} filled in.
     */
    record SetAgenda(String id, List<AgendaItem> items) implements ControlCommand {

        public SetAgenda {
            Require.id("id", id);
            items = Require.list("items", items, 1);
        }
    }

    /** Starts the agenda at its first item: from then on the phase decides what members may do. */
    record StartAgenda(String id) implements ControlCommand {

        public StartAgenda {
            Require.id("id", id);
        }
    }

    /** Moves the session on to the next item of the agenda. */
    record AdvancePhase(String id) implements ControlCommand {

        public AdvancePhase {
            Require.id("id", id);
        }
    }

    /** Moves the session back to the previous item of the agenda. */
    record GoBackPhase(String id) implements ControlCommand {

        public GoBackPhase {
            Require.id("id", id);
        }
    }

    /**
     * Gives a table a sub-phase of its own, or, when {@code phase} is null, lets it follow the
     * session's phase again. On the wire, {@code "phase": null} and a missing {@code phase}
     * both mean "follow the session"; the codec always writes the field. Table facilitators
     * may send it for their own table.
     */
    record SetTablePhase(String id, String table, @JsonInclude(JsonInclude.Include.ALWAYS) PhaseKind phase)
            implements ControlCommand {

        public SetTablePhase {
            Require.id("id", id);
            Require.id("table", table);
        }

        /** Whether the table goes back to following the session's phase. */
        public boolean followsSession() {
            return phase == null;
        }
    }

    /**
     * Starts a timer of {@code seconds} (at most {@value Protocol#MAX_TIMER_SECONDS}); the event
     * {@code timerStarted} carries its id and its deadline on the server's clock. {@code table} names the table the timer is for; absent,
     * the timer is for the whole session. Table facilitators may start {@code round} and
     * {@code speaker} timers for their own table.
     */
    record StartTimer(String id, TimerScope scope, int seconds, String label, String table) implements ControlCommand {

        public StartTimer {
            Require.id("id", id);
            Require.present("scope", scope);
            Require.between("seconds", seconds, 1, Protocol.MAX_TIMER_SECONDS);
            Require.optionalText("label", label, Limits.TIMER_LABEL);
            Require.optionalId("table", table);
        }
    }

    /** Stops a running timer, keeping the time it has left. */
    record PauseTimer(String id, String timer) implements ControlCommand {

        public PauseTimer {
            Require.id("id", id);
            Require.id("timer", timer);
        }
    }

    /** Lets a paused timer run on from the time it had left. */
    record ResumeTimer(String id, String timer) implements ControlCommand {

        public ResumeTimer {
            Require.id("id", id);
            Require.id("timer", timer);
        }
    }

    /** Stops a running or paused timer for good; it does not elapse. */
    record CancelTimer(String id, String timer) implements ControlCommand {

        public CancelTimer {
            Require.id("id", id);
            Require.id("timer", timer);
        }
    }

    /**
     * Gives a running or paused timer {@code seconds} more; the server refuses an extension
     * that would make the timer longer than {@value Protocol#MAX_TIMER_SECONDS} seconds in all.
     */
    record ExtendTimer(String id, String timer, int seconds) implements ControlCommand {

        public ExtendTimer {
            Require.id("id", id);
            Require.id("timer", timer);
            Require.between("seconds", seconds, 1, Protocol.MAX_TIMER_SECONDS);
        }
    }

    /**
     * Shows a text at the tables named in {@code tables}, or at every table when it is absent
     * or empty. The event {@code announced} carries the announcement's id.
     */
    record Announce(String id, String text, List<String> tables) implements ControlCommand {

        public Announce {
            Require.id("id", id);
            Require.text("text", text, Limits.ANNOUNCEMENT);
            tables = Require.optionalIds("tables", tables);
        }

        /** Whether the announcement is for every table of the session. */
        public boolean everyTable() {
            return tables == null || tables.isEmpty();
        }
    }

    /** Moves a member from their table to {@code toTable}. */
    record MoveMember(String id, String member, String toTable) implements ControlCommand {

        public MoveMember {
            Require.id("id", id);
            Require.id("member", member);
            Require.id("toTable", toTable);
        }
    }
}
