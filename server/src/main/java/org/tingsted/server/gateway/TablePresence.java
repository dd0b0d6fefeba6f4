package org.tingsted.server.gateway;

import com.hazelcast.map.EntryProcessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is connected to one table right now: one seat per open connection (a member may have a
 * tablet and a laptop open at once), kept in Hazelcast so that every node sees all of them.
 *
 * @param assembly    the assembly of the table, to name the people when the presence is published
 * @param connections the seats, by connection
 */
record TablePresence(String assembly, Map<String, Seat> connections) {

  TablePresence {
    connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
  }

  /**
   * One connection's member, where they take part from ({@code room} or {@code remote}), and
   * the node (its Hazelcast member's id) that holds the connection.
   */
  record Seat(String member, String device, String node) {
  }

  /** A connection sits down. */
  record Arrive(String assembly, String connection, Seat seat) implements EntryProcessor<String, TablePresence, TablePresence> {
    @Override
    public TablePresence process(Map.Entry<String, TablePresence> entry) {
      var next = new LinkedHashMap<>(entry.getValue() == null ? Map.<String, Seat>of() : entry.getValue().connections());
      next.put(connection, seat);
      var presence = new TablePresence(assembly, next);
      entry.setValue(presence);
      return presence;
    }
  }

  /** A connection leaves. */
  record Leave(String connection) implements EntryProcessor<String, TablePresence, TablePresence> {
    @Override
    public TablePresence process(Map.Entry<String, TablePresence> entry) {
      if (entry.getValue() == null) {
        return new TablePresence(null, Map.of());
      }
      var next = new LinkedHashMap<>(entry.getValue().connections());
      next.remove(connection);
      return replace(entry, next);
    }
  }

  /**
   * A node died: its connections are gone with it. Returns the table's presence when it
   * changed, null when the node held no connection there.
   */
  record DropNode(String node) implements EntryProcessor<String, TablePresence, TablePresence> {
    @Override
    public TablePresence process(Map.Entry<String, TablePresence> entry) {
      if (entry.getValue() == null) {
        return null;
      }
      var next = new LinkedHashMap<>(entry.getValue().connections());
      if (!next.values().removeIf(seat -> node.equals(seat.node()))) {
        return null;
      }
      return replace(entry, next);
    }
  }

  private static TablePresence replace(Map.Entry<String, TablePresence> entry, Map<String, Seat> next) {
    var presence = new TablePresence(entry.getValue().assembly(), next);
    entry.setValue(next.isEmpty() ? null : presence);
    return presence;
  }
}
