package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns frames into messages and messages into frames. Thread-safe; all instances share one
 * configured {@link ObjectMapper}.
 *
 * <p>Decoding is strict about what it reads (no coercion of {@code "5"} to 5, no fractions for
 * integers, no duplicate keys, nothing after the object) and lenient about what it does not
 * know: unknown fields are ignored. Every failure is a {@link ProtocolException} whose message
 * names the offending field.
 */
public final class ProtocolCodec {

    /** Bounds on what the parser reads, whatever Jackson's defaults become: see the limits in docs/protocol.md. */
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(Protocol.MAX_JSON_DEPTH)
            .maxNumberLength(Protocol.MAX_JSON_NUMBER_DIGITS)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(CONSTRAINTS).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.USE_DEFAULTS))
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final ObjectWriter CLIENT_WRITER = MAPPER.writerFor(ClientMessage.class);
    private static final ObjectWriter SERVER_WRITER = MAPPER.writerFor(ServerMessage.class);
    private static final Set<String> CLIENT_TYPES = typeNames(ClientMessage.class);
    private static final java.util.Map<Class<?>, String> CLIENT_TYPE_NAMES = Arrays.stream(
            ClientMessage.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));
    private static final Set<String> SERVER_TYPES = typeNames(ServerMessage.class);

    /** Decodes a frame sent by a client. */
    public ClientMessage decodeClient(String json) throws ProtocolException {
        return decode(json, ClientMessage.class, CLIENT_TYPES);
    }

    /** Decodes a frame sent by the server (for clients, tests and the load generator). */
    public ServerMessage decodeServer(String json) throws ProtocolException {
        return decode(json, ServerMessage.class, SERVER_TYPES);
    }

    public String encode(ServerMessage message) {
        return write(SERVER_WRITER, message);
    }

    public String encode(ClientMessage message) {
        return write(CLIENT_WRITER, message);
    }

    /**
     * The shared mapper, for building the {@code data} of events and the {@code state} of
     * snapshots. It is shared: never reconfigure it.
     */
    public ObjectMapper mapper() {
        return MAPPER;
    }

    /** The wire {@code type} names of the client messages. */
    public static Set<String> clientTypes() {
        return CLIENT_TYPES;
    }

    /** The wire {@code type} names of the server messages. */
    public static Set<String> serverTypes() {
        return SERVER_TYPES;
    }

    private static String write(ObjectWriter writer, Object message) {
        if (message == null) {
            throw new IllegalArgumentException("message is null");
        }
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    private static <T> T decode(String json, Class<T> root, Set<String> types) throws ProtocolException {
        if (json == null || json.isBlank()) {
            throw new ProtocolException(ErrorCode.INVALID, null, "the frame is empty");
        }
        // The limit is on what the server reads; what it sends (a snapshot of a full board) may be larger.
        if (root == ClientMessage.class && tooLarge(json)) {
            throw refuseTooLarge(json);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.INVALID, null, "the frame is not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (!tree.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID, null,
                    "the frame must be a JSON object, not " + describe(tree));
        }
        String id = readableId(tree);
        JsonNode type = tree.get("type");
        if (type == null || type.isNull()) {
            throw new ProtocolException(ErrorCode.INVALID, id, "field 'type' is required");
        }
        if (!type.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID, id, "field 'type' must be a string, not " + describe(type));
        }
        if (!types.contains(type.textValue())) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, id, "unknown message type '" + type.textValue() + "'");
        }
        try {
            return MAPPER.treeToValue(tree, root);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw translate(e, tree, id);
        }
    }

    /**
     * The refusal of a client message larger than {@link Protocol#MAX_FRAME_BYTES}, of which the
     * server kept only {@code start}: {@code too_large}, with the message's id when it is a
     * top-level field within the first {@link Protocol#MAX_FRAME_BYTES} characters. The id is found
     * by reading tokens up to it, never the whole message.
     */
    public static ProtocolException refuseTooLarge(String start) {
        String kept = start != null && start.length() > Protocol.MAX_FRAME_BYTES
                ? start.substring(0, Protocol.MAX_FRAME_BYTES) : start;
        return new ProtocolException(ErrorCode.TOO_LARGE, leadingId(kept),
                "the message is larger than " + Protocol.MAX_FRAME_BYTES + " bytes");
    }

    /** The {@code id} among the top-level fields at the start of a message, or null; the rest may be cut off. */
    private static String leadingId(String start) {
        if (start == null) {
            return null;
        }
        try (JsonParser parser = MAPPER.createParser(start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("id".equals(name)) {
                    if (value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    String id = parser.getText();
                    return id.isBlank() || id.length() > Protocol.MAX_ID_LENGTH ? null : id;
                }
                parser.skipChildren();
            }
            return null;
        } catch (java.io.IOException | RuntimeException cutOrMalformed) {
            return null;
        }
    }

    private static ProtocolException translate(Exception e, JsonNode tree, String id) {
        List<JsonMappingException.Reference> path = e instanceof JsonMappingException m ? m.getPath() : List.of();
        String at = pathOf(path);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidField invalid) {
                String field = at.isEmpty() || at.equals(invalid.field()) ? invalid.field() : at + "." + invalid.field();
                return new ProtocolException(invalid.code(), id, "field '" + field + "' " + invalid.problem());
            }
        }
        if (at.isEmpty()) {
            return new ProtocolException(ErrorCode.INVALID, id, "the message is malformed");
        }
        JsonNode value = nodeAt(tree, path);
        if (value == null || value.isNull()) {
            return new ProtocolException(ErrorCode.INVALID, id, "field '" + at + "' is required");
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum() && value.isTextual()) {
            String allowed = Arrays.stream(target.getEnumConstants())
                    .map(c -> MAPPER.convertValue(c, String.class))
                    .collect(Collectors.joining(", "));
            return new ProtocolException(ErrorCode.INVALID, id,
                    "field '" + at + "' must be one of " + allowed + " (was '" + value.textValue() + "')");
        }
        if (target != null) {
            return new ProtocolException(ErrorCode.INVALID, id,
                    "field '" + at + "' must be " + expected(target) + ", not " + describe(value));
        }
        String problem = value.isNumber() ? "is out of range" : "has a value that is not allowed";
        return new ProtocolException(ErrorCode.INVALID, id, "field '" + at + "' " + problem);
    }

    private static String readableId(JsonNode tree) {
        JsonNode id = tree.get("id");
        if (id == null || !id.isTextual()) {
            return null;
        }
        String text = id.textValue();
        return text.isBlank() || text.length() > Protocol.MAX_ID_LENGTH ? null : text;
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : path) {
            if (node == null) {
                return null;
            }
            node = ref.getFieldName() != null ? node.get(ref.getFieldName())
                    : ref.getIndex() >= 0 ? node.get(ref.getIndex()) : node;
        }
        return node;
    }

    private static String expected(Class<?> target) {
        if (target == String.class) {
            return "a string";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "an integer";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (target == double.class || Number.class.isAssignableFrom(target)) {
            return "a number";
        }
        return "an object";
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "nothing";
        };
    }

    /** Whether a frame's text is over the limit of what the server reads, in bytes of UTF-8. */
    private static boolean tooLarge(String s) {
        // Each UTF-16 unit takes at most 3 bytes: a short frame needs no counting.
        return s.length() * 3L > Protocol.MAX_FRAME_BYTES && utf8Length(s) > Protocol.MAX_FRAME_BYTES;
    }

    /** How many bytes a text takes in UTF-8, as it goes on the wire. */
    public static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** A client message's {@code type} as on the wire, e.g. {@code propose}. */
    public static String typeName(ClientMessage message) {
        return typeName(message.getClass());
    }

    /** The {@code type} on the wire of a kind of client message, e.g. {@code propose}. */
    public static String typeName(Class<? extends ClientMessage> type) {
        return CLIENT_TYPE_NAMES.get(type);
    }

    private static Set<String> typeNames(Class<?> root) {
        return Arrays.stream(root.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name)
                .collect(Collectors.toUnmodifiableSet());
    }
}
