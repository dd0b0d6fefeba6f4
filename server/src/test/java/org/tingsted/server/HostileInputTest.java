package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.ProposalCommand;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.ProtocolCodec;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.ServerMessage;
import org.tingsted.server.roster.Member;

/**
 * Hostile input over a raw socket, frame by frame as an attacker writes it: oversized and
 * fragmented messages, text that is not UTF-8, JSON built to hurt a parser, floods. Each gets
 * the answer {@code docs/protocol.md} gives it, and the table goes on: after each, another
 * member's command is acked and its event reaches a third.
 *
 * <p>Many connections of one member are {@code LiveLimitsTest.manyScreensOfOneMember}; binary
 * frames and plain malformed or unknown messages over a browser-like client are in
 * {@code LiveTableTest}.
 */
@DisplayName("Hostile input on the WebSocket")
class HostileInputTest {

  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static final long WAIT = 15_000;
  private LiveAssembly live;
  private Member attacker;
  private TableClient bystander;
  private TableClient witness;

  @BeforeEach
  void start() {
    live = LiveAssembly.start(1, 4);
    attacker = live.members.get(0).get(0);
    bystander = live.join(live.members.get(0).get(1));
    witness = live.join(live.members.get(0).get(2));
  }

  @AfterEach
  void stop() throws Exception {
    bystander.close();
    witness.close();
    live.close();
  }

  /** The attacker's raw connection, past hello. */
  private SlowReader joined() throws IOException {
    var raw = new SlowReader(live.node.port());
    raw.send("{\"type\":\"hello\",\"id\":\"hello-raw\",\"token\":\"" + live.token(attacker) + "\"}");
    assertThat(raw.awaitMessage(m -> m.startsWith("{\"type\":\"welcome\""), WAIT)).as("welcome").isNotNull();
    return raw;
  }

  /** The reply to {@code id} on a raw connection. */
  private static Reply reply(SlowReader raw, String id) throws Exception {
    String frame = raw.awaitMessage(m -> m.contains("\"id\":\"" + id + "\""), WAIT);
    assertThat(frame).as("a reply to %s (closed with %s)", id, raw.closeCode()).isNotNull();
    return (Reply) CODEC.decodeServer(frame);
  }

  /** The error a raw connection got that carries no id, the {@code n}-th such. */
  private static Reply.Error errorWithoutId(SlowReader raw, int n) throws Exception {
    long until = System.currentTimeMillis() + WAIT;
    while (System.currentTimeMillis() < until) {
      List<Reply.Error> seen = raw.messages().stream().filter(m -> m.startsWith("{\"type\":\"error\""))
          .map(HostileInputTest::decode).map(Reply.Error.class::cast).filter(e -> e.id() == null).toList();
      if (seen.size() >= n) {
        return seen.get(n - 1);
      }
      raw.readFor(100);
    }
    throw new AssertionError("no error without id number " + n + " in " + raw.messages());
  }

