package org.tingsted.server.deliberation;

import java.util.List;

/** What {@link Table#decide} says to a command: the events it causes, or why it is refused. */
public sealed interface Decision permits Decision.Accepted, Decision.Rejected {

  /** The command is accepted and causes these events, to be applied in order. */
  record Accepted(List<TableEvent> events) implements Decision {
    public Accepted {
      events = Frozen.list(events);
    }
  }

  /** The command is refused; nothing changes. */
  record Rejected(Rejection rejection) implements Decision {}
}
