package org.tingsted.server.gateway;

import com.hazelcast.map.EntryProcessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is connected to one table right now: one seat per open connection (a member may have a
 * tablet and a laptop open at once), kept in Hazelcast so that every node sees all of them.
 */
record TablePresence(Map<String, Seat> connections) {

  TablePresence {
    connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
  }

  /** One connection's member and where they take part from ({@code room} or {@code remote}). */
  record Seat(String member, String device) {
  }

  /** A connection sits down. */
  record Arrive(String connection, Seat seat) implements EntryProcessor<String, TablePresence, TablePresence> {
    @Override
    public TablePresence process(Map.Entry<String, TablePresence> entry) {
      var next = new LinkedHashMap<>(entry.getValue() == null ? Map.<String, Seat>of() : entry.getValue().connections());
      next.put(connection, seat);
      var presence = new TablePresence(next);
      entry.setValue(presence);
      return presence;
    }
  }

  /** A connection leaves. */
  record Leave(String connection) implements EntryProcessor<String, TablePresence, TablePresence> {
    @Override
    public TablePresence process(Map.Entry<String, TablePresence> entry) {
      if (entry.getValue() == null) {
        return new TablePresence(Map.of());
      }
      var next = new LinkedHashMap<>(entry.getValue().connections());
      next.remove(connection);
      var presence = new TablePresence(next);
      if (next.isEmpty()) {
        entry.setValue(null);
      } else {
        entry.setValue(presence);
      }
      return presence;
    }
  }
}
