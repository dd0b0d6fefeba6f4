package org.tingsted.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.ClientMessage;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.ProtocolCodec;
import org.tingsted.protocol.ProtocolException;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.AgendaItem;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.CommentKind;
import org.tingsted.server.deliberation.Decision;
import org.tingsted.server.deliberation.PhaseKind;
import org.tingsted.server.deliberation.Plenary;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.deliberation.Source;
import org.tingsted.server.deliberation.Table;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.deliberation.TableEvent;
import org.tingsted.server.deliberation.Timed;
import org.tingsted.server.deliberation.Timer;
import org.tingsted.server.deliberation.TimerScope;
import org.tingsted.server.deliberation.VoteMethod;

/**
 * The command handlers against messages made from fuzz data: each is built as JSON from the
 * wire's records, decoded by the codec, routed as the gateway routes it (to the board of a table
 * the sender reads, or to the session), translated and decided by the model against a board
 * with proposals, a cluster, an open vote, a speaker, an agenda, timers, a draft and a final vote,
 * and its events applied; several in a row, from every role.
 *
 * <p>What must hold: nothing throws, and no command is accepted from a role that may not send it,
 * by the rules of {@code docs/protocol.md} ("Who may send what") and the model's role rules
 * ({@code Table}, {@code PlenaryRolesTest}'s matrix), which {@link #mayBeAccepted} restates.
 * Without {@code JAZZER_FUZZ} this replays the committed inputs in
 * {@code src/test/resources/org/tingsted/server/gateway/CommandFuzzTestInputs/}.
 */
class CommandFuzzTest {

  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static final ObjectMapper JSON = CODEC.mapper();
  private static final long NINE = 1_750_000_000_000L;

  /** A person and where they sit. */
  private record Person(Actor actor, Set<String> reads) {
    Role role() {
      return actor.role();
    }
  }

  private static final List<Person> PEOPLE = List.of(
      new Person(new Actor("anna", Role.MEMBER, "t1"), Set.of("t1")),
      new Person(new Actor("bo", Role.MEMBER, "t1"), Set.of("t1")),
      new Person(new Actor("eva", Role.MEMBER, "t2"), Set.of("t2")),
      new Person(new Actor("frida", Role.FACILITATOR, "t1"), Set.of("t1")),
      new Person(new Actor("gus", Role.FACILITATOR, "t2"), Set.of("t2")),
      new Person(new Actor("lea", Role.LEAD_FACILITATOR, null), Set.of("t1", "t2")),
      new Person(new Actor("ole", Role.OBSERVER, "t1"), Set.of("t1")),
      new Person(new Actor("pia", Role.OBSERVER, null), Set.of("t1", "t2")),
      new Person(new Actor("ada", Role.ADMINISTRATOR, null), Set.of("t1", "t2")),
      new Person(new Actor("clock", Role.SERVER, null), Set.of("t1", "t2")));

  /** Ids that exist on the boards below, and some that do not. */
  private static final List<String> IDS = List.of("p1", "p2", "p3", "c1", "c2", "k1", "k2", "v1", "v2", "d1", "d2",
      "f1", "f2", "tm1", "tm2", "tm3", "anna", "bo", "eva", "frida", "gus", "lea", "ole", "t1", "t2", "t3", "x", "");

  private static final Map<String, Class<?>> TYPES = Arrays.stream(
          ClientMessage.class.getAnnotation(JsonSubTypes.class).value())
      .collect(Collectors.toMap(JsonSubTypes.Type::name, JsonSubTypes.Type::value));
  private static final List<String> TYPE_NAMES = TYPES.keySet().stream().sorted().toList();

  private static final Map<String, Board> TABLES;
  private static final SessionBoard SESSION;

