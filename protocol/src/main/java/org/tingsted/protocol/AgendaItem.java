package org.tingsted.protocol;

/**
 * One phase of the session's agenda in {@code setAgenda}: what it is for, its title, its
 * planned length in seconds (0: no planned length, at most {@value Protocol#MAX_TIMER_SECONDS})
 * and whether the server moves on to the next item by itself when that time has run out.
 * {@code autoAdvance} defaults to false, so it is never null once built.
 */
public record AgendaItem(PhaseKind phase, String title, int seconds, Boolean autoAdvance) {

    public AgendaItem {
        Require.present("phase", phase);
        Require.text("title", title, Limits.AGENDA_TITLE);
        Require.between("seconds", seconds, 0, Protocol.MAX_TIMER_SECONDS);
        autoAdvance = autoAdvance != null && autoAdvance;
    }

    /** An item the lead facilitator ends by hand ({@code autoAdvance} false). */
    public static AgendaItem of(PhaseKind phase, String title, int seconds) {
        return new AgendaItem(phase, title, seconds, false);
    }

    /** Whether the item has a planned length; only then does it get a phase timer. */
    public boolean planned() {
        return seconds > 0;
    }
}
