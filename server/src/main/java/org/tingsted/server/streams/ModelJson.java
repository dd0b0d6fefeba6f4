package org.tingsted.server.streams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.State;

/**
 * The one JSON encoding of the deliberation model: event data on the wire, snapshots, the
 * Hazelcast copies of table state and (later) the journal all go through this mapper.
 *
 * <p>The model knows nothing of Jackson; polymorphism is added here by mix-ins, and each
 * sealed family's records are named by their simple name in lowerCamelCase, which is also
 * the event {@code kind} on the wire ({@code Proposed} → {@code proposed}).
 */
public final class ModelJson {

  /**
   * The property that names an event's or command's kind inside a typed JSON object. Not
   * {@code kind}: a comment's own {@code kind} (support, concern …) would collide with it.
   */
  public static final String KIND = "@type";

  private static final ObjectMapper MAPPER = build();

  private ModelJson() {
  }

  /** The shared, thread-safe mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The wire name of an event: its record's simple name in lowerCamelCase. */
  public static String kindOf(Event event) {
    return kindName(event.getClass());
  }

  /** The event's fields as a JSON object, without its kind. */
  public static ObjectNode dataOf(Event event) {
    ObjectNode node = MAPPER.valueToTree(event);
    node.remove(KIND);
    return node;
  }

  /** The JSON object of a value of the model (a board, a result). */
  public static ObjectNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** The state record named {@code name} ({@code board}, {@code sessionBoard}). */
  static Class<? extends State> stateType(String name) {
    for (Class<?> type : State.class.getPermittedSubclasses()) {
      if (kindName(type).equals(name)) {
        return type.asSubclass(State.class);
      }
    }
    throw new IllegalArgumentException("no state is called '" + name + "'");
  }

  static String kindName(Class<?> type) {
    String simple = type.getSimpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = KIND)
  private interface Typed {
  }

  private static ObjectMapper build() {
    ObjectMapper mapper = JsonMapper.builder()
        .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
        .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addMixIn(Command.class, Typed.class)
        .addMixIn(Event.class, Typed.class)
        .build();
    registerFamily(mapper, Command.class);
    registerFamily(mapper, Event.class);
    // States are typed only where a property of type State says so (a stream's working copy),
    // so that a snapshot on the wire carries no type property.
    registerFamily(mapper, State.class);
    return mapper;
  }

  /** Names every record of a sealed family, descending into sealed sub-families. */
  private static void registerFamily(ObjectMapper mapper, Class<?> sealedType) {
    for (Class<?> member : sealedType.getPermittedSubclasses()) {
      if (member.isSealed()) {
        registerFamily(mapper, member);
      } else {
        mapper.registerSubtypes(new NamedType(member, kindName(member)));
      }
    }
  }
}
