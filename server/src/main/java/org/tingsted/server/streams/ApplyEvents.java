package org.tingsted.server.streams;

import com.hazelcast.map.EntryProcessor;
import java.util.List;
import java.util.Map;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.State;

/**
 * The backup half of {@link RunCommand}: the events the owner accepted (already numbered and
 * stamped), applied to the backup's copy. What crosses to the backup is the command's events,
 * not the board, so its cost does not grow with the table. A copy that already holds them
 * (loaded from the journal) stays as it is; one that ends anywhere else but just before them
 * is dropped, and reloaded from the journal should this backup be promoted.
 */
record ApplyEvents(List<StreamEvent> events, String ackKey) implements EntryProcessor<String, StreamEntry, Outcome> {

  @Override
  public Outcome process(Map.Entry<String, StreamEntry> target) {
    String stream = events.get(0).stream();
    StreamEntry current = target.getValue() != null ? target.getValue() : StreamEntry.empty(stream);
    long last = events.get(events.size() - 1).seq();
    if (current.seq() >= last) {
      // The backup's copy already holds these events (Hazelcast loaded it from the journal,
      // which has them): it is up to date as it is.
      return null;
    }
    if (events.get(0).seq() != current.seq() + 1) {
      target.setValue(null);
      return null;
    }
    StreamKind<State, Command, Event> kind = StreamKind.of(stream);
    State state = current.state();
    for (StreamEvent e : events) {
      state = kind.evolve(state, e.event());
    }
    target.setValue(current.append(events, state, ackKey));
    return null;
  }

  @Override
  public EntryProcessor<String, StreamEntry, Outcome> getBackupProcessor() {
    return null;
  }
}
