package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Ballot;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionEvent.FinalBallotCast;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.deliberation.TableEvent.BallotCast;
import org.tingsted.server.deliberation.TableEvent.ClusterCreated;
import org.tingsted.server.deliberation.TableEvent.FloorGiven;
import org.tingsted.server.deliberation.TableEvent.HandRaised;
import org.tingsted.server.deliberation.TableEvent.Proposed;
import org.tingsted.server.deliberation.TableEvent.TurnEnded;
import org.tingsted.server.deliberation.TableEvent.VoteOpened;
import org.tingsted.server.deliberation.VoteMethod;

/**
 * What the Java model makes of each of the protocol's event vectors, for the web client's
 * vectors.test.mjs to hold store.js to: the state after the event, applied to the documented
 * snapshot of its stream (snapshot.json, snapshot-session.json), as a reader is sent that state
 * and with the normalisation StoreMirrorTest compares store.js under
 * ({@link StoreMirrorTest#expected}). The states are committed in
 * web-client/src/test/resources/vectors-after.json; this test fails when that file is not what
 * the model gives, and writes it when run with {@code -Dtingsted.vectors.write=true} (and
 * {@code -DskipJsTests=true}, since the JavaScript tests, which run first, fail until it is written).
 *
 * <p>The reader is m3, the member whose own ballots the vectors show, seeing the board as a
 * facilitator does (hidden items included, as store.js keeps them); for the one vector that is
 * the members' form of an event (a vote closed without its result), as a member. An event
 * vector as others are sent it (a ballot without voter) is applied as the server had it: with
 * its {@code by} as the voter, whose ballot the reader is not shown.
 */
@DisplayName("The state each event vector leaves, by the Java model, is what the web client's tests expect")
class VectorStatesTest {

  static final Path FILE = Path.of("..", "web-client", "src", "test", "resources", "vectors-after.json");

  /**
   * Where a vector starts from another state than its stream's snapshot, and why. The snapshots
   * show the end of the story the vectors tell (seq 81 of table t4, seq 41 of session s1), so an
   * event that made or took away what the end no longer shows (a cluster merged away, a hand
   * lowered, a turn ended) cannot be applied to it as it stands: the model refuses. Such a
   * vector starts from the snapshot as it was just before the event, as far as the event is
   * concerned: the snapshot with these events applied first, or with this taken away.
   */
  private static final Map<String, Before> BEFORE = Map.ofEntries(
      Map.entry("event-clusterDissolved.json", new Before("cluster k4 with p9 in it", null,
          new ClusterCreated("k4", "Getting around", List.of("p9")))),
      Map.entry("event-clustersMerged.json", new Before("cluster k3 with p12 in it", null,
          new ClusterCreated("k3", "Opening hours", List.of("p12")))),
      Map.entry("event-proposalMoved.json", new Before("proposal p11, in cluster k3", null,
          new Proposed("p11", "m3", "Trees along the ring road", "Plant a row of trees along the ring road."),
          new ClusterCreated("k3", "Streets", List.of("p11")))),
      Map.entry("event-handLowered.json", new Before("m8 in the queue", null, new HandRaised("m8"))),
      Map.entry("event-floorGiven.json", new Before("m6's turn ended, m5 in the queue", null,
          new TurnEnded("m6", 30_000), new HandRaised("m5"))),
      Map.entry("event-turnEnded.json", new Before("m6's turn ended, m5 given the floor", null,
          new TurnEnded("m6", 30_000), new HandRaised("m5"), new FloorGiven("m5", 1_764_558_270_000L))),
      Map.entry("event-queueReordered.json", new Before("m6's turn ended, m6 in the queue after m3", null,
          new TurnEnded("m6", 30_000), new HandRaised("m6"))),
      Map.entry("event-voteClosed-ranking.json", new Before("ranking vote v2 open", null,
          new VoteOpened("v2", VoteMethod.RANKING, List.of("p9", "p7", "p12"), 0, 0))),
      Map.entry("event-voteClosed-scale.json", new Before("scale vote v3 open", null,
          new VoteOpened("v3", VoteMethod.SCALE, List.of("p7", "p9"), 0, 0))),
      Map.entry("event-voteClosed.json", new Before("vote v1 still open", VectorStatesTest::v1Open)),
      Map.entry("event-voteClosed-member.json", new Before("vote v1 still open", VectorStatesTest::v1Open)),
      Map.entry("event-timerStarted.json", new Before("timer tm4 not started yet", state -> {
        ((ObjectNode) state.get("timers")).remove("tm4");
        state.put("timersStarted", state.get("timersStarted").asInt() - 1);
      })),
      Map.entry("event-announced.json", new Before("no announcement made yet", state -> {
        state.putArray("announcements");
        state.put("announcementsMade", 0);
      })),
      Map.entry("event-announced-tables.json", new Before("announcement an1 only", state -> {
        ((ArrayNode) state.get("announcements")).remove(1);
        state.put("announcementsMade", 1);
      })));

  private static void v1Open(ObjectNode state) {
    ObjectNode v1 = (ObjectNode) state.get("votes").get("v1");
    v1.put("status", "open");
    v1.put("published", false);
    v1.remove("result");
  }

