package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import org.tingsted.protocol.EventKind;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.PlenarySessions;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.deliberation.Sessions;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.deliberation.Table;
import org.tingsted.server.deliberation.TableEvent;
import org.tingsted.server.deliberation.Timed;

/**
 * The web client's store (store.js, run in Node) against the server's model: random command
 * sequences go through the Java model; the events a facilitator (for a table) or the lead
 * facilitator (for the session) is sent go to store.js; the state it ends with must be the
 * board the server would send that reader as a snapshot. Seeded; the seed of a sequence that
 * differs is in the message.
 */
@Label("The web client's store against the server's model")
class StoreMirrorTest {

  private static final Path NODE = Path.of("/usr/bin/node");
  private static final Path HARNESS = Path.of("..", "web-client", "src", "test", "js", "store-harness.mjs");
  private static final int RUNS = 200;
  private static final long SEED = Long.getLong("tingsted.mirror.seed", 20261203L);

  /**
   * One random sequence: the events its reader was sent (for store.js), and every event as each
   * of a few viewers is sent it (for {@link EventShapesTest}): the reader, the one who acted (so
   * a voter's own ballot) and a member who did not.
   */
  record Run(long seed, String stream, List<ObjectNode> events, List<ObjectNode> emitted, JsonNode expected) {
  }

  private static List<Run> shared;

  @Example
  @Label("after 200 random table sessions and 200 random plenaries, every event kind among them, store.js holds what the server's board holds")
  void theStoreMirrorsTheModel() throws Exception {
    if (!Files.isExecutable(NODE)) {
      if (System.getenv("CI") != null) {
        fail("/usr/bin/node is needed to run store.js");
      }
      throw new TestAbortedException("no /usr/bin/node: store.js is not compared with the model");
    }
    List<Run> runs = runs();
    Set<String> kinds = new TreeSet<>();
    runs.forEach(r -> r.events().forEach(e -> kinds.add(e.get("kind").asText())));
    assertThat(kinds).as("the event kinds the sequences made")
        .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(EventKind.values()).map(EventKind::wire).toList());

