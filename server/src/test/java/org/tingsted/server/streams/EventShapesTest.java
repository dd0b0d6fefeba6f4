package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import org.tingsted.protocol.EventKind;

/**
 * Every event the model emits in {@link StoreMirrorTest}'s random sequences (as its reader, the
 * one who acted and a bystander are each sent it) has the shape of a protocol vector of its kind
 * ({@code protocol/src/test/resources/vectors/server/event-*.json}), so the vectors, and
 * docs/protocol.md which shows them, show every field the server writes. Where a kind has
 * several vectors, an event matches when it matches one of them.
 *
 * <p>The shape rule: the same JSON type (string, number, boolean, object, array) at every path,
 * into objects and into array elements; an object of the model's records has the same field
 * names as the vector's. A JSON object that is a Java {@code Map} (a tally by item, a ballot's
 * dots, the choices of a final ballot) has keys that are data, not names: each of its values
 * must match one of the vector's values, whatever its key. Likewise each element of an array must
 * match one of the vector's elements, so the vector must show at least one element of every
 * array that is not always empty.
 *
 * <p>Absent and null: ModelJson writes no nulls, so a field that is null in the model is absent
 * on the wire, and a vector (which is what the server writes, see {@link EventVectorsTest})
 * cannot show a null. (A field of a primitive type is always written, 0 or false included.) A field that a kind's events may lack is therefore either shown absent by a
 * second vector of the kind (a ballot as others see it, a vote closed as members see it, a phase
 * of a table), or named in {@link #OPTIONAL}, as docs/protocol.md marks it optional: there, the vector shows the field present, which
 * fixes its type, and an event may lack it. An event never has a field that no vector shows.
 */
@Label("The events the model emits have the shape of the protocol's vectors")
class EventShapesTest {

  private static final Path VECTORS = EventVectorsTest.VECTORS;

  /**
   * Per kind, the fields an event may lack that its vector shows: those docs/protocol.md marks
   * optional (left out when they do not apply). A path names fields within fields with a dot;
   * {@code []} stands for any element of an array, {@code {}} for any value of a map.
   */
  static final Map<String, Set<String>> OPTIONAL = Map.of(
      "commented", Set.of("replyTo"),
      "proposalMoved", Set.of("from", "to"),
      "videoLinkSet", Set.of("url"),
      "answerRecorded", Set.of("text"),
      "timerStarted", Set.of("label", "table"),
      // A source's text is left out when empty (a cluster with no visible proposals).
      "draftPromoted", Set.of("sources[].text"),
      "draftsMerged", Set.of("sources[].text"));

  /**
   * Fields whose shape docs/protocol.md gives once for several messages, so that a vector of
   * one kind shows one form and the others are shown elsewhere: an event of {@code kind} also
   * matches its vector with {@code field} replaced by that field of any vector whose file, in
   * {@code folder}, starts with {@code prefix} ({@code pointer} into it).
   */
  private record Shared(String kind, String field, String folder, String prefix, String pointer) {
  }

  private static final List<Shared> SHARED = List.of(
      // "exactly one of the three forms" of castBallot: the voter's own ballotCast carries it.
      new Shared("ballotCast", "ballot", "client", "castBallot", "/ballot"),
      // "`result` is shaped as in voteClosed", whose vectors show the three methods' results.
      new Shared("resultPublished", "result", "server", "event-voteClosed", "/data/result"),
      // A source, "exactly one of proposal and cluster", is shown with both in draftsMerged.
      new Shared("draftPromoted", "sources", "server", "event-draftsMerged", "/data/sources"));

  @Example
  @Label("every event of the 400 random sequences matches a vector of its kind, field by field and type by type")
  void everyEmittedEventHasTheShapeOfAVector() throws Exception {
    Map<String, List<JsonNode>> vectors = vectorsByKind();
    Map<String, Found> found = new TreeMap<>();
    int checked = 0;
    for (StoreMirrorTest.Run run : StoreMirrorTest.runs()) {
      for (JsonNode event : run.emitted()) {
        String kind = event.get("kind").asText();
        List<String> differences = match(kind, vectors.getOrDefault(kind, List.of()), event.get("data"));
        for (String difference : differences) {
          found.computeIfAbsent(kind + ": " + difference, d -> new Found(run.seed(), run.stream(), event)).count++;
        }
        checked++;
      }
    }
    List<String> report = new ArrayList<>();
    found.forEach((difference, first) -> report.add(difference + " (" + first.count + " times; first in seed "
        + first.seed + ", " + first.stream + ": " + first.event + ")"));
    assertThat(report).as("how the events emitted differ from the vectors of their kind, after %d events"
        + " (-Dtingsted.mirror.seed=SEED reruns a seed first)", checked).isEmpty();
  }

  @Example
  @Label("every event kind has a vector")
  void everyKindHasAVector() throws IOException {
    Set<String> missing = new TreeSet<>();
    Map<String, List<JsonNode>> vectors = vectorsByKind();
    for (EventKind kind : EventKind.values()) {
      if (!vectors.containsKey(kind.wire())) {
        missing.add(kind.wire());
      }
    }
    assertThat(missing).as("event kinds with no vector event-<kind>*.json in %s", VECTORS).isEmpty();
  }

  private static final class Found {
    final long seed;
    final String stream;
    final JsonNode event;
    int count;

    Found(long seed, String stream, JsonNode event) {
      this.seed = seed;
      this.stream = stream;
      this.event = event;
    }
  }

