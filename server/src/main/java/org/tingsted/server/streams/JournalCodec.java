package org.tingsted.server.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.TableEvent;
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
      TableEvent event = ModelJson.mapper().treeToValue(node, TableEvent.class);
      return new StreamEvent(row.stream(), row.seq(), row.at(), row.by(), event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("event " + row.stream() + "#" + row.seq() + " cannot be read", e);
    }
  }

  static String board(Board board) {
    try {
      return ModelJson.mapper().writeValueAsString(board);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Board board(String json) {
    try {
      return ModelJson.mapper().readValue(json, Board.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
