package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tingsted.server.deliberation.Event;

/**
 * The protocol's event vectors (what docs/protocol.md shows) against what the server emits:
 * each vector's data, read into the model's event and written again as the server writes it
 * on the wire, is the vector's data exactly, field for field. A field the server does not
 * write, writes under another name or of another type, shows up here.
 */
@DisplayName("The protocol's event vectors are what the server emits")
class EventVectorsTest {

  static final Path VECTORS = Path.of("..", "protocol", "src", "test", "resources", "vectors", "server");

  static List<String> events() throws IOException {
    try (Stream<Path> files = Files.list(VECTORS)) {
      return files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("event-")).sorted().toList();
    }
  }

  /** The model's event that an event vector describes: its data read as its kind. */
  static Event event(JsonNode vector) throws IOException {
    ObjectNode typed = vector.get("data").deepCopy();
    typed.put(ModelJson.KIND, vector.get("kind").asText());
    return ModelJson.mapper().treeToValue(typed, Event.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  @DisplayName("a vector's data is the server's encoding of the event it describes")
  void vectorIsWhatTheServerWrites(String file) throws IOException {
    JsonNode vector = ModelJson.mapper().readTree(VECTORS.resolve(file).toFile());
    Event event = event(vector);
    assertThat(ModelJson.kindOf(event)).isEqualTo(vector.get("kind").asText());
    JsonNode written = ModelJson.mapper().readTree(ModelJson.dataOf(event).toString());
    assertThat(written).as("%s as the server writes it", file).isEqualTo(vector.get("data"));
  }
}
