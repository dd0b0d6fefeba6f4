package org.tingsted.server.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.JsonNode;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.journal.JournalRow;

/** Between stream events and journal rows, through the one JSON encoding of the model. */
final class JournalCodec {

  private JournalCodec() {
  }

  static JournalRow row(StreamEvent event, String commandId) {
    return new JournalRow(event.stream(), event.seq(), event.at(), event.by(),
        ModelJson.kindOf(event.event()), ModelJson.dataOf(event.event()).toString(), commandId);
  }

  static StreamEvent event(JournalRow row) {
    try {
      ObjectNode node = (ObjectNode) ModelJson.mapper().readTree(row.data());
      node.put(ModelJson.KIND, row.kind());
      Event event = ModelJson.mapper().treeToValue(node, Event.class);
      return new StreamEvent(row.stream(), row.seq(), row.at(), row.by(), event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("event " + row.stream() + "#" + row.seq() + " cannot be read", e);
    }
  }

  /** A stream's state as a snapshot keeps it: typed, so that it reads back as the right kind. */
  static String state(State state) {
    ObjectNode node = ModelJson.mapper().valueToTree(state);
    node.put(ModelJson.KIND, ModelJson.kindName(state.getClass()));
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
