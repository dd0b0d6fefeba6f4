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
import java.util.Map;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.State;

/**
 * The one JSON encoding of the deliberation model: event data on the wire, snapshots, the
 * Hazelcast copies of table state and (later) the journal all go through this mapper.
 *
 * <p>The model knows nothing of Jackson; polymorphism is added here by mix-ins. An event is
 * named by its kind in the registry ({@link EventKinds}, bound by hand, the same name on the
 * wire and in the journal); a state by a name fixed here ({@link #STATES}), which snapshots in
 * the journal carry. Commands, which are never stored, are named by their simple name in
 * lowerCamelCase.
 */
public final class ModelJson {

  /**
   * The property that names an event's or command's kind inside a typed JSON object. Not
   * {@code kind}: a comment's own {@code kind} (support, concern …) would collide with it.
   */
  public static final String KIND = "@type";

  /** The names of the stream states, as snapshots in the journal carry them. */
  static final Map<Class<? extends State>, String> STATES = Map.of(
      Board.class, "board", SessionBoard.class, "sessionBoard");

  private static final ObjectMapper MAPPER = build();

  private ModelJson() {
  }

  /** The shared, thread-safe mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The wire name of an event: its kind's in the registry. */
  public static String kindOf(Event event) {
    return EventKinds.of(event).wire();
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
    for (Map.Entry<Class<? extends State>, String> state : STATES.entrySet()) {
      if (state.getValue().equals(name)) {
        return state.getKey();
      }
    }
    throw new IllegalArgumentException("no state is called '" + name + "'");
  }

  /** The name a snapshot gives a state's type. */
  static String stateName(State state) {
    String name = STATES.get(state.getClass());
    if (name == null) {
      throw new IllegalStateException(state.getClass().getName() + " has no name in ModelJson.STATES");
    }
    return name;
  }

  /** A command's name: its record's simple name in lowerCamelCase. */
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
      } else if (Event.class.isAssignableFrom(member)) {
        mapper.registerSubtypes(new NamedType(member, EventKinds.of(member.asSubclass(Event.class)).wire()));
      } else if (State.class.isAssignableFrom(member)) {
        mapper.registerSubtypes(new NamedType(member, STATES.get(member.asSubclass(State.class))));
      } else {
        mapper.registerSubtypes(new NamedType(member, kindName(member)));
      }
    }
  }
}