  static {
    Board t1 = Board.empty("t1");
    t1 = table(t1, new TableCommand.Propose("Bike lanes", "On every street"), "anna");
    t1 = table(t1, new TableCommand.Propose("Trees", "In every yard"), "bo");
    t1 = table(t1, new TableCommand.AddComment("p2", CommentKind.SUPPORT, "Yes", null), "anna");
    t1 = table(t1, new TableCommand.CreateCluster("Green", List.of("p2")), "frida");
    t1 = table(t1, new TableCommand.OpenVote(VoteMethod.DOTS, List.of("p1", "p2"), 5, 3), "frida");
    t1 = table(t1, new TableCommand.RaiseHand(), "bo");
    t1 = table(t1, new TableCommand.GiveFloor("bo", NINE), "frida");
    t1 = table(t1, new TableCommand.RaiseHand(), "anna");
    Board t2 = table(Board.empty("t2"), new TableCommand.Propose("Buses", "At night"), "eva");
    TABLES = Map.of("t1", t1, "t2", t2);
    SessionBoard day = SessionBoard.empty("s1");
    var item = new AgendaItem(PhaseKind.PROPOSE, "Proposals", 600, false);
    day = session(day, new SessionCommand.SetAgenda(List.of(item, new AgendaItem(PhaseKind.DISCUSS, "Talk", 600, false))));
    // Starting the agenda starts its phase timer, tm1; then a round timer at t1 (tm2) and a speaker's at t2 (tm3).
    day = session(day, new SessionCommand.StartAgenda(NINE));
    day = session(day, new SessionCommand.StartTimer(TimerScope.ROUND, 60, "Round", "t1", NINE));
    day = session(day, new SessionCommand.StartTimer(TimerScope.SPEAKER, 60, "Speaker", "t2", NINE));
    day = session(day, new SessionCommand.PromoteDraft(List.of(new Source("t1", "p1", null, "Bike lanes", "On every street")),
        "Bike lanes", "On every street"));
    day = session(day, new SessionCommand.PromoteDraft(List.of(new Source("t2", "p1", null, "Buses", "At night")),
        "Buses", "At night"));
    day = session(day, new SessionCommand.OpenFinalVote(List.of("d1"), 0.5, 5));
    SESSION = day;
  }

  private static Board table(Board board, TableCommand command, String who) {
    Actor actor = PEOPLE.stream().map(Person::actor).filter(a -> a.member().equals(who)).findFirst().orElseThrow();
    var decision = Table.decide(board, command, actor);
    if (!(decision instanceof Decision.Accepted<TableEvent> accepted)) {
      throw new IllegalStateException("the fixture's " + command + " was refused: " + decision);
    }
    for (TableEvent e : accepted.events()) {
      board = Table.evolve(board, e);
    }
    return board;
  }

  private static SessionBoard session(SessionBoard board, SessionCommand command) {
    var decision = Plenary.decide(board, command, new Actor("lea", Role.LEAD_FACILITATOR));
    if (!(decision instanceof Decision.Accepted<SessionEvent> accepted)) {
      throw new IllegalStateException("the fixture's " + command + " was refused: " + decision);
    }
    for (SessionEvent e : accepted.events()) {
      board = Plenary.evolve(board, e);
    }
    return board;
  }

  @FuzzTest(maxDuration = "3m")
  void commandsFromEveryRole(FuzzedDataProvider data) {
    var day = new Day();
    int steps = data.consumeInt(1, 6);
    for (int step = 0; step < steps && data.remainingBytes() > 0; step++) {
      Person sender = PEOPLE.get(data.consumeInt(0, PEOPLE.size() - 1));
      day.send(sender, data.consumeBoolean() ? message(data).toString() : data.consumeString(300));
    }
  }

  @Test
  @DisplayName("The harness reaches the model: a member's proposal and a facilitator's vote are accepted, an observer's proposal and a member's vote are not, and a refused command changes nothing")
  void harnessReachesTheModel() {
    var day = new Day();
    Person anna = PEOPLE.get(0);
    Person frida = PEOPLE.get(3);
    Person ole = PEOPLE.get(6);
    assertThat(day.send(anna, "{\"type\":\"propose\",\"id\":\"a1\",\"title\":\"Benches\",\"text\":\"In the park\"}")).isTrue();
    assertThat(day.tables.get("t1").proposals()).containsKey("p3");
    assertThat(day.send(ole, "{\"type\":\"propose\",\"id\":\"a2\",\"title\":\"Benches\",\"text\":\"In the park\"}")).isFalse();
    String vote = "{\"type\":\"openVote\",\"id\":\"a3\",\"method\":\"dots\",\"items\":[\"p1\",\"p3\"]}";
    assertThat(day.send(anna, vote)).isFalse();
    assertThat(day.send(frida, vote)).isTrue();
    assertThat(day.send(ole, "{\"type\":\"advancePhase\",\"id\":\"a4\"}")).isFalse();
    assertThat(day.send(PEOPLE.get(5), "{\"type\":\"advancePhase\",\"id\":\"a5\"}")).isTrue();
    assertThat(day.session.phaseIndex()).isEqualTo(1);
  }

  /** The boards of a session day in the middle of it, as the gateway and the streams would drive them. */
  private static final class Day {
    final java.util.HashMap<String, Board> tables = new java.util.HashMap<>(TABLES);
    SessionBoard session = SESSION;
    long now = NINE + 60_000;