    Path in = Files.createTempFile("tingsted-mirror-", ".json");
    Path out = Files.createTempFile("tingsted-mirror-", ".out.json");
    try {
      ArrayNode input = ModelJson.mapper().createArrayNode();
      for (Run run : runs) {
        ObjectNode r = input.addObject();
        r.put("stream", run.stream());
        run.events().forEach(r.putArray("events")::add);
      }
      Files.writeString(in, input.toString());
      Process node = new ProcessBuilder(NODE.toString(), HARNESS.toString(), in.toString(), out.toString())
          .redirectErrorStream(true).start();
      String said = new String(node.getInputStream().readAllBytes());
      assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(node.exitValue()).as("node said: %s", said).isZero();
      JsonNode states = ModelJson.mapper().readTree(Files.readString(out));
      for (int i = 0; i < runs.size(); i++) {
        Run run = runs.get(i);
        // As store-harness.mjs's comparable() gives it: less what the app alone keeps.
        JsonNode actual = states.get(i);
        List<String> differences = new ArrayList<>();
        diff("", run.expected(), actual, differences);
        assertThat(differences).as("where store.js differs from the model: %s after %d events, seed %d"
            + " (-Dtingsted.mirror.seed=%d reruns it first)", run.stream(), run.events().size(), run.seed(), run.seed())
            .isEmpty();
      }
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
    }
  }

  /** The random sequences (and the one with video links), made once for the tests that share them. */
  static synchronized List<Run> runs() throws Exception {
    if (shared != null) {
      return shared;
    }
    List<Run> made = new ArrayList<>();
    var tables = Sessions.sessions().generator(1000);
    var plenaries = PlenarySessions.sessions().generator(1000);
    for (int i = 0; i < RUNS; i++) {
      long seed = SEED + i;
      made.add(table(seed, tables.next(new Random(seed)).value()));
      made.add(plenary(seed, plenaries.next(new Random(seed)).value()));
    }
    // The generator never sets a video link; one table does, changes it and clears it.
    Actor frida = Sessions.ACTORS.get(3);
    made.add(table(0, List.of(
        new Sessions.Step(frida, new org.tingsted.server.deliberation.TableCommand.SetVideoLink("https://møde.example/bord-1")),
        new Sessions.Step(frida, new org.tingsted.server.deliberation.TableCommand.SetVideoLink("https://møde.example/bord-2")),
        new Sessions.Step(frida, new org.tingsted.server.deliberation.TableCommand.SetVideoLink(null)),
        new Sessions.Step(frida, new org.tingsted.server.deliberation.TableCommand.SetVideoLink("https://møde.example/bord-3")))));

    shared = List.copyOf(made);
    return shared;
  }

  private static Run table(long seed, List<Sessions.Step> steps) throws Exception {
    String stream = "table:" + Sessions.TABLE;
    Actor reader = new Actor("mirror-facilitator", Role.FACILITATOR);
    Board board = Board.empty(Sessions.TABLE);
    List<ObjectNode> events = new ArrayList<>();
    List<ObjectNode> emitted = new ArrayList<>();
    long clock = 1_796_284_800_000L;
    for (Sessions.Step step : steps) {
      var command = step.on(board);
      clock = command instanceof Timed timed && timed.now() > 0 ? timed.now() : clock + 1000;
      if (Table.decide(board, command, step.actor()) instanceof Accepted<TableEvent> a) {
        for (TableEvent event : a.events()) {
          wire(events, emitted, StreamKind.<State, Command, Event>of(stream), board, event, reader, clock, step.actor());
          board = Table.evolve(board, event);
        }
      }
    }
    return new Run(seed, stream, events, emitted, expected(StreamKind.of(stream), board, reader));
  }

  private static Run plenary(long seed, List<PlenarySessions.Step> steps) throws Exception {
    String stream = "session:" + PlenarySessions.SESSION;
    Actor reader = new Actor("mirror-lead", Role.LEAD_FACILITATOR);
    PlenarySessions.Trace trace = PlenarySessions.play(steps);
    List<ObjectNode> events = new ArrayList<>();
    List<ObjectNode> emitted = new ArrayList<>();
    SessionBoard board = SessionBoard.empty(PlenarySessions.SESSION);
    long clock = PlenarySessions.START;
    for (PlenarySessions.Turn turn : trace.turns()) {
      clock += turn.step().advance() * 1000L;
      clock = Math.max(clock, turn.command() instanceof Timed timed ? timed.now() : clock);
      if (turn.decision() instanceof Accepted<SessionEvent> a) {
        for (SessionEvent event : a.events()) {
          wire(events, emitted, StreamKind.<State, Command, Event>of(stream), board, event, reader, clock, turn.step().actor());
          board = org.tingsted.server.deliberation.Plenary.evolve(board, event);
        }
      }
    }
    return new Run(seed, stream, events, emitted, expected(StreamKind.of(stream), board, reader));
  }

  /** The paths at which two JSON trees differ: "votes.v2.result (model: …, store: …)". */
  static void diff(String path, JsonNode model, JsonNode store, List<String> out) {
    if (out.size() >= 10 || java.util.Objects.equals(model, store)) {
      return;
    }
    // JavaScript writes 2.0 as 2: the same number.
    if (model != null && store != null && model.isNumber() && store.isNumber()
        && model.decimalValue().compareTo(store.decimalValue()) == 0) {
      return;
    }
    if (model != null && store != null && model.isObject() && store.isObject()) {
      Set<String> names = new TreeSet<>();
      model.fieldNames().forEachRemaining(names::add);
      store.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        diff(path.isEmpty() ? name : path + "." + name, model.get(name), store.get(name), out);
      }
      return;
    }
    if (model != null && store != null && model.isArray() && store.isArray() && model.size() == store.size()) {
      for (int i = 0; i < model.size(); i++) {
        diff(path + "[" + i + "]", model.get(i), store.get(i), out);
      }
      return;
    }
    out.add(path + " (model: " + model + ", store: " + store + ")");
  }

  /** A member who neither reads the store's stream nor acts: how most of the room is sent an event. */
  private static final Actor BYSTANDER = new Actor("mirror-member", Role.MEMBER);

  /**
   * The event as the reader is sent it, as the store gets it (kind, data, at, by), into
   * {@code events}; and as the reader, the one who acted and a bystander are each sent it, into
   * {@code emitted}.
   */
  private static void wire(List<ObjectNode> events, List<ObjectNode> emitted, StreamKind<State, Command, Event> kind,
      State before, Event event, Actor reader, long at, Actor by) {
    ObjectNode read = wire(kind.visibleEvent(before, event, reader), at, by);
    if (read != null) {
      events.add(read);
    }
    for (Actor viewer : List.of(reader, by, BYSTANDER)) {
      ObjectNode seen = viewer.role() == Role.SERVER ? null : wire(kind.visibleEvent(before, event, viewer), at, by);
      if (seen != null) {
        emitted.add(seen);
      }
    }
  }

  private static ObjectNode wire(Event visible, long at, Actor by) {
    if (visible == null) {
      return null;
    }
    ObjectNode e = ModelJson.mapper().createObjectNode();
    e.put("kind", ModelJson.kindOf(visible));
    e.set("data", ModelJson.dataOf(visible));
    e.put("at", at);
    if (by.role() != Role.SERVER) {
      e.put("by", by.member());
    }
    return e;
  }

  /**
   * The snapshot the server would send the reader, read back as the store would read it. Less
   * the ballots of others in closed votes and final votes: a snapshot shows them once a vote
   * is closed, but no event brings them (Visibility says so), so a live client has only the
   * counts until it reloads.
   */
  static JsonNode expected(StreamKind<State, Command, Event> kind, State board, Actor reader) throws Exception {
    ObjectNode tree = (ObjectNode) ModelJson.mapper().readTree(ModelJson.tree(kind.visibleState(board, reader)).toString());
    for (String votes : List.of("votes", "finalVotes")) {
      tree.path(votes).forEach(vote -> {
        if (vote.path("ballots") instanceof ObjectNode ballots) {
          ballots.retain(List.of(reader.member()));
        }
      });
    }
    return tree;
  }
}
