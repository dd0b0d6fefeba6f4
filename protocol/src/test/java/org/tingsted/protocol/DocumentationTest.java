package org.tingsted.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/protocol.md} and the test vectors in step: every vector is shown in the
 * documentation, and every JSON example in the documentation is a valid message (or an
 * invalid example that is refused as it says).
 */
class DocumentationTest {

    private static final Path DOC = Path.of("..", "docs", "protocol.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("^```json\\R(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

    private static String doc;
    private static List<JsonNode> examples;
    private final ProtocolCodec codec = new ProtocolCodec();

    @BeforeAll
    static void readDocumentation() throws IOException {
        doc = Files.readString(DOC);
        examples = new ArrayList<>();
        Matcher blocks = JSON_BLOCK.matcher(doc);
        while (blocks.find()) {
            try (MappingIterator<JsonNode> values = Vectors.JSON.readerFor(JsonNode.class).readValues(blocks.group(1))) {
                examples.addAll(values.readAll());
            }
        }
    }

    static List<String> vectors() {
        return Vectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    @DisplayName("Every test vector is shown in docs/protocol.md")
    void vectorIsDocumented(String vector) {
        assertThat(examples).as("the ```json examples in %s", DOC).contains(Vectors.tree(vector));
    }

    @Test
    @DisplayName("Every JSON example in docs/protocol.md is a message exactly as the codec writes it, or a refused frame")
    void examplesAreValid() throws Exception {
        assertThat(examples).isNotEmpty();
        for (JsonNode example : examples) {
            if (example.has("frame") && example.has("code")) {
                assertRefusedAsDocumented(example);
            } else {
                assertThat(roundTrip(example)).as("example %s", example).isEqualTo(example);
            }
        }
    }

    @Test
    @DisplayName("The documentation lists every error code with its HTTP status, and every close code")
    void codesAreDocumented() throws IllegalAccessException {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(doc).contains("| `" + code.wireName() + "` | " + code.httpStatus() + " |");
        }
        for (Field field : Protocol.class.getFields()) {
            if (field.getName().startsWith("CLOSE_") && Modifier.isStatic(field.getModifiers())) {
                assertThat(doc).contains("| " + field.getInt(null) + " |");
            }
        }
        assertThat(doc).contains("`" + Protocol.SUBPROTOCOL + "`");
    }

    /**
     * The example decoded and encoded again, in whichever direction reproduces it; {@code clock}
     * is a type in both directions.
     */
    private JsonNode roundTrip(JsonNode example) throws Exception {
        String frame = example.toString();
        String type = example.path("type").asText();
        JsonNode asClient = null;
        if (ProtocolCodec.clientTypes().contains(type)) {
            try {
                asClient = Vectors.JSON.readTree(codec.encode(codec.decodeClient(frame)));
            } catch (ProtocolException notAClientMessage) {
                if (!ProtocolCodec.serverTypes().contains(type)) {
                    throw notAClientMessage;
                }
            }
            if (example.equals(asClient) || !ProtocolCodec.serverTypes().contains(type)) {
                return asClient;
            }
        }
        return Vectors.JSON.readTree(codec.encode(codec.decodeServer(frame)));
    }

    private void assertRefusedAsDocumented(JsonNode example) {
        String frame = example.get("frame").textValue();
        ProtocolException refused = catchThrowableOfType(ProtocolException.class, () -> codec.decodeClient(frame));

        assertThat(refused).as("documented invalid frame %s", frame).isNotNull();
        assertThat(refused.code().wireName()).isEqualTo(example.get("code").textValue());
        assertThat(refused.id()).isEqualTo(example.hasNonNull("id") ? example.get("id").textValue() : null);
    }
}
