package org.tingsted.server.deliberation;

/** Placeholder until the plenary model lands. */
public sealed interface SessionCommand extends Command {
  /** Placeholder. */
  record Placeholder() implements SessionCommand {}
}
