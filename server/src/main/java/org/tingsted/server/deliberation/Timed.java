package org.tingsted.server.deliberation;

/**
 * A command whose effect depends on the time it is carried out (a turn's length, a timer's
 * deadline). Clients never send the time: the server stamps it with its own clock at the
 * stream's owner, just before deciding, so the model stays free of clocks and replays alike.
 */
public interface Timed {

  /** The time the command is carried out, ms since the epoch; 0 until the server stamps it. */
  long now();

  /** This command carried out at {@code now}. */
  Command at(long now);
}