    /** Sends {@code frame} from {@code sender}; whether it was accepted. Throws if a rule was broken. */
    boolean send(Person sender, String frame) {
      ClientMessage message;
      try {
        message = CODEC.decodeClient(frame);
      } catch (ProtocolException refused) {
        return false;
      }
      now += 1_000;
      if (message instanceof ConnectionCommand) {
        return false;
      }
      if (message instanceof org.tingsted.protocol.TableCommand wire) {
        // As the gateway routes it: to the table named, or the sender's own, if the sender reads it.
        String table = wire.table() != null ? wire.table() : sender.actor().table();
        if (table == null || !sender.reads().contains(table) || !tables.containsKey(table)) {
          return false;
        }
        Board before = tables.get(table);
        TableCommand command = stamped(Translation.toModel(wire), now);
        if (!(Table.decide(before, command, sender.actor()) instanceof Decision.Accepted<TableEvent> accepted)) {
          return false;
        }
        if (!mayBeAccepted(sender, command, before)) {
          throw new AssertionError("accepted from a " + sender.role() + " (" + sender.actor().member()
              + ") at " + table + ", who may not send it: " + frame);
        }
        Board after = before;
        for (TableEvent e : accepted.events()) {
          after = Table.evolve(after, e);
        }
        tables.put(table, after);
        return true;
      }
      SessionCommand command = sessionCommand(message);
      if (command == null) {
        return false;
      }
      command = stamped(command, now);
      if (!(Plenary.decide(session, command, sender.actor()) instanceof Decision.Accepted<SessionEvent> accepted)) {
        return false;
      }
      if (!mayBeAccepted(sender, command, session)) {
        throw new AssertionError("accepted from a " + sender.role() + " (" + sender.actor().member()
            + "), who may not send it: " + frame);
      }
      for (SessionEvent e : accepted.events()) {
        session = Plenary.evolve(session, e);
      }
      return true;
    }
  }

