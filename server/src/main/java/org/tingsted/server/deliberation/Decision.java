package org.tingsted.server.deliberation;

import java.util.List;

/**
 * What a stream's {@code decide} says to a command: the events it causes, or why it is refused.
 *
 * @param <E> the stream's kind of event
 */
public sealed interface Decision<E extends Event> permits Decision.Accepted, Decision.Rejected {

  /** The command is accepted and causes these events, to be applied in order. */
  record Accepted<E extends Event>(List<E> events) implements Decision<E> {
    public Accepted {
      events = Frozen.list(events);
    }
  }

  /** The command is refused; nothing changes. */
  record Rejected<E extends Event>(Rejection rejection) implements Decision<E> {}
}