  /** A stated other start: what it is, an edit of the snapshot's state, then events applied to it. */
  private record Before(String is, Consumer<ObjectNode> edit, Event... events) {
  }

  /** Vectors that are the form of an event sent to members, not facilitators. */
  private static final Map<String, Role> READERS = Map.of("event-voteClosed-member.json", Role.MEMBER);

  @Test
  @DisplayName("vectors-after.json holds, for every event vector, the model's state after it")
  void theCommittedStatesAreTheModels() throws Exception {
    ObjectNode states = states();
    String expected = ModelJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(states) + "\n";
    if (Boolean.getBoolean("tingsted.vectors.write")) {
      Files.writeString(FILE, expected, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "{}";
    List<String> differences = new ArrayList<>();
    StoreMirrorTest.diff("", states, ModelJson.mapper().readTree(committed), differences);
    String rewrite = "write it again with%n"
        + "  mvn -B -o -q -pl server -am verify -Dtest=VectorStatesTest -Dsurefire.failIfNoSpecifiedTests=false"
        + " -DfailIfNoTests=false -DskipJsTests=true -Dtingsted.vectors.write=true%n"
        + "and see what changed with git diff";
    assertThat(differences)
        .as("where %s (store: …) is not the model's states after the event vectors (model: …); " + rewrite, FILE.normalize())
        .isEmpty();
    assertThat(committed).as("%s is not written as this test writes it; " + rewrite, FILE.normalize()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"snapshot.json", "snapshot-session.json"})
  @DisplayName("a snapshot vector's state, read into the model's board and written again, is the vector's state")
  void snapshotIsWhatTheServerWrites(String file) throws Exception {
    JsonNode state = ModelJson.mapper().readTree(EventVectorsTest.VECTORS.resolve(file).toFile()).get("state");
    Class<? extends State> type = file.equals("snapshot.json") ? Board.class : SessionBoard.class;
    State board = ModelJson.mapper().treeToValue(state, type);
    JsonNode written = ModelJson.mapper().readTree(ModelJson.tree(board).toString());
    List<String> differences = new ArrayList<>();
    StoreMirrorTest.diff("", written, state, differences);
    assertThat(differences).as("where %s (store: …) differs from what the server writes of it (model: …)", file)
        .isEmpty();
  }

  /** By event vector file, the state after it. */
  static ObjectNode states() throws Exception {
    ObjectNode states = ModelJson.mapper().createObjectNode();
    List<String> failed = new ArrayList<>();
    for (String file : EventVectorsTest.events()) {
      JsonNode vector = ModelJson.mapper().readTree(EventVectorsTest.VECTORS.resolve(file).toFile());
      String stream = vector.get("stream").asText();
      boolean table = org.tingsted.protocol.StreamId.of(stream).isTable();
      JsonNode snapshot = ModelJson.mapper().readTree(
          EventVectorsTest.VECTORS.resolve(table ? "snapshot.json" : "snapshot-session.json").toFile());
      assertThat(snapshot.get("stream").asText()).as("the stream of %s", file).isEqualTo(stream);
      ObjectNode start = snapshot.get("state").deepCopy();
      Before other = BEFORE.get(file);
      if (other != null && other.edit() != null) {
        other.edit().accept(start);
      }
      Class<? extends State> type = table ? Board.class : SessionBoard.class;
      State before = ModelJson.mapper().treeToValue(start, type);
      Role role = READERS.getOrDefault(file, table ? Role.FACILITATOR : Role.LEAD_FACILITATOR);
      Actor reader = new Actor("m3", role);
      StreamKind<State, Command, Event> kind = StreamKind.of(stream);
      ObjectNode entry = states.putObject(file);
      try {
        if (other != null) {
          for (Event event : other.events()) {
            before = kind.evolve(before, event);
          }
          entry.put("from", "the snapshot, with " + other.is());
          entry.set("state", StoreMirrorTest.expected(kind, before, reader));
        }
        State after = kind.evolve(before, asTheServerHadIt(EventVectorsTest.event(vector), vector));
        entry.set("after", StoreMirrorTest.expected(kind, after, reader));
      } catch (RuntimeException e) {
        failed.add(file + ": " + e);
      }
    }
    assertThat(failed).as("event vectors the model cannot apply to the snapshot of their stream (or to the start"
        + " BEFORE states for them); state another start in BEFORE, or make the vector fit the snapshot").isEmpty();
    return states;
  }

  /** A ballot as others are sent it, with the voter (the event's {@code by}) and a ballot back. */
  private static Event asTheServerHadIt(Event event, JsonNode vector) {
    String by = vector.path("by").asText(null);
    if (event instanceof BallotCast e && e.voter() == null) {
      return new BallotCast(e.vote(), by, Ballot.ofDots(Map.of()), e.ballots());
    }
    if (event instanceof FinalBallotCast e && e.voter() == null) {
      return new FinalBallotCast(e.vote(), by, Map.of(), e.ballots());
    }
    return event;
  }
}
