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
 * not the board, so its cost does not grow with the table. A backup whose copy does not end
 * where these events start drops it; promoted, it reloads the stream from the journal.
 */
record ApplyEvents(List<StreamEvent> events, String ackKey) implements EntryProcessor<String, StreamEntry, Outcome> {

  @Override
  public Outcome process(Map.Entry<String, StreamEntry> target) {
    String stream = events.get(0).stream();
    StreamEntry current = target.getValue() != null ? target.getValue() : StreamEntry.empty(stream);
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
