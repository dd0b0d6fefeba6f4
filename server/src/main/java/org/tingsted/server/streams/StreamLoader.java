package org.tingsted.server.streams;

import org.tingsted.protocol.StreamId;
import com.hazelcast.map.MapLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.journal.JournalRow;

/**
 * Rebuilds a stream's working copy from the journal when Hazelcast holds none (after a restart
 * of the cluster, or after a stale copy was dropped): the newest snapshot, then every event
 * after it (or every event, when the snapshot is of another schema version or does not read);
 * the last events for resume; and the command ids behind them, so that a command
 * retried across the restart is still applied only once.
 */
final class StreamLoader implements MapLoader<String, StreamEntry> {

  private static final int READ_PAGE = 5000;
  private static final Logger LOG = LoggerFactory.getLogger(StreamLoader.class);
  private final Journal journal;

  StreamLoader(Journal journal) {
    this.journal = journal;
  }

  @Override
  public StreamEntry load(String stream) {
    StreamKind<State, Command, Event> kind = StreamKind.of(stream);
    State state = kind.empty(StreamId.of(stream).id());
    long seq = 0;
    var snapshot = journal.latestSnapshot(stream);
    if (snapshot.isPresent()) {
      // A snapshot of another schema version, or one that does not read, is passed over: the
      // events, upcast where they are old, make the same state.
      State read = readable(snapshot.get());
      if (read != null) {
        state = read;
        seq = snapshot.get().seq();
      }
    }
    for (List<JournalRow> page = journal.read(stream, seq, READ_PAGE); !page.isEmpty();
         page = journal.read(stream, seq, READ_PAGE)) {
      for (JournalRow row : page) {
        if (row.seq() != seq + 1) {
          throw new IllegalStateException(stream + " has a gap in the journal after seq " + seq);
        }
        state = kind.evolve(state, JournalCodec.event(row).event());
        seq = row.seq();
      }
    }
    if (seq == 0) {
      return null;
    }
    var recentRows = journal.readLast(stream, StreamEntry.RECENT_EVENTS);
    var recent = new ArrayList<StreamEvent>(recentRows.size());
    Map<String, Long> acks = new LinkedHashMap<>();
    for (JournalRow row : recentRows) {
      recent.add(JournalCodec.event(row));
      if (row.by() != null && row.commandId() != null) {
        acks.putIfAbsent(StreamEntry.ackKey(row.by(), row.commandId()), row.seq());
      }
    }
    return new StreamEntry(stream, seq, state, recent, acks);
  }

  private static State readable(Journal.Snapshot snapshot) {
    if (snapshot.version() != JournalCodec.STATE_VERSION) {
      LOG.info("{}: the snapshot at seq {} has schema version {}, not {}; replaying the events instead",
          snapshot.stream(), snapshot.seq(), snapshot.version(), JournalCodec.STATE_VERSION);
      return null;
    }
    try {
      return JournalCodec.state(snapshot.state());
    } catch (RuntimeException e) {
      LOG.warn("{}: the snapshot at seq {} does not read ({}); replaying the events instead",
          snapshot.stream(), snapshot.seq(), e.getMessage());
      return null;
    }
  }

  @Override
  public Map<String, StreamEntry> loadAll(java.util.Collection<String> streams) {
    var loaded = new LinkedHashMap<String, StreamEntry>();
    for (String stream : streams) {
      StreamEntry entry = load(stream);
      if (entry != null) {
        loaded.put(stream, entry);
      }
    }
    return loaded;
  }

  @Override
  public Iterable<String> loadAllKeys() {
    // Streams load when first used; a restart does not read every table at once.
    return null;
  }
}