  /** The session command a plenary or control message becomes, or null for those the gateway answers itself. */
  private static SessionCommand sessionCommand(ClientMessage message) {
    if (message instanceof PlenaryCommand.Promote promote) {
      return new SessionCommand.PromoteDraft(List.of(new Source(promote.table(), promote.proposal(), promote.cluster(),
          promote.title() == null ? "Title" : promote.title(), promote.text() == null ? "Text" : promote.text())),
          promote.title(), promote.text());
    } else if (message instanceof PlenaryCommand plenary) {
      return Translation.toModel(plenary, 5);
    } else if (message instanceof ControlCommand.MoveMember move) {
      return new SessionCommand.MoveMember(move.member(), "t1", move.toTable());
    } else if (message instanceof ControlCommand control) {
      return Translation.toModel(control);
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static <C extends Command> C stamped(C command, long now) {
    return command instanceof Timed timed ? (C) timed.at(now) : command;
  }

  /**
   * Whether {@code sender} may ever have {@code command} accepted at a table, whatever its
   * fields: the role rules of the protocol, restated apart from the model.
   */
  static boolean mayBeAccepted(Person sender, TableCommand command, Board before) {
    Role role = sender.role();
    String me = sender.actor().member();
    boolean takesPart = role == Role.MEMBER || role.facilitates();
    if (!takesPart) {
      return false;
    }
    if (command instanceof TableCommand.EditProposal c) {
      return before.proposals().containsKey(c.proposal()) && before.proposals().get(c.proposal()).author().equals(me);
    } else if (command instanceof TableCommand.WithdrawProposal c) {
      return before.proposals().containsKey(c.proposal()) && before.proposals().get(c.proposal()).author().equals(me);
    } else if (command instanceof TableCommand.CastBallot) {
      return role == Role.MEMBER;
    } else if (command instanceof TableCommand.OpenVote || command instanceof TableCommand.CloseVote
        || command instanceof TableCommand.PublishResult || command instanceof TableCommand.HideItem
        || command instanceof TableCommand.RestoreItem || command instanceof TableCommand.SetVideoLink
        || command instanceof TableCommand.GiveFloor || command instanceof TableCommand.ReorderQueue
        || command instanceof TableCommand.FavourLeastHeard) {
      return role.facilitates();
    } else if (command instanceof TableCommand.LowerHand c) {
      return role.facilitates() || c.member() == null || c.member().equals(me);
    } else if (command instanceof TableCommand.EndTurn) {
      return role.facilitates() || (before.floor() != null && before.floor().member().equals(me));
    }
    // propose, comment, the clusters, raising a hand
    return true;
  }

  /** Whether {@code sender} may ever have {@code command} accepted on the session stream. */
  static boolean mayBeAccepted(Person sender, SessionCommand command, SessionBoard before) {
    Role role = sender.role();
    if (command instanceof SessionCommand.CastFinalBallot) {
      return role == Role.MEMBER;
    } else if (command instanceof SessionCommand.PublishReport || command instanceof SessionCommand.UnpublishReport
        || command instanceof SessionCommand.RecordAnswer) {
      return role == Role.LEAD_FACILITATOR || role == Role.ADMINISTRATOR;
    } else if (command instanceof SessionCommand.ElapseTimer) {
      return role == Role.SERVER;
    } else if (command instanceof SessionCommand.SetTablePhase c) {
      return role == Role.LEAD_FACILITATOR || (role == Role.FACILITATOR && ownTable(sender, c.table()));
    } else if (command instanceof SessionCommand.StartTimer c) {
      return role == Role.LEAD_FACILITATOR
          || (role == Role.FACILITATOR && c.scope() != TimerScope.PHASE && ownTable(sender, c.table()));
    } else if (command instanceof SessionCommand.PauseTimer c) {
      return timerOfOwn(sender, before, c.timer());
    } else if (command instanceof SessionCommand.ResumeTimer c) {
      return timerOfOwn(sender, before, c.timer());
    } else if (command instanceof SessionCommand.ExtendTimer c) {
      return timerOfOwn(sender, before, c.timer());
    } else if (command instanceof SessionCommand.CancelTimer c) {
      return timerOfOwn(sender, before, c.timer());
    }
    // drafts, final votes, the agenda, announcements, moving members
    return role == Role.LEAD_FACILITATOR;
  }

  private static boolean ownTable(Person sender, String table) {
    return table != null && table.equals(sender.actor().table());
  }

  private static boolean timerOfOwn(Person sender, SessionBoard before, String timer) {
    if (sender.role() == Role.LEAD_FACILITATOR) {
      return true;
    }
    Timer found = before.timers().get(timer);
    return sender.role() == Role.FACILITATOR && found != null && ownTable(sender, found.table());
  }

  /** A message of a known type with every field filled from the fuzz data, as JSON. */
  private static ObjectNode message(FuzzedDataProvider data) {
    String type = TYPE_NAMES.get(data.consumeInt(0, TYPE_NAMES.size() - 1));
    ObjectNode json = record(data, TYPES.get(type), 0);
    json.put("type", type);
    json.put("id", "c" + data.consumeInt(0, 9));
    return json;
  }

  private static ObjectNode record(FuzzedDataProvider data, Class<?> type, int depth) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    for (RecordComponent component : type.getRecordComponents()) {
      if (data.consumeInt(0, 9) == 0) {
        continue;
      }
      json.set(component.getName(), value(data, component.getGenericType(), depth));
    }
    return json;
  }

  private static JsonNode value(FuzzedDataProvider data, Type type, int depth) {
    var nodes = JsonNodeFactory.instance;
    if (type instanceof ParameterizedType generic) {
      Type[] args = generic.getActualTypeArguments();
      if (generic.getRawType() == List.class) {
        ArrayNode list = nodes.arrayNode();
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
          list.add(value(data, args[0], depth + 1));
        }
        return list;
      }
      if (generic.getRawType() == Map.class) {
        ObjectNode map = nodes.objectNode();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
          map.set(id(data), value(data, args[1], depth + 1));
        }
        return map;
      }
    }
    Class<?> raw = (Class<?>) type;
    if (raw == String.class) {
      return nodes.textNode(data.consumeBoolean() ? id(data) : data.consumeString(20));
    } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return data.consumeBoolean() ? nodes.numberNode(data.consumeInt(-1, 12)) : nodes.numberNode(data.consumeLong());
    } else if (raw == double.class || raw == Double.class) {
      return nodes.numberNode(data.consumeBoolean() ? data.consumeInt(0, 4) / 4.0 : data.consumeDouble());
    } else if (raw == boolean.class || raw == Boolean.class) {
      return nodes.booleanNode(data.consumeBoolean());
    } else if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return JSON.valueToTree(constants[data.consumeInt(0, constants.length - 1)]);
    } else if (raw.isRecord() && depth < 3) {
      return record(data, raw, depth + 1);
    }
    return nodes.nullNode();
  }

  private static String id(FuzzedDataProvider data) {
    return IDS.get(data.consumeInt(0, IDS.size() - 1));
  }
}