  /**
   * The data of each event vector, by kind; and for the {@link #SHARED} fields, the same data
   * with the field as the other vectors show it.
   */
  static Map<String, List<JsonNode>> vectorsByKind() throws IOException {
    Map<String, List<JsonNode>> byKind = new TreeMap<>();
    for (JsonNode vector : vectors(VECTORS, "event-")) {
      byKind.computeIfAbsent(vector.get("kind").asText(), k -> new ArrayList<>()).add(vector.get("data"));
    }
    for (Shared shared : SHARED) {
      List<JsonNode> values = vectors(VECTORS.resolveSibling(shared.folder()), shared.prefix()).stream()
          .map(other -> other.at(shared.pointer())).filter(value -> !value.isMissingNode()).toList();
      assertThat(values).as("%s in the vectors %s*", shared.pointer(), shared.prefix()).isNotEmpty();
      List<JsonNode> alternatives = new ArrayList<>();
      for (JsonNode data : byKind.getOrDefault(shared.kind(), List.of())) {
        for (JsonNode value : values) {
          alternatives.add(((ObjectNode) data.deepCopy()).set(shared.field(), value));
        }
      }
      byKind.get(shared.kind()).addAll(alternatives);
    }
    return byKind;
  }

  private static List<JsonNode> vectors(Path folder, String prefix) throws IOException {
    List<JsonNode> vectors = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
        vectors.add(ModelJson.mapper().readTree(file.toFile()));
      }
    }
    assertThat(vectors).as("vectors %s* in %s", prefix, folder).isNotEmpty();
    return vectors;
  }

  /**
   * How an event's data differs from the closest of its kind's vectors, or nothing when it
   * matches one of them.
   */
  static List<String> match(String kind, List<JsonNode> vectors, JsonNode data) {
    if (vectors.isEmpty()) {
      return List.of("no vector of this kind");
    }
    JavaType type = ModelJson.mapper().constructType(
        EventKinds.typeOf(EventKind.ofWire(kind).orElseThrow(() -> new AssertionError("no event kind " + kind))));
    return closest(vectors, vector -> {
      List<String> out = new ArrayList<>();
      compare("", vector, data, type, OPTIONAL.getOrDefault(kind, Set.of()), out);
      return out;
    });
  }

  private static List<String> closest(List<JsonNode> candidates, java.util.function.Function<JsonNode, List<String>> compare) {
    List<String> best = null;
    for (JsonNode candidate : candidates) {
      List<String> differences = compare.apply(candidate);
      if (differences.isEmpty()) {
        return differences;
      }
      if (best == null || differences.size() < best.size()) {
        best = differences;
      }
    }
    return best;
  }

  /** Adds to {@code out} where {@code event} differs in shape from {@code vector}, at {@code path}. */
  private static void compare(String path, JsonNode vector, JsonNode event, JavaType type, Set<String> optional,
      List<String> out) {
    String at = path.isEmpty() ? "data" : path;
    if (vector.getNodeType() != event.getNodeType()) {
      out.add(at + ": the vector has " + name(vector) + ", the event " + name(event));
    } else if (vector.isObject() && type.isMapLikeType()) {
      elements(path + "{}", vector.elements(), event.elements(), type.getContentType(), optional, out);
    } else if (vector.isObject()) {
      Map<String, JavaType> fields = fields(type);
      Set<String> names = new TreeSet<>();
      vector.fieldNames().forEachRemaining(names::add);
      event.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String field = path.isEmpty() ? name : path + "." + name;
        if (!event.has(name)) {
          if (!optional.contains(field)) {
            out.add(field + ": in the vector, not in the event");
          }
        } else if (!vector.has(name)) {
          out.add(field + ": in the event (" + name(event.get(name)) + "), not in the vector");
        } else if (!fields.containsKey(name)) {
          out.add(field + ": not a field of " + type.getRawClass().getSimpleName());
        } else {
          compare(field, vector.get(name), event.get(name), fields.get(name), optional, out);
        }
      }
    } else if (vector.isArray()) {
      elements(path + "[]", vector.elements(), event.elements(), type.getContentType(), optional, out);
    }
  }

  /** Each of the event's elements (or map values) matches one of the vector's. */
  private static void elements(String path, Iterator<JsonNode> vector, Iterator<JsonNode> event, JavaType type,
      Set<String> optional, List<String> out) {
    List<JsonNode> shown = new ArrayList<>();
    vector.forEachRemaining(shown::add);
    while (event.hasNext()) {
      JsonNode element = event.next();
      if (shown.isEmpty()) {
        out.add(path + ": the event has " + name(element) + ", the vector shows none");
        return;
      }
      List<String> differences = closest(shown, s -> {
        List<String> d = new ArrayList<>();
        compare(path, s, element, type, optional, d);
        return d;
      });
      if (!differences.isEmpty()) {
        out.addAll(differences);
        return;
      }
    }
  }

  /** The JSON fields of a record of the model, as ModelJson writes them, with their types. */
  private static Map<String, JavaType> fields(JavaType type) {
    Map<String, JavaType> fields = new LinkedHashMap<>();
    var description = ModelJson.mapper().getSerializationConfig().introspect(type);
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (property.couldSerialize()) {
        fields.put(property.getName(), property.getPrimaryType());
      }
    }
    return fields;
  }

  private static String name(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      default -> node.getNodeType().toString().toLowerCase();
    };
  }
}
