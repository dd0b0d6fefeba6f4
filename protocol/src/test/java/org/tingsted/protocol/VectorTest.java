package org.tingsted.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VectorTest {

    private final ProtocolCodec codec = new ProtocolCodec();

    static List<String> clientVectors() {
        return Vectors.in("client");
    }

    static List<String> serverVectors() {
        return Vectors.in("server");
    }

    static List<String> invalidVectors() {
        return Vectors.in("invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientVectors")
    @DisplayName("Every client example decodes, and encodes back to the same JSON")
    void clientVectorRoundTrips(String vector) throws Exception {
        JsonNode expected = Vectors.tree(vector);
        ClientMessage message = codec.decodeClient(Vectors.text(vector));

        assertThat(Vectors.JSON.readTree(codec.encode(message))).isEqualTo(expected);
        assertThat(expected.get("type").textValue()).isEqualTo(fileType(vector));
        assertThat(codec.decodeClient(codec.encode(message))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverVectors")
    @DisplayName("Every server example decodes, and encodes back to the same JSON")
    void serverVectorRoundTrips(String vector) throws Exception {
        JsonNode expected = Vectors.tree(vector);
        ServerMessage message = codec.decodeServer(Vectors.text(vector));

        assertThat(Vectors.JSON.readTree(codec.encode(message))).isEqualTo(expected);
        assertThat(expected.get("type").textValue()).isEqualTo(fileType(vector));
        assertThat(codec.decodeServer(codec.encode(message))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientVectors")
    @DisplayName("A client message with fields the server does not know is read as if they were absent")
    void unknownClientFieldsAreIgnored(String vector) throws Exception {
        ObjectNode extended = ((ObjectNode) Vectors.tree(vector)).deepCopy();
        extended.put("sentFrom", "a newer client");
        extended.putObject("futureOptions").put("loud", true).putArray("list").add(1);

        assertThat(codec.decodeClient(extended.toString())).isEqualTo(codec.decodeClient(Vectors.text(vector)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverVectors")
    @DisplayName("A server message with fields the client does not know is read as if they were absent")
    void unknownServerFieldsAreIgnored(String vector) throws Exception {
        ObjectNode extended = ((ObjectNode) Vectors.tree(vector)).deepCopy();
        extended.put("shard", 7);

        assertThat(codec.decodeServer(extended.toString())).isEqualTo(codec.decodeServer(Vectors.text(vector)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVectors")
    @DisplayName("Every invalid example is refused with its error code, naming the command when it can")
    void invalidVectorIsRefused(String vector) {
        JsonNode spec = Vectors.tree(vector);
        String frame = spec.get("frame").textValue();
        ErrorCode code = Vectors.JSON.convertValue(spec.get("code"), ErrorCode.class);
        String id = spec.hasNonNull("id") ? spec.get("id").textValue() : null;

        ProtocolException refused = catchThrowableOfType(ProtocolException.class, () -> codec.decodeClient(frame));

        assertThat(refused).as("decoding %s", frame).isNotNull();
        assertThat(refused.code()).as(refused.getMessage()).isEqualTo(code);
        assertThat(refused.id()).isEqualTo(id);
        assertThat(refused.getMessage()).doesNotContain("com.fasterxml", "Exception");
    }

    @Test
    @DisplayName("Every kind of client message has at least one example")
    void everyClientMessageHasAVector() throws Exception {
        Set<Class<?>> covered = new HashSet<>();
        for (String vector : clientVectors()) {
            covered.add(codec.decodeClient(Vectors.text(vector)).getClass());
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Hierarchy.records(ClientMessage.class));
    }

    @Test
    @DisplayName("Every kind of server message, and every table and session event kind, has at least one example")
    void everyServerMessageHasAVector() throws Exception {
        Set<Class<?>> covered = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (String vector : serverVectors()) {
            ServerMessage message = codec.decodeServer(Vectors.text(vector));
            covered.add(message.getClass());
            if (message instanceof Push.Event event) {
                assertThat(vector).startsWith("server/event-" + event.kind());
                kinds.add(event.kind());
            }
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Hierarchy.records(ServerMessage.class));
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(EventKind.values()).map(EventKind::wire).toList());
    }

    @Test
    @DisplayName("The invalid examples cover every case the protocol promises to refuse")
    void invalidVectorsCoverTheListedCases() {
        assertThat(invalidVectors()).contains("invalid/unknown-type.json", "invalid/missing-type.json",
                "invalid/missing-field.json", "invalid/wrong-type.json", "invalid/oversized-title.json",
                "invalid/oversized-comment.json", "invalid/not-json.json", "invalid/json-array.json",
                "invalid/blank-title.json", "invalid/bad-enum.json", "invalid/threshold-zero.json",
                "invalid/threshold-over-one.json", "invalid/bad-choice.json", "invalid/promote-two-sources.json",
                "invalid/timer-zero-seconds.json", "invalid/agenda-unknown-phase.json",
                "invalid/oversized-announcement.json", "invalid/queue-twice.json");
    }

    @Test
    @DisplayName("A client frame is not accepted as a server message, nor the other way round")
    void directionsAreSeparate() {
        assertThatThrownBy(() -> codec.decodeServer(Vectors.text("client/propose.json")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE));
        assertThatThrownBy(() -> codec.decodeClient(Vectors.text("server/ack.json")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE));
    }

    /** The type named by a vector's file name: {@code event-proposed.json} → {@code event}. */
    private static String fileType(String vector) {
        String name = vector.substring(vector.indexOf('/') + 1, vector.length() - ".json".length());
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }
}
