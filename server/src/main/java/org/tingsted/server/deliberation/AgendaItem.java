package org.tingsted.server.deliberation;

/**
 * One item of the session day's agenda.
 *
 * @param title what the room sees, 1 to {@link Limits#TITLE} characters
 * @param seconds the planned length; 0 for none. An item with a planned length gets a phase
 *     timer when it starts.
 * @param autoAdvance whether the day moves on to the next item by itself when the item's phase
 *     timer runs out
 */
public record AgendaItem(PhaseKind phase, String title, int seconds, boolean autoAdvance) {}
