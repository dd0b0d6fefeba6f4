package org.tingsted.server.deliberation;

/** Placeholder until the plenary model lands. */
public sealed interface SessionEvent extends Event {
  /** Placeholder. */
  record Placeholder() implements SessionEvent {}
}