  private static ServerMessage decode(String frame) {
    try {
      return CODEC.decodeServer(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The table is served: another member's proposal is acked right after the last one's seq, so
   * that nothing was stored in between, and its event reaches a third member.
   */
  private long stillServes(long lastSeq, String title) {
    Reply.Ack ok = ack(bystander.call(new ProposalCommand.Propose(id(), null, title, "The table goes on")));
    if (lastSeq >= 0) {
      assertThat(ok.seq()).as("nothing stored since seq %s", lastSeq).isEqualTo(lastSeq + 1);
    }
    witness.await(m -> m instanceof Push.Event e && e.seq() == ok.seq() && "proposed".equals(e.kind()));
    return ok.seq();
  }

  private static String propose(String id, String title, String text) {
    return "{\"type\":\"propose\",\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"text\":\"" + text + "\"}";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("A 100 KB message in one frame is read and answered too_large with its id; the connection stays open and its next command is acked")
  void oversizedFrame() throws Exception {
    long seq = stillServes(-1, "Before");
    try (SlowReader raw = joined()) {
      raw.send(propose("big-1", "Huge", "x".repeat(100_000)));
      Reply.Error refused = (Reply.Error) reply(raw, "big-1");
      assertThat(refused.code()).isEqualTo(ErrorCode.TOO_LARGE);
      assertThat(refused.message()).contains("65536");
      seq = stillServes(seq, "After a huge frame");
      raw.send(propose("small-1", "Small", "fits"));
      assertThat(reply(raw, "small-1")).isInstanceOf(Reply.Ack.class);
      assertThat(raw.closeCode()).isNull();
    }
  }

  @Test
  @DisplayName("A 90 KB message in three fragments is counted whole: too_large with its id, and the connection goes on")
  void fragmentedOversized() throws Exception {
    long seq = stillServes(-1, "Before");
    try (SlowReader raw = joined()) {
      byte[] whole = utf8(propose("frag-big", "Huge", "y".repeat(90_000)));
      int third = whole.length / 3;
      raw.sendFrame(0x1, false, Arrays.copyOfRange(whole, 0, third));
      raw.sendFrame(0x0, false, Arrays.copyOfRange(whole, third, 2 * third));
      raw.sendFrame(0x0, true, Arrays.copyOfRange(whole, 2 * third, whole.length));
      assertThat(((Reply.Error) reply(raw, "frag-big")).code()).isEqualTo(ErrorCode.TOO_LARGE);
      stillServes(seq, "After a fragmented huge message");
      raw.send(propose("small-2", "Small", "fits"));
      assertThat(reply(raw, "small-2")).isInstanceOf(Reply.Ack.class);
    }
  }

  @Test
  @DisplayName("An oversized message whose id comes only after the cut is answered too_large without an id")
  void oversizedWithLateId() throws Exception {
    try (SlowReader raw = joined()) {
      raw.send("{\"type\":\"propose\",\"text\":\"" + "z".repeat(70_000) + "\",\"title\":\"t\",\"id\":\"late\"}");
      assertThat(errorWithoutId(raw, 1).code()).isEqualTo(ErrorCode.TOO_LARGE);
      assertThat(raw.messages()).noneMatch(m -> m.contains("\"late\""));
    }
  }

  @Test
  @DisplayName("A small message in fragments, with characters cut between them, works like one frame")
  void fragmentedSmall() throws Exception {
    try (SlowReader raw = joined()) {
      // æ is two bytes of UTF-8 and 🌳 four: the cuts fall inside both.
      byte[] whole = utf8(propose("frag-ok", "Grønne gårde 🌳", "Træer i alle gårde"));
      int ae = indexOf(whole, utf8("ø"));
      int tree = indexOf(whole, utf8("🌳"));
      raw.sendFrame(0x1, false, Arrays.copyOfRange(whole, 0, ae + 1));
      raw.sendFrame(0x0, false, Arrays.copyOfRange(whole, ae + 1, tree + 2));
      raw.sendFrame(0x0, false, new byte[0]);
      raw.sendFrame(0x0, true, Arrays.copyOfRange(whole, tree + 2, whole.length));
      Reply.Ack ok = (Reply.Ack) reply(raw, "frag-ok");
      Push.Event event = (Push.Event) witness.await(m -> m instanceof Push.Event e && e.seq() == ok.seq());
      assertThat(event.data().get("title").asText()).isEqualTo("Grønne gårde 🌳");
    }
  }

  private static int indexOf(byte[] in, byte[] what) {
    for (int i = 0; i + what.length <= in.length; i++) {
      if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  @Test
  @DisplayName("A frame announcing more than 1 MiB is refused by the WebSocket layer at its header: closed with 1009")
  void frameBeyondTheTransport() throws Exception {
    long seq = stillServes(-1, "Before");
    try (SlowReader raw = joined()) {
      raw.sendFrameStart(0x1, Protocol.MAX_MESSAGE_BYTES + 1L, 1000);
      assertThat(raw.awaitClose(WAIT)).isEqualTo(Protocol.CLOSE_TOO_BIG);
    }
    stillServes(seq, "After a frame beyond 1 MiB");
  }

  @Test
  @DisplayName("Fragments that add up to more than 1 MiB close the connection with 1009 at the fragment that crosses it")
  void fragmentsBeyondTheTransport() throws Exception {
    long seq = stillServes(-1, "Before");
    try (SlowReader raw = joined()) {
      raw.sendFrame(0x1, false, utf8("{\"type\":\"propose\",\"id\":\"endless\",\"title\":\"t\",\"text\":\""));
      byte[] chunk = "w".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 15; i++) {
        raw.sendFrame(0x0, false, chunk);
      }
      assertThat(raw.awaitClose(1_000)).as("15 × 64 KiB and the start: still within 1 MiB").isNull();
      raw.sendFrame(0x0, false, chunk);
      assertThat(raw.awaitClose(WAIT)).isEqualTo(Protocol.CLOSE_TOO_BIG);
      assertThat(raw.messages()).noneMatch(m -> m.contains("endless"));
    }
    stillServes(seq, "After fragments beyond 1 MiB");
  }

  @Test
  @DisplayName("Text that is not UTF-8 closes the connection with 1007 and stores nothing: a bad byte, an encoded surrogate, a character cut at the end")
  void invalidUtf8() throws Exception {
    long seq = stillServes(-1, "Before");
    List<byte[]> bad = List.of(
        concat(utf8("{\"type\":\"propose\",\"id\":\"u1\",\"title\":\"A"), new byte[] {(byte) 0xC3, 0x28},
            utf8("\",\"text\":\"t\"}")),
        concat(utf8("{\"type\":\"propose\",\"id\":\"u2\",\"title\":\"A"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            utf8("\",\"text\":\"t\"}")),
        concat(utf8("{\"type\":\"propose\",\"id\":\"u3\",\"title\":\"A\",\"text\":\"t\"}"), new byte[] {(byte) 0xF0, (byte) 0x9F}));
    for (byte[] frame : bad) {
      try (SlowReader raw = joined()) {
        raw.sendFrame(0x1, true, frame);
        assertThat(raw.awaitClose(WAIT)).isEqualTo(Protocol.CLOSE_INVALID_TEXT);
        assertThat(raw.messages()).noneMatch(m -> m.contains("\"type\":\"ack\""));
      }
      seq = stillServes(seq, "After text that is not UTF-8");
    }
    // Cut between two fragments and never completed: the second fragment's first byte is no continuation.
    try (SlowReader raw = joined()) {
      raw.sendFrame(0x1, false, concat(utf8("{\"type\":\"propose\",\"id\":\"u4\",\"title\":\"A"), new byte[] {(byte) 0xE2}));
      raw.sendFrame(0x0, true, utf8("\",\"text\":\"t\"}"));
      assertThat(raw.awaitClose(WAIT)).isEqualTo(Protocol.CLOSE_INVALID_TEXT);
    }
    stillServes(seq, "After a cut character");
  }

  @Test
  @DisplayName("A frame that breaks RFC 6455 (a client frame without its mask) closes the connection with 1002")
  void unmaskedFrame() throws Exception {
    try (SlowReader raw = joined()) {
      raw.sendUnmasked(0x1, utf8(propose("plain", "Unmasked", "t")));
      assertThat(raw.awaitClose(WAIT)).isEqualTo(Protocol.CLOSE_WEBSOCKET_ERROR);
    }
    stillServes(-1, "After an unmasked frame");
  }

  @Test
  @DisplayName("JSON built to hurt a parser: malformed, nested 60,000 deep, 100,000 brackets, 1e400, 40-digit integers in seq, version and dots, a 5,000-digit number, an unknown type: each its documented error, and the connection goes on")
  void jsonThatHurts() throws Exception {
    long seq = stillServes(-1, "Before");
    String digits40 = "1234567890123456789012345678901234567890";
    try (SlowReader raw = joined()) {
      record Case(String frame, ErrorCode code, String id) { }
      List<Case> cases = List.of(
          new Case("{\"type\":\"propose\",\"id\":\"j1\",", ErrorCode.INVALID, null),
          new Case("{\"type\":\"propose\",\"id\":\"j2\",\"title\":" + "[".repeat(60_000), ErrorCode.INVALID, null),
          new Case("{\"type\":\"propose\",\"id\":\"j3\",\"title\":" + "[".repeat(100_000), ErrorCode.TOO_LARGE, "j3"),
          new Case("{\"type\":\"edit\",\"id\":\"j4\",\"proposal\":\"p1\",\"version\":1e400,\"title\":\"x\"}", ErrorCode.INVALID, "j4"),
          new Case("{\"type\":\"edit\",\"id\":\"j5\",\"proposal\":\"p1\",\"version\":" + digits40 + ",\"title\":\"x\"}", ErrorCode.INVALID, "j5"),
          new Case("{\"type\":\"history\",\"id\":\"j6\",\"stream\":\"" + live.stream(0) + "\",\"fromSeq\":" + digits40 + "}", ErrorCode.INVALID, "j6"),
          new Case("{\"type\":\"castBallot\",\"id\":\"j7\",\"vote\":\"v1\",\"ballot\":{\"dots\":{\"p1\":" + digits40 + "}}}", ErrorCode.INVALID, "j7"),
          new Case("{\"type\":\"history\",\"id\":\"j8\",\"stream\":\"" + live.stream(0) + "\",\"fromSeq\":1,\"limit\":1e400}", ErrorCode.INVALID, "j8"),
          new Case("{\"type\":\"clock\",\"id\":\"j9\",\"clientTime\":" + "9".repeat(5_000) + "}", ErrorCode.INVALID, null),
          new Case("{\"type\":\"teleport\",\"id\":\"j10\",\"to\":\"t9\"}", ErrorCode.UNKNOWN_TYPE, "j10"));
      int withoutId = 0;
      for (Case c : cases) {
        raw.send(c.frame());
        Reply.Error error = c.id() != null ? (Reply.Error) reply(raw, c.id()) : errorWithoutId(raw, ++withoutId);
        assertThat(error.code()).as(c.frame().substring(0, Math.min(80, c.frame().length()))).isEqualTo(c.code());
        seq = stillServes(seq, "After " + error.code().wireName());
      }
      raw.send(propose("j-ok", "Sound", "after it all"));
      assertThat(reply(raw, "j-ok")).isInstanceOf(Reply.Ack.class);
      assertThat(raw.closeCode()).isNull();
    }
  }

  @Test
  @DisplayName("What the server sends comes in frames of at most 64 KiB: a 100 KB snapshot, cut inside four-byte characters, reads whole")
  void largeMessagesInSmallFrames() throws Exception {
    String tree = "\uD83C\uDF33";
    for (int i = 0; i < 13; i++) {
      var author = live.members.get(0).get(1 + i % 3);
      var outcome = LiveAssembly.await(live.node.streams().execute(org.tingsted.protocol.StreamId.table(live.table(0)),
          new org.tingsted.server.deliberation.TableCommand.Propose("Trees " + i, tree.repeat(1_999)),
          new org.tingsted.server.deliberation.Actor(author.id(), org.tingsted.server.deliberation.Role.MEMBER, live.table(0)), id()));
      assertThat(outcome.isRejected()).isFalse();
    }
    try (SlowReader raw = joined()) {
      String snapshot = raw.awaitMessage(m -> m.startsWith("{\"type\":\"snapshot\",\"stream\":\"" + live.stream(0)), WAIT);
      assertThat(snapshot).isNotNull();
      assertThat(snapshot.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(100_000);
      assertThat(((Push.Snapshot) decode(snapshot)).state().get("proposals").size()).isEqualTo(13);
      assertThat(snapshot).contains(tree.repeat(1_999)).doesNotContain("\uFFFD");
      assertThat(raw.largestFrame()).isLessThanOrEqualTo(Protocol.MAX_FRAME_BYTES);
    }
  }

  @Test
  @DisplayName("A flood beyond the rate limit: rate_limited after the burst, closed with 4429 once more than 240 refusals pile up; the other members are served meanwhile")
  void flood() throws Exception {
    long seq = stillServes(-1, "Before");
    try (SlowReader raw = joined()) {
      // In one write, as a loop sends them: the server takes them in faster than the rate refills.
      raw.sendAll(java.util.stream.IntStream.range(0, 400)
          .mapToObj(i -> "{\"type\":\"clock\",\"id\":\"f" + i + "\",\"clientTime\":1}").toList());
      seq = stillServes(seq, "During a flood");
      assertThat(raw.awaitClose(WAIT)).isEqualTo(Protocol.CLOSE_TOO_MANY);
      List<String> answers = raw.messages().stream().filter(m -> m.contains("\"id\":\"f")).toList();
      long clocks = answers.stream().filter(m -> m.startsWith("{\"type\":\"clock\"")).count();
      long limited = answers.stream().filter(m -> m.contains("\"code\":\"rate_limited\"")).count();
      assertThat(clocks).as("answered within the burst of 60 (and what the rate refilled)").isBetween(60L, 100L);
      assertThat(limited).as("refused before the close").isGreaterThan(200L);
    }
    stillServes(seq, "After a flood");
  }
}
