package org.tingsted.server.streams;

/** Names of streams and of the event-bus addresses that carry them. */
public final class StreamNames {

  static final String TABLE = "table:";
  static final String SESSION = "session:";

  private StreamNames() {
  }

  /** The stream of a table's board. */
  public static String ofTable(String tableId) {
    return TABLE + tableId;
  }

  /** The stream of a session: its plenary (and later its agenda and timers). */
  public static String ofSession(String sessionId) {
    return SESSION + sessionId;
  }

  /** The table of a table stream, or null if {@code stream} is not one. */
  public static String tableOf(String stream) {
    return stream != null && stream.startsWith(TABLE) ? stream.substring(TABLE.length()) : null;
  }

  /** The event-bus address on which a stream's events are published to every node. */
  public static String address(String stream) {
    return "tingsted.stream." + stream;
  }
}
