package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.tingsted.protocol.StreamId;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.cluster.ClusterSettings;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.PhaseKind;
import org.tingsted.server.deliberation.Ballot;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Comment;
import org.tingsted.server.deliberation.CommentKind;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.Sessions;
import org.tingsted.server.deliberation.Sessions.Step;
import org.tingsted.server.deliberation.Sessions.Turn;
import org.tingsted.server.deliberation.Table;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.deliberation.TableEvent;
import org.tingsted.server.deliberation.Visibility;
import org.tingsted.server.deliberation.VoteMethod;

/**
 * The one JSON encoding of the model ({@link ModelJson#mapper()}) must be lossless: Hazelcast
 * backups, the wire and the journal all go through it.
 */
class ModelJsonTest {

  private static final ObjectMapper MAPPER = ModelJson.mapper();

  /** The same mapper, but refusing JSON objects that name a property twice. */
  private static final ObjectMapper STRICT = ModelJson.mapper().copy()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Hazelcast's serialization with the serializers the server registers. */
  private static final InternalSerializationService HAZELCAST = serializationService();

  @Provide
  Arbitrary<List<Step>> sessions() {
    return Sessions.sessions();
  }

  @Property(tries = 200)
  @Label("Every board reached, and every viewer's copy of it, reads back equal and writes the same")
  void boardsRoundTrip(@ForAll("sessions") List<Step> session) throws Exception {
    Sessions.Trace trace = Sessions.play(session);
    for (Board board : trace.boards()) {
      assertRoundTrip(board);
    }
    for (Actor viewer : Sessions.ACTORS) {
      assertRoundTrip(Visibility.boardFor(trace.last(), viewer));
    }
  }

  @Property(tries = 200)
  @Label("Every event, and every viewer's copy of it, reads back equal as a TableEvent, under its kind")
  void eventsRoundTrip(@ForAll("sessions") List<Step> session) throws Exception {
    for (TableEvent event : events(Sessions.play(session))) {
      String json = MAPPER.writerFor(TableEvent.class).writeValueAsString(event);
      assertThat(MAPPER.writeValueAsString(event)).as("written as its own class").isEqualTo(json);
      assertThat(STRICT.readTree(json).get(ModelJson.KIND).asText())
          .as("kind of %s", json).isEqualTo(ModelJson.kindOf(event));
      assertThat(MAPPER.readValue(json, TableEvent.class)).as("read back %s", json)
          .isEqualTo(event);
    }
  }

  @Property(tries = 200)
  @Label("Every event rebuilt from its kind and data (as the wire and the journal carry it) is equal")
  void eventsRoundTripAsKindAndData(@ForAll("sessions") List<Step> session) throws Exception {
    for (TableEvent event : events(Sessions.play(session))) {
      assertThat(fromKindAndData(ModelJson.kindOf(event), ModelJson.dataOf(event)))
          .as("%s from %s", event, ModelJson.dataOf(event)).isEqualTo(event);
    }
  }

  @Property(tries = 200)
  @Label("Every command, accepted or not, reads back equal as a TableCommand, under its kind")
  void commandsRoundTrip(@ForAll("sessions") List<Step> session) throws Exception {
    for (Turn turn : Sessions.play(session).turns()) {
      TableCommand command = turn.command();
      if (!fromJson(command)) {
        continue;
      }
      String json = MAPPER.writerFor(TableCommand.class).writeValueAsString(command);
      assertThat(STRICT.readTree(json).get(ModelJson.KIND).asText())
          .as("kind of %s", json).isEqualTo(ModelJson.kindName(command.getClass()));
      assertThat(MAPPER.readValue(json, TableCommand.class)).as("read back %s", json)
          .isEqualTo(command);
    }
  }

