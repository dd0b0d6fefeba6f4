package org.tingsted.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The decoder against arbitrary bytes, as a hostile client sends them. Without
 * {@code JAZZER_FUZZ} this replays the committed inputs in
 * {@code src/test/resources/org/tingsted/protocol/DecoderFuzzTestInputs/}; with it, Jazzer
 * looks for new ones (see docs/operations.md, "Fuzzing").
 *
 * <p>What must hold for every input: the decoder either returns a message or refuses it with a
 * {@link ProtocolException} whose code is one a decoder may give, with an id only when the input
 * named one; nothing else is ever thrown. What it returns is a message the codec writes and
 * reads back as the same message.
 */
class DecoderFuzzTest {

  private static final ProtocolCodec CODEC = new ProtocolCodec();
  /** The codes a frame can earn before any state is looked at. */
  private static final Set<ErrorCode> DECODE_CODES = Set.of(ErrorCode.INVALID, ErrorCode.TOO_LARGE, ErrorCode.UNKNOWN_TYPE);

  @FuzzTest(maxDuration = "2m")
  void clientFrames(byte[] bytes) throws ProtocolException {
    String frame = new String(bytes, StandardCharsets.UTF_8);
    ClientMessage message;
    try {
      message = CODEC.decodeClient(frame);
    } catch (ProtocolException refused) {
      assertThat(DECODE_CODES).contains(refused.code());
      assertThat(refused.getMessage()).isNotBlank();
      if (refused.id() != null) {
        assertThat(refused.id()).isNotBlank();
        assertThat(refused.id().length()).isLessThanOrEqualTo(Protocol.MAX_ID_LENGTH);
        assertThat(refused.id()).isEqualTo(topLevelId(frame, refused.id()));
      }
      // The answer itself must be writable.
      assertThat(CODEC.encode(refused.toReply())).startsWith("{\"type\":\"error\"");
      return;
    }
    assertThat(message.id()).isNotBlank();
    String again = CODEC.encode(message);
    assertThat(CODEC.decodeClient(again)).isEqualTo(message);
  }

  /** The frame's top-level id as JSON reads it, or {@code fallback} when the frame is not JSON to its end. */
  private static String topLevelId(String frame, String fallback) {
    try {
      var id = CODEC.mapper().readTree(frame).get("id");
      return id == null ? null : id.textValue();
    } catch (com.fasterxml.jackson.core.JsonProcessingException cut) {
      return fallback;
    }
  }

  @FuzzTest(maxDuration = "1m")
  void serverFrames(byte[] bytes) {
    String frame = new String(bytes, StandardCharsets.UTF_8);
    try {
      ServerMessage message = CODEC.decodeServer(frame);
      assertThat(CODEC.encode(message)).isNotEmpty();
    } catch (ProtocolException refused) {
      assertThat(DECODE_CODES).contains(refused.code());
    }
  }
}
