package org.tingsted.server.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.JsonNode;
import org.tingsted.protocol.EventKind;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.journal.JournalRow;

/**
 * Between stream events and journal rows, through the one JSON encoding of the model. A row
 * carries its kind's wire name and schema version from the registry ({@link EventKinds}); an
 * older row is upcast ({@link Upcasts}) before it is read. A snapshot carries the version of
 * the states' schema, {@link #STATE_VERSION}; one of another version is not read (the stream is
 * replayed instead).
 */
final class JournalCodec {

  /**
   * The version of the states' JSON (boards, session boards) in snapshots. Raise it when a
   * state changes so that old snapshots no longer read right: they are then ignored and the
   * streams replayed from their events, which upcasting keeps readable.
   */
  static final int STATE_VERSION = 1;

  private JournalCodec() {
  }

  static JournalRow row(StreamEvent event, String commandId) {
    EventKind kind = EventKinds.of(event.event());
    return new JournalRow(event.stream(), event.seq(), event.at(), event.by(),
        kind.wire(), kind.version(), ModelJson.dataOf(event.event()).toString(), commandId);
  }

  static StreamEvent event(JournalRow row) {
    return event(row, Upcasts.CURRENT);
  }

  /** A row as this version reads it, upcast by these steps when it is older. */
  static StreamEvent event(JournalRow row, Upcasts upcasts) {
    EventKind kind = kindOf(row);
    return read(row, upcasts, kind, kind.version());
  }

  /** A row read as version {@code current} of its kind (tests try a future version). */
  static StreamEvent event(JournalRow row, Upcasts upcasts, int current) {
    return read(row, upcasts, kindOf(row), current);
  }

  private static StreamEvent read(JournalRow row, Upcasts upcasts, EventKind kind, int current) {
    try {
      ObjectNode node = upcasts.upcast(kind, row.version(), current,
          (ObjectNode) ModelJson.mapper().readTree(row.data()));
      node.put(ModelJson.KIND, row.kind());
      Event event = ModelJson.mapper().treeToValue(node, Event.class);
      return new StreamEvent(row.stream(), row.seq(), row.at(), row.by(), event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("event " + row.stream() + "#" + row.seq() + " cannot be read", e);
    }
  }

  private static EventKind kindOf(JournalRow row) {
    return EventKind.ofWire(row.kind()).orElseThrow(() -> new IllegalStateException(
        "event " + row.stream() + "#" + row.seq() + " is of a kind this Tingsted does not know: " + row.kind()));
  }

  /** A stream's state as a snapshot keeps it: typed, so that it reads back as the right kind. */
  static String state(State state) {
    ObjectNode node = ModelJson.mapper().valueToTree(state);
    node.put(ModelJson.KIND, ModelJson.stateName(state));
    return node.toString();
  }

  static State state(String json) {
    try {
      JsonNode node = ModelJson.mapper().readTree(json);
      Class<? extends State> type = ModelJson.stateType(node.path(ModelJson.KIND).asText());
      ((ObjectNode) node).remove(ModelJson.KIND);
      return ModelJson.mapper().treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