  @Property(tries = 100)
  @Label("Stream entries, commands to run and outcomes survive Hazelcast's serialization")
  void hazelcastSerializationRoundTrips(@ForAll("sessions") List<Step> session) {
    InternalSerializationService serialization = HAZELCAST;
    Sessions.Trace trace = Sessions.play(session);
    String stream = StreamId.table(Sessions.TABLE).name();
    StreamEntry entry = StreamEntry.empty(stream);
    assertThat((StreamEntry) serialization.toObject(serialization.toData(entry))).isEqualTo(entry);
    int n = 0;
    for (Turn turn : trace.turns()) {
      n++;
      String member = turn.step().actor().member();
      if (fromJson(turn.command())) {
        RunCommand run = new RunCommand(stream, turn.command(), turn.step().actor(), "cmd-" + n,
            n % 2 == 0 ? null : new RunCommand.Gate(StreamId.session("s1").name(), n % 3 == 0 ? null : PhaseKind.PROPOSE));
        RunCommand back = serialization.toObject(serialization.toData(run));
        assertThat(back.stream()).isEqualTo(run.stream());
        assertThat(back.command()).isEqualTo(run.command());
        assertThat(back.actor()).isEqualTo(run.actor());
        assertThat(back.commandId()).isEqualTo(run.commandId());
        assertThat(back.gate()).isEqualTo(run.gate());
      }
      Outcome outcome;
      if (turn.decision() instanceof Accepted<TableEvent> accepted) {
        List<StreamEvent> events = new ArrayList<>();
        Board board = (Board) entry.state();
        long seq = entry.seq();
        for (TableEvent event : accepted.events()) {
          board = Table.evolve(board, event);
          events.add(new StreamEvent(stream, ++seq, 1_700_000_000_000L + n, member, event));
        }
        entry = entry.append(events, board, StreamEntry.ackKey(member, "cmd-" + n));
        outcome = Outcome.accepted(stream, events);
      } else {
        outcome = Outcome.rejected(stream, ((Rejected) turn.decision()).rejection());
      }
      assertThat((Outcome) serialization.toObject(serialization.toData(outcome)))
          .isEqualTo(outcome);
    }
    assertThat(entry.state()).isEqualTo(trace.last());
    StreamEntry back = serialization.toObject(serialization.toData(entry));
    assertThat(back).isEqualTo(entry);
    assertThat(List.copyOf(back.acks().keySet())).isEqualTo(List.copyOf(entry.acks().keySet()));
  }

  @Test
  @DisplayName("The data of an event has its fields and no kind")
  void dataOfAnEventHasNoKind() {
    ObjectNode data = ModelJson.dataOf(new TableEvent.Proposed("p1", "m1", "T", "x"));

    assertThat(data.has(ModelJson.KIND)).isFalse();
    assertThat(data.fieldNames()).toIterable()
        .containsExactly("proposal", "author", "title", "text");
    assertThat(data.get("title").asText()).isEqualTo("T");
  }

  @Test
  @DisplayName("The kind of an event is its record's name in lowerCamelCase")
  void kindIsLowerCamelCase() {
    assertThat(ModelJson.kindOf(new TableEvent.ProposalWithdrawn("p1")))
        .isEqualTo("proposalWithdrawn");
    assertThat(ModelJson.kindName(TableCommand.CastBallot.class)).isEqualTo("castBallot");
  }

  @Test
  @DisplayName("Enums are written in lower case and read in any case")
  void enumsAreLowerCase() throws Exception {
    Comment comment = new Comment("c1", "p1", "m1", CommentKind.SUPPORT, "Yes", null, false);

    ObjectNode tree = ModelJson.tree(comment);

    assertThat(tree.get("kind").asText()).isEqualTo("support");
    tree.put("kind", "SUPPORT");
    assertThat(MAPPER.treeToValue(tree, Comment.class)).isEqualTo(comment);
  }

  @Test
  @DisplayName("A null field is left out, and reads back as null")
  void nullFieldsAreOmitted() throws Exception {
    TableEvent moved = new TableEvent.ProposalMoved("p1", null, "k1");

    ObjectNode data = ModelJson.dataOf(moved);

    assertThat(data.has("from")).isFalse();
    assertThat(data.fieldNames()).toIterable().containsExactly("proposal", "to");
    assertThat(fromKindAndData("proposalMoved", data)).isEqualTo(moved);
  }

  @Test
  @DisplayName("The data of a comment event holds the comment's kind, as docs/protocol.md shows")
  void aCommentEventKeepsItsCommentKind() throws Exception {
    TableEvent commented =
        new TableEvent.Commented("c1", "p1", "m1", CommentKind.CONCERN, "Too costly", null);

    ObjectNode data = ModelJson.dataOf(commented);

    assertThat(data.fieldNames()).toIterable()
        .containsExactly("comment", "proposal", "author", "kind", "text");
    assertThat(data.get("kind").asText()).isEqualTo("concern");
    assertThat(fromKindAndData(ModelJson.kindOf(commented), data)).isEqualTo(commented);
  }

