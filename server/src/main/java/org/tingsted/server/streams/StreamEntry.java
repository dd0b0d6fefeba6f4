package org.tingsted.server.streams;

import org.tingsted.protocol.StreamId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.tingsted.server.deliberation.State;

/**
 * The shared working copy of one stream, as held in Hazelcast at the owner of its partition
 * (with a backup on a second member).
 *
 * @param stream the stream name, {@code table:<id>} or {@code session:<id>}
 * @param seq    the sequence number of the last event; 0 before the first
 * @param state  the stream's state after event {@code seq}: a table's board, a session's plenary
 * @param recent the last events, oldest first, for resuming clients and catching up nodes
 * @param acks   recently accepted command ids ({@link #ackKey}) with the seq of their first
 *               event, oldest first, so that a retried command is answered, not applied again
 */
public record StreamEntry(String stream, long seq,
                          @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = ModelJson.KIND) State state,
                          List<StreamEvent> recent, Map<String, Long> acks) {

  /** How many events a stream keeps for resume; older gaps are answered with a snapshot. */
  public static final int RECENT_EVENTS = 1000;
  /** How many command ids a stream remembers for at-most-once delivery. */
  public static final int REMEMBERED_COMMANDS = 4096;

  public StreamEntry {
    recent = List.copyOf(recent);
    acks = Collections.unmodifiableMap(new LinkedHashMap<>(acks));
  }

  /** A stream with no events yet. */
  public static StreamEntry empty(String stream) {
    return new StreamEntry(stream, 0, StreamKind.of(stream).empty(StreamId.of(stream).id()), List.of(), Map.of());
  }

  /** The key under which a member's command id is remembered. */
  public static String ackKey(String member, String commandId) {
    return member + '\u001f' + commandId;
  }

  /** The sequence number of the oldest event still in {@link #recent}, or seq+1 if none. */
  public long oldestRecentSeq() {
    return recent.isEmpty() ? seq + 1 : recent.get(0).seq();
  }

  /** This entry after appending {@code events} accepted for {@code ackKey}. */
  StreamEntry append(List<StreamEvent> events, State after, String ackKey) {
    long last = events.isEmpty() ? seq : events.get(events.size() - 1).seq();
    var nextRecent = new ArrayList<StreamEvent>(Math.min(recent.size() + events.size(), RECENT_EVENTS));
    int drop = Math.max(0, recent.size() + events.size() - RECENT_EVENTS);
    nextRecent.addAll(recent.subList(Math.min(drop, recent.size()), recent.size()));
    nextRecent.addAll(events.subList(Math.max(0, drop - recent.size()), events.size()));
    var nextAcks = new LinkedHashMap<>(acks);
    nextAcks.put(ackKey, events.isEmpty() ? 0L : events.get(0).seq());
    var it = nextAcks.keySet().iterator();
    while (nextAcks.size() > REMEMBERED_COMMANDS) {
      it.next();
      it.remove();
    }
    return new StreamEntry(stream, last, after, nextRecent, nextAcks);
  }
}
