package org.tingsted.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolCodecTest {

    private final ProtocolCodec codec = new ProtocolCodec();

    private ProtocolException refused(String frame) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> codec.decodeClient(frame));
        assertThat(e).as("expected %s to be refused", frame).isNotNull();
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        {"type":"clock","id":"a"}                                             | invalid | field 'clientTime' is required
        {"type":"clock","id":"a","clientTime":1.5}                            | invalid | field 'clientTime' must be an integer, not a number
        {"type":"clock","id":"a","clientTime":"12"}                           | invalid | field 'clientTime' must be an integer, not a string
        {"type":"clock","id":"a","clientTime":99999999999999999999999}        | invalid | field 'clientTime' is out of range
        {"type":"propose","id":"a","title":5,"text":"x"}                      | invalid | field 'title' must be a string, not a number
        {"type":"propose","id":"a","title":"t","text":"x","table":7}          | invalid | field 'table' must be a string, not a number
        {"type":"propose","id":"a","title":"t","text":" "}                    | invalid | field 'text' must not be blank
        {"type":"castBallot","id":"a","vote":"v1","ballot":{}}                | invalid | field 'ballot' must have exactly one of dots, order or scale
        {"type":"castBallot","id":"a","vote":"v1","ballot":{"dots":{"p1":-1}}} | invalid | field 'ballot.dots.p1' must be at least 0 (was -1)
        {"type":"castBallot","id":"a","vote":"v1","ballot":{"scale":{"p1":6}}} | invalid | field 'ballot.scale.p1' must be between 1 and 5 (was 6)
        {"type":"castBallot","id":"a","vote":"v1","ballot":{"order":["p1","p1"]}} | invalid | field 'ballot.order' names p1 twice
        {"type":"openVote","id":"a","method":"dots","items":["p1",3]}         | invalid | field 'items[1]' must be a string, not a number
        {"type":"openVote","id":"a","method":"dots","items":[]}               | invalid | field 'items' must name at least 1 item
        {"type":"openVote","id":"a","method":"scale","items":["p1"],"params":{"dotsPerMember":5}} | invalid | field 'params' applies to dots votes only
        {"type":"openVote","id":"a","method":"dots","items":["p1"],"params":{"dotsPerMember":2,"capPerItem":3}} | invalid | field 'params.capPerItem' must not exceed dotsPerMember
        {"type":"hello","id":"a","token":"t","device":"car"}                  | invalid | field 'device' must be one of room, remote (was 'car')
        {"type":"hello","id":"a","token":"t","resume":{"table:t1":-3}}        | invalid | field 'resume.table:t1' must be at least 0 (was -3)
        {"type":"edit","id":"a","proposal":"p1","version":0,"text":"x"}       | invalid | field 'version' must be at least 1 (was 0)
        {"type":"edit","id":"a","proposal":"p1","version":1}                  | invalid | field 'title' is required when 'text' is absent: an edit must change something
        {"type":"mergeClusters","id":"a","from":"k1","into":"k1"}             | invalid | field 'into' must differ from 'from'
        {"type":"renameCluster","id":"a","cluster":"k1","name":""}            | invalid | field 'name' must not be blank
        {"type":"hide","id":"a","item":"c1"}                                  | invalid | field 'reason' is required
        {"type":"promote","id":"a","table":"t4"}                              | invalid | field 'proposal' is required when 'cluster' is absent: promote names one source
        {"type":"promote","id":"a","table":"t4","proposal":"p7","cluster":"k2"} | invalid | field 'cluster' must be absent when 'proposal' is given: promote names one source
        {"type":"promote","id":"a","proposal":"p7"}                           | invalid | field 'table' is required
        {"type":"editDraft","id":"a","draft":"d1","version":1}                | invalid | field 'title' is required when 'text' is absent: an edit must change something
        {"type":"mergeDrafts","id":"a","from":"d1","into":"d1"}               | invalid | field 'into' must differ from 'from'
        {"type":"withdrawDraft","id":"a","draft":"d1"}                        | invalid | field 'reason' is required
        {"type":"openFinalVote","id":"a","drafts":["d1"],"threshold":0}       | invalid | field 'threshold' must be greater than 0 and at most 1 (was 0)
        {"type":"openFinalVote","id":"a","drafts":["d1"],"threshold":1.5}     | invalid | field 'threshold' must be greater than 0 and at most 1 (was 1.5)
        {"type":"openFinalVote","id":"a","drafts":["d1"],"threshold":-0.5}    | invalid | field 'threshold' must be greater than 0 and at most 1 (was -0.5)
        {"type":"openFinalVote","id":"a","drafts":["d1"],"threshold":"0.6"}   | invalid | field 'threshold' must be a number, not a string
        {"type":"openFinalVote","id":"a","drafts":["d1"]}                     | invalid | field 'threshold' is required
        {"type":"openFinalVote","id":"a","drafts":[],"threshold":0.5}         | invalid | field 'drafts' must name at least 1 item
        {"type":"openFinalVote","id":"a","drafts":["d1","d1"],"threshold":0.5} | invalid | field 'drafts' names d1 twice
        {"type":"castFinalBallot","id":"a","vote":"f1","choices":{"d1":"maybe"}} | invalid | field 'choices.d1' must be one of support, oppose, abstain (was 'maybe')
        {"type":"castFinalBallot","id":"a","vote":"f1","choices":{"d1":null}} | invalid | field 'choices.d1' is required
        {"type":"castFinalBallot","id":"a","vote":"f1","choices":{}}          | invalid | field 'choices' must name at least 1 item
        {"type":"castFinalBallot","id":"a","vote":"f1"}                       | invalid | field 'choices' is required
        {"type":"castFinalBallot","id":"a","vote":"f1","choices":["d1"]}      | invalid | field 'choices' must be an object, not an array
        {"type":"closeFinalVote","id":"a"}                                    | invalid | field 'vote' is required
        {"type":"reorderQueue","id":"a","order":["m3","m5","m3"]}              | invalid | field 'order' names m3 twice
        {"type":"reorderQueue","id":"a","order":[]}                           | invalid | field 'order' must name at least 1 item
        {"type":"reorderQueue","id":"a"}                                      | invalid | field 'order' is required
        {"type":"lowerHand","id":"a","member":""}                             | invalid | field 'member' must not be blank
        {"type":"publishResult","id":"a"}                                     | invalid | field 'vote' is required
        {"type":"setAgenda","id":"a"}                                         | invalid | field 'items' is required
        {"type":"setAgenda","id":"a","items":[]}                              | invalid | field 'items' must name at least 1 item
        {"type":"setAgenda","id":"a","items":[null]}                          | invalid | field 'items[0]' is required
        {"type":"setAgenda","id":"a","items":[{"phase":"welcome","title":"Hi","seconds":60},{"phase":"lunch","title":"Lunch","seconds":60}]} | invalid | field 'items[1].phase' must be one of welcome, propose, discuss, cluster, rank, plenary, report, break (was 'lunch')
        {"type":"setAgenda","id":"a","items":[{"phase":"welcome","title":" ","seconds":60}]} | invalid | field 'items[0].title' must not be blank
        {"type":"setAgenda","id":"a","items":[{"phase":"welcome","title":"Hi","seconds":-1}]} | invalid | field 'items[0].seconds' must be between 0 and 86400 (was -1)
        {"type":"setAgenda","id":"a","items":[{"phase":"welcome","title":"Hi","seconds":86401}]} | invalid | field 'items[0].seconds' must be between 0 and 86400 (was 86401)
        {"type":"setAgenda","id":"a","items":[{"phase":"welcome","title":"Hi"}]} | invalid | field 'items[0].seconds' is required
        {"type":"setAgenda","id":"a","items":[{"phase":"welcome","title":"Hi","seconds":60,"autoAdvance":"yes"}]} | invalid | field 'items[0].autoAdvance' must be true or false, not a string
        {"type":"setTablePhase","id":"a","phase":"cluster"}                   | invalid | field 'table' is required
        {"type":"setTablePhase","id":"a","table":"t4","phase":"lunch"}        | invalid | field 'phase' must be one of welcome, propose, discuss, cluster, rank, plenary, report, break (was 'lunch')
        {"type":"startTimer","id":"a","scope":"round","seconds":0}            | invalid | field 'seconds' must be between 1 and 86400 (was 0)
        {"type":"startTimer","id":"a","scope":"round","seconds":86401}        | invalid | field 'seconds' must be between 1 and 86400 (was 86401)
        {"type":"startTimer","id":"a","scope":"round"}                        | invalid | field 'seconds' is required
        {"type":"startTimer","id":"a","scope":"lap","seconds":60}             | invalid | field 'scope' must be one of phase, round, speaker (was 'lap')
        {"type":"startTimer","id":"a","seconds":60}                           | invalid | field 'scope' is required
        {"type":"startTimer","id":"a","scope":"round","seconds":60,"label":""} | invalid | field 'label' must not be blank
        {"type":"extendTimer","id":"a","timer":"tm1","seconds":0}             | invalid | field 'seconds' must be between 1 and 86400 (was 0)
        {"type":"extendTimer","id":"a","timer":"tm1","seconds":1.5}           | invalid | field 'seconds' must be an integer, not a number
        {"type":"pauseTimer","id":"a"}                                        | invalid | field 'timer' is required
        {"type":"announce","id":"a","text":"Lunch","tables":["t2","t2"]}      | invalid | field 'tables' names t2 twice
        {"type":"announce","id":"a","text":" "}                               | invalid | field 'text' must not be blank
        {"type":"moveMember","id":"a","member":"m9"}                          | invalid | field 'toTable' is required
        {"type":5,"id":"a"}                                                   | invalid | field 'type' must be a string, not a number
        {"type":"propose","type":"hello","id":"a"}                            | invalid | the frame is not valid JSON (Duplicate field 'type')
        """)
    @DisplayName("A refused frame gets a message that names the offending field")
    void refusalNamesTheField(String frame, String code, String message) {
        ProtocolException e = refused(frame);

        assertThat(e.code().wireName()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    @DisplayName("A refused frame names its command id when it has a readable one, and only then")
    void refusalCarriesTheId() {
        assertThat(refused("{\"type\":\"propose\",\"id\":\"cmd7\",\"title\":\"\",\"text\":\"x\"}").id()).isEqualTo("cmd7");
        assertThat(refused("{\"type\":\"nope\",\"id\":\"cmd8\"}").id()).isEqualTo("cmd8");
        assertThat(refused("{\"type\":\"propose\",\"id\":5,\"title\":\"t\",\"text\":\"x\"}").id()).isNull();
        assertThat(refused("{\"type\":\"propose\",\"id\":\"" + "x".repeat(65) + "\",\"title\":\"t\",\"text\":\"x\"}"))
                .satisfies(e -> assertThat(e.id()).isNull())
                .satisfies(e -> assertThat(e.getMessage()).isEqualTo("field 'id' must be at most 64 characters"));
        assertThat(refused("{\"type\":\"propose\",\"id\":\"cmd9\"").id()).isNull();
    }

    @Test
    @DisplayName("A refused frame turns into the error reply the gateway sends")
    void refusalBecomesAnErrorReply() {
        Reply.Error reply = refused("{\"type\":\"teleport\",\"id\":\"cmd3\"}").toReply();

        assertThat(codec.encode(reply))
                .isEqualTo("{\"type\":\"error\",\"id\":\"cmd3\",\"code\":\"unknown_type\",\"message\":\"unknown message type 'teleport'\"}");
    }

    @Test
    @DisplayName("Texts are measured in characters, not bytes: 120 Danish letters or emoji make a valid title")
    void limitsCountCharacters() throws Exception {
        String title = "æøå😀".repeat(30);
        ClientMessage ok = codec.decodeClient(codec.encode(new ProposalCommand.Propose("a", null, title, "x")));
        assertThat(((ProposalCommand.Propose) ok).title()).isEqualTo(title);

        assertThatThrownBy(() -> new ProposalCommand.Propose("a", null, title + "ø", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'title' must be at most 120 characters (was 121)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        text     | 2000 | {"type":"propose","id":"a","title":"t","text":"%s"}
        name     | 80   | {"type":"createCluster","id":"a","name":"%s"}
        name     | 80   | {"type":"renameCluster","id":"a","cluster":"k1","name":"%s"}
        reason   | 500  | {"type":"hide","id":"a","item":"p1","reason":"%s"}
        reason   | 500  | {"type":"restore","id":"a","item":"p1","reason":"%s"}
        text     | 1000 | {"type":"comment","id":"a","proposal":"p1","kind":"other","text":"%s"}
        title    | 120  | {"type":"edit","id":"a","proposal":"p1","version":1,"title":"%s"}
        token    | 4096 | {"type":"hello","id":"a","token":"%s"}
        title    | 120  | {"type":"promote","id":"a","table":"t4","proposal":"p7","title":"%s"}
        text     | 2000 | {"type":"promote","id":"a","table":"t2","cluster":"k1","text":"%s"}
        text     | 2000 | {"type":"editDraft","id":"a","draft":"d1","version":1,"text":"%s"}
        title    | 120  | {"type":"mergeDrafts","id":"a","from":"d2","into":"d1","title":"%s"}
        reason   | 500  | {"type":"withdrawDraft","id":"a","draft":"d3","reason":"%s"}
        text     | 1000 | {"type":"announce","id":"a","text":"%s"}
        items[0].title | 120 | {"type":"setAgenda","id":"a","items":[{"phase":"break","title":"%s","seconds":900}]}
        label    | 120  | {"type":"startTimer","id":"a","scope":"speaker","seconds":120,"label":"%s"}
        """)
    @DisplayName("Each text accepts its limit and refuses one character more as too_large")
    void textLimits(String field, int limit, String template) throws Exception {
        codec.decodeClient(template.formatted("x".repeat(limit)));

        ProtocolException e = refused(template.formatted("x".repeat(limit + 1)));
        assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(e.getMessage()).startsWith("field '" + field + "' must be at most " + limit + " characters");
    }

    @Test
    @DisplayName("A message over 64 KiB is refused as too_large without being parsed, with its id when the id comes before the bulk")
    void oversizedFrame() {
        String early = "{\"type\":\"propose\",\"id\":\"a\",\"title\":\"t\",\"text\":\"" + "ø".repeat(33_000) + "\"}";
        String late = "{\"type\":\"propose\",\"title\":\"t\",\"text\":\"" + "x".repeat(70_000) + "\",\"id\":\"a\"}";
        String nested = "{\"type\":\"propose\",\"x\":{\"id\":\"inner\"},\"text\":\"" + "ø".repeat(33_000) + "\"}";

        ProtocolException e = refused(early);
        assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(e.id()).isEqualTo("a");
        assertThat(refused(late).id()).isNull();
        assertThat(refused(nested).id()).isNull();
        assertThat(ProtocolCodec.refuseTooLarge(early.substring(0, 1000)).id()).as("only the start kept").isEqualTo("a");
    }

    @Test
    @DisplayName("Optional fields left out are not written; a hello without device means a tablet in the room")
    void optionalFields() throws Exception {
        ClientMessage hello = codec.decodeClient("{\"type\":\"hello\",\"id\":\"a\",\"token\":\"t\"}");

        assertThat(hello).isEqualTo(new ConnectionCommand.Hello("a", "t", Device.ROOM, null));
        assertThat(codec.encode(new ProposalCommand.Withdraw("a", null, "p1")))
                .isEqualTo("{\"type\":\"withdraw\",\"id\":\"a\",\"proposal\":\"p1\"}");
        assertThat(codec.encode(Reply.Ack.withoutEvent("a"))).isEqualTo("{\"type\":\"ack\",\"id\":\"a\"}");
    }

    @Test
    @DisplayName("Taking a proposal out of its cluster: a missing cluster reads as null, and null is always written")
    void moveOutOfCluster() throws Exception {
        ClientMessage absent = codec.decodeClient("{\"type\":\"moveToCluster\",\"id\":\"a\",\"proposal\":\"p1\"}");

        assertThat(absent).isEqualTo(new ClusterCommand.MoveToCluster("a", null, "p1", null));
        assertThat(codec.encode(absent)).isEqualTo("{\"type\":\"moveToCluster\",\"id\":\"a\",\"proposal\":\"p1\",\"cluster\":null}");
    }

    @Test
    @DisplayName("An event made by the server itself is written with \"by\": null")
    void eventByTheServer() throws Exception {
        ObjectNode data = codec.mapper().createObjectNode().put("timer", "t1");
        String frame = codec.encode(new Push.Event("session:s1", 3, 1764556800000L, null, "timerElapsed", data));

        JsonNode tree = codec.mapper().readTree(frame);
        assertThat(tree.has("by")).isTrue();
        assertThat(tree.get("by").isNull()).isTrue();
        assertThat(codec.decodeServer(frame)).isEqualTo(new Push.Event("session:s1", 3, 1764556800000L, null, "timerElapsed", data));
    }

    @Test
    @DisplayName("Ballots are exactly one of dots, order or scale, and are built by name")
    void ballots() throws Exception {
        assertThat(codec.encode(new VoteCommand.CastBallot("a", "t1", "v1", Ballot.order(List.of("p2", "p1")))))
                .isEqualTo("{\"type\":\"castBallot\",\"id\":\"a\",\"table\":\"t1\",\"vote\":\"v1\",\"ballot\":{\"order\":[\"p2\",\"p1\"]}}");
        assertThatThrownBy(() -> new Ballot(Map.of("p1", 1), List.of("p1"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ballot.scale(Map.of()))
                .hasMessage("field 'scale' must name at least 1 item");
    }

    @Test
    @DisplayName("A threshold is a share greater than 0 and at most 1: a whole 1 is accepted, and written as a number")
    void thresholds() throws Exception {
        ClientMessage all = codec.decodeClient("{\"type\":\"openFinalVote\",\"id\":\"a\",\"drafts\":[\"d1\"],\"threshold\":1}");

        assertThat(all).isEqualTo(new PlenaryCommand.OpenFinalVote("a", List.of("d1"), 1.0));
        assertThat(codec.encode(new PlenaryCommand.OpenFinalVote("a", List.of("d1", "d4"), 0.5)))
                .isEqualTo("{\"type\":\"openFinalVote\",\"id\":\"a\",\"drafts\":[\"d1\",\"d4\"],\"threshold\":0.5}");
        assertThat(codec.decodeClient("{\"type\":\"openFinalVote\",\"id\":\"a\",\"drafts\":[\"d1\"],\"threshold\":0.0001}"))
                .isEqualTo(new PlenaryCommand.OpenFinalVote("a", List.of("d1"), 0.0001));
        assertThatThrownBy(() -> new PlenaryCommand.OpenFinalVote("a", List.of("d1"), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'threshold' must be greater than 0 and at most 1 (was NaN)");
    }

    @Test
    @DisplayName("Plenary commands carry no table to route them: a table named on one is ignored like any unknown field")
    void plenaryCommandsHaveNoTable() throws Exception {
        ClientMessage close = codec.decodeClient("{\"type\":\"closeFinalVote\",\"id\":\"a\",\"table\":\"t4\",\"vote\":\"f1\"}");

        assertThat(close).isEqualTo(new PlenaryCommand.CloseFinalVote("a", "f1"));
        assertThat(close).isNotInstanceOf(TableCommand.class);
        assertThat(codec.encode(new PlenaryCommand.PublishReport("a"))).isEqualTo("{\"type\":\"publishReport\",\"id\":\"a\"}");
        assertThat(codec.encode(new PlenaryCommand.Promote("a", "t4", "p7", null, null, null)))
                .isEqualTo("{\"type\":\"promote\",\"id\":\"a\",\"table\":\"t4\",\"proposal\":\"p7\"}");
    }

    @Test
    @DisplayName("A final ballot keeps its choices in the order given, and cannot be changed afterwards")
    void finalBallots() throws Exception {
        Map<String, Choice> choices = new LinkedHashMap<>();
        choices.put("d4", Choice.OPPOSE);
        choices.put("d1", Choice.SUPPORT);
        PlenaryCommand.CastFinalBallot cast = new PlenaryCommand.CastFinalBallot("a", "f1", choices);
        choices.put("d7", Choice.ABSTAIN);

        assertThat(cast.choices()).containsExactly(Map.entry("d4", Choice.OPPOSE), Map.entry("d1", Choice.SUPPORT));
        assertThatThrownBy(() -> cast.choices().put("d7", Choice.ABSTAIN)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(codec.encode(cast))
                .isEqualTo("{\"type\":\"castFinalBallot\",\"id\":\"a\",\"vote\":\"f1\",\"choices\":{\"d4\":\"oppose\",\"d1\":\"support\"}}");
    }

    @Test
    @DisplayName("Speaking commands and publishResult are table commands; control commands route by no table")
    void controlChannelRouting() throws Exception {
        ClientMessage start = codec.decodeClient("{\"type\":\"startAgenda\",\"id\":\"a\",\"table\":\"t4\"}");

        assertThat(start).isEqualTo(new ControlCommand.StartAgenda("a")).isNotInstanceOf(TableCommand.class);
        assertThat(codec.decodeClient("{\"type\":\"raiseHand\",\"id\":\"a\"}"))
                .isEqualTo(new SpeakingCommand.RaiseHand("a", null))
                .isInstanceOf(TableCommand.class);
        assertThat(((TableCommand) codec.decodeClient("{\"type\":\"publishResult\",\"id\":\"a\",\"table\":\"t4\",\"vote\":\"v1\"}")).table())
                .isEqualTo("t4");
        assertThat(codec.encode(new ControlCommand.MoveMember("a", "m9", "t4")))
                .isEqualTo("{\"type\":\"moveMember\",\"id\":\"a\",\"member\":\"m9\",\"toTable\":\"t4\"}");
    }

    @Test
    @DisplayName("An agenda item without autoAdvance does not advance by itself, and autoAdvance is always written")
    void agendaItemDefaults() throws Exception {
        ClientMessage set = codec.decodeClient(
                "{\"type\":\"setAgenda\",\"id\":\"a\",\"items\":[{\"phase\":\"break\",\"title\":\"Coffee\",\"seconds\":900}]}");

        assertThat(set).isEqualTo(new ControlCommand.SetAgenda("a", List.of(AgendaItem.of(PhaseKind.BREAK, "Coffee", 900))));
        assertThat(((ControlCommand.SetAgenda) set).items().get(0).autoAdvance()).isFalse();
        assertThat(codec.encode(set)).isEqualTo(
                "{\"type\":\"setAgenda\",\"id\":\"a\",\"items\":[{\"phase\":\"break\",\"title\":\"Coffee\",\"seconds\":900,\"autoAdvance\":false}]}");
        assertThat(AgendaItem.of(PhaseKind.PLENARY, "Plenary", 0).planned()).isFalse();
    }

    @Test
    @DisplayName("A table following the session again: a missing phase reads as null, and null is always written")
    void tableFollowsTheSession() throws Exception {
        ClientMessage absent = codec.decodeClient("{\"type\":\"setTablePhase\",\"id\":\"a\",\"table\":\"t4\"}");

        assertThat(absent).isEqualTo(new ControlCommand.SetTablePhase("a", "t4", null));
        assertThat(((ControlCommand.SetTablePhase) absent).followsSession()).isTrue();
        assertThat(codec.encode(absent)).isEqualTo("{\"type\":\"setTablePhase\",\"id\":\"a\",\"table\":\"t4\",\"phase\":null}");
    }

    @Test
    @DisplayName("An announcement without tables, or with an empty list, is for every table")
    void announcementsForEveryTable() {
        assertThat(new ControlCommand.Announce("a", "Lunch", null).everyTable()).isTrue();
        assertThat(new ControlCommand.Announce("a", "Lunch", List.of()).everyTable()).isTrue();
        assertThat(new ControlCommand.Announce("a", "Lunch", List.of("t4")).everyTable()).isFalse();
        assertThat(codec.encode(new ControlCommand.Announce("a", "Lunch", null)))
                .isEqualTo("{\"type\":\"announce\",\"id\":\"a\",\"text\":\"Lunch\"}");
    }

    @Test
    @DisplayName("A console built in code is written as documented, and a table's counts are checked")
    void console() throws Exception {
        Push.Console.TableState t4 = new Push.Console.TableState("t4", "Table 4", null, 0, 0, 0, 8, 0, 0, 0, null, List.of(), null);
        String frame = codec.encode(new Push.Console(1764557700250L, null, List.of(t4)));

        assertThat(frame).isEqualTo("{\"type\":\"console\",\"at\":1764557700250,\"tables\":[{\"table\":\"t4\",\"name\":\"Table 4\","
                + "\"online\":0,\"inRoom\":0,\"remote\":0,\"members\":8,\"proposals\":0,\"comments\":0,\"hands\":0,\"votes\":[]}]}");
        assertThat(codec.decodeServer(frame)).isEqualTo(new Push.Console(1764557700250L, null, List.of(t4)));
        assertThatThrownBy(() -> codec.decodeServer("{\"type\":\"console\",\"at\":1,\"tables\":[{\"table\":\"t4\",\"name\":\"T\","
                + "\"online\":-1,\"inRoom\":0,\"remote\":0,\"members\":0,\"proposals\":0,\"comments\":0,\"hands\":0,\"votes\":[]}]}"))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("field 'tables[0].online' must be at least 0 (was -1)"));
    }

    @Test
    @DisplayName("An ack names both the stream and the seq of the first event, or neither")
    void ackStreamAndSeqGoTogether() {
        assertThatThrownBy(() -> new Reply.Ack("a", "table:t1", null)).hasMessage("field 'seq' is required when stream is given");
        assertThatThrownBy(() -> codec.decodeServer("{\"type\":\"ack\",\"id\":\"a\",\"seq\":4}"))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("field 'stream' is required when seq is given"));
    }

    @Test
    @DisplayName("Error codes are the closed set of ten, written by their wire names")
    void errorCodes() throws Exception {
        assertThat(ErrorCode.values()).extracting(ErrorCode::wireName).containsExactly(
                "unauthorized", "forbidden", "invalid", "not_found", "conflict", "phase_closed",
                "rate_limited", "too_large", "unknown_type", "internal");
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(codec.mapper().writeValueAsString(code)).isEqualTo("\"" + code.wireName() + "\"");
            assertThat(code.meaning()).isNotBlank();
        }
    }

    @Test
    @DisplayName("Enums travel in lower case, as the documentation spells them")
    void enumWireNames() throws Exception {
        assertThat(codec.mapper().writeValueAsString(Role.LEAD_FACILITATOR)).isEqualTo("\"lead_facilitator\"");
        assertThat(codec.mapper().writeValueAsString(VoteMethod.RANKING)).isEqualTo("\"ranking\"");
        assertThat(codec.mapper().writeValueAsString(CommentKind.QUESTION)).isEqualTo("\"question\"");
        assertThat(codec.mapper().writeValueAsString(Device.REMOTE)).isEqualTo("\"remote\"");
        assertThat(codec.mapper().writeValueAsString(Choice.ABSTAIN)).isEqualTo("\"abstain\"");
        assertThat(codec.mapper().writeValueAsString(PhaseKind.BREAK)).isEqualTo("\"break\"");
        assertThat(codec.mapper().writeValueAsString(TimerScope.SPEAKER)).isEqualTo("\"speaker\"");
        assertThat(codec.mapper().writeValueAsString(TimerStatus.CANCELLED)).isEqualTo("\"cancelled\"");
    }

    @Test
    @DisplayName("Messages built in code are immutable copies of what was passed in")
    void immutable() {
        List<String> items = new ArrayList<>(List.of("p1"));
        VoteCommand.OpenVote open = new VoteCommand.OpenVote("a", null, VoteMethod.RANKING, items, null);
        items.add("p2");

        assertThat(open.items()).containsExactly("p1");
        assertThatThrownBy(() -> open.items().add("p3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("The codec can be shared between threads")
    void sharedBetweenThreads() throws Exception {
        String frame = Vectors.text("client/castBallot.json");
        ClientMessage expected = codec.decodeClient(frame);
        AtomicInteger mismatches = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> tasks = Collections.nCopies(8, () -> {
                for (int i = 0; i < 2_000; i++) {
                    if (!codec.decodeClient(codec.encode(codec.decodeClient(frame))).equals(expected)) {
                        mismatches.incrementAndGet();
                    }
                }
                return null;
            });
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mismatches).hasValue(0);
    }
}