  @Test
  @DisplayName("A comment event and an add-comment command are written without a duplicate key")
  void noDuplicateKindInComments() throws Exception {
    TableEvent commented =
        new TableEvent.Commented("c1", "p1", "m1", CommentKind.CONCERN, "Too costly", null);
    TableCommand add = new TableCommand.AddComment("p1", CommentKind.QUESTION, "Why?", null);

    String event = MAPPER.writerFor(TableEvent.class).writeValueAsString(commented);
    String command = MAPPER.writerFor(TableCommand.class).writeValueAsString(add);

    assertThat(STRICT.readTree(event).get(ModelJson.KIND).asText()).isEqualTo("commented");
    assertThat(STRICT.readTree(command).get(ModelJson.KIND).asText()).isEqualTo("addComment");
  }

  @Test
  @DisplayName("A stream entry put into a binary Hazelcast map comes back equal")
  void aStreamEntrySurvivesARealHazelcastMap() {
    Sessions.Trace trace = Sessions.play(List.of(
        new Step(Sessions.ANNA, new TableCommand.Propose("Bike lanes", "Safer streets")),
        new Step(Sessions.BO, new TableCommand.AddComment("p1", CommentKind.SUPPORT, "Yes", null)),
        new Step(Sessions.FRIDA, new TableCommand.OpenVote(VoteMethod.DOTS, List.of("p1"), 3, 2)),
        new Step(Sessions.CARL, new TableCommand.CastBallot("v1", Ballot.ofDots(Map.of("p1", 2))))));
    String stream = StreamId.table(Sessions.TABLE).name();
    List<StreamEvent> events = new ArrayList<>();
    for (TableEvent event : trace.events()) {
      events.add(new StreamEvent(stream, events.size() + 1, 1_700_000_000_000L, "anna", event));
    }
    StreamEntry entry = StreamEntry.empty(stream)
        .append(events, trace.last(), StreamEntry.ackKey("anna", "c-1"));

    var settings = ClusterSettings.embedded("test-" + UUID.randomUUID());
    HazelcastInstance member = Hazelcast.newHazelcastInstance(
        HazelcastSetup.config(settings, Streams.serializers()));
    try {
      IMap<String, StreamEntry> map = member.getMap("roundtrip.streams");
      map.put(stream, entry);
      assertThat(map.get(stream)).isEqualTo(entry).isNotSameAs(entry);
    } finally {
      member.shutdown();
    }
  }

  /**
   * Whether a command could have come from a client: not null, and no ballot naming a null item,
   * since JSON has no null keys. The sessions make such commands to check that decide refuses
   * them; the gateway cannot receive them.
   */
  private static boolean fromJson(TableCommand command) {
    if (command == null) {
      return false;
    }
    if (command instanceof TableCommand.CastBallot cast && cast.ballot() != null) {
      Ballot ballot = cast.ballot();
      return !(ballot.dots() != null && ballot.dots().containsKey(null))
          && !(ballot.scale() != null && ballot.scale().containsKey(null));
    }
    return true;
  }

  private static List<TableEvent> events(Sessions.Trace trace) {
    List<TableEvent> all = new ArrayList<>();
    for (int i = 0; i < trace.events().size(); i++) {
      TableEvent event = trace.events().get(i);
      all.add(event);
      for (Actor viewer : Sessions.ACTORS) {
        TableEvent seen = Visibility.eventFor(trace.boards().get(i), event, viewer);
        if (seen != null && !seen.equals(event)) {
          all.add(seen);
        }
      }
    }
    return all;
  }

  private static TableEvent fromKindAndData(String kind, ObjectNode data) throws Exception {
    ObjectNode node = data.deepCopy();
    node.put(ModelJson.KIND, kind);
    return MAPPER.treeToValue(node, TableEvent.class);
  }

  private static void assertRoundTrip(Board board) throws Exception {
    String json = MAPPER.writeValueAsString(board);
    Board back = MAPPER.readValue(json, Board.class);
    assertThat(back).as("read back %s", json).isEqualTo(board);
    assertThat(MAPPER.writeValueAsString(back)).as("written again").isEqualTo(json);
    JsonNode strict = STRICT.readTree(json);
    assertThat(strict.isObject()).isTrue();
  }

  private static InternalSerializationService serializationService() {
    SerializationConfig config = new SerializationConfig();
    Streams.serializers().forEach(config::addSerializerConfig);
    return new DefaultSerializationServiceBuilder().setConfig(config).build();
  }
}
