package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.Plenary;
import org.tingsted.server.deliberation.PlenarySessions;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.deliberation.Sessions;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.deliberation.Table;
import org.tingsted.server.deliberation.TableEvent;

/**
 * The board the model holds live, against the board read back from the journal: every event
 * written as a journal row and read back (the JSON round trip), replayed; and a snapshot taken
 * halfway, written and read back, with the rest of the rows after it. A field the JSON drops,
 * or a state that depends on more than its events, makes these differ.
 */
class JournalRoundTripProperties {

  @Provide
  Arbitrary<List<Sessions.Step>> tables() {
    return Sessions.sessions();
  }

  @Provide
  Arbitrary<List<PlenarySessions.Step>> plenaries() {
    return PlenarySessions.sessions();
  }

  @Property(tries = 300)
  @Label("A table read back from its journal rows, or from a snapshot and the rows after it, is the live table")
  void tables(@ForAll("tables") List<Sessions.Step> session) {
    Board live = Board.empty(Sessions.TABLE);
    List<Event> events = new ArrayList<>();
    for (Sessions.Step step : session) {
      if (Table.decide(live, step.on(live), step.actor()) instanceof Accepted<TableEvent> a) {
        for (TableEvent event : a.events()) {
          live = Table.evolve(live, event);
          events.add(event);
        }
      }
    }
    check("table:" + Sessions.TABLE, Board.empty(Sessions.TABLE), events, live);
  }

  @Property(tries = 200)
  @Label("A plenary read back from its journal rows, or from a snapshot and the rows after it, is the live plenary")
  void plenaries(@ForAll("plenaries") List<PlenarySessions.Step> session) {
    PlenarySessions.Trace trace = PlenarySessions.play(session);
    check("session:" + PlenarySessions.SESSION, SessionBoard.empty(PlenarySessions.SESSION),
        new ArrayList<>(trace.events()), trace.boards().get(trace.boards().size() - 1));
  }

  private static void check(String stream, State empty, List<Event> events, State live) {
    StreamKind<State, org.tingsted.server.deliberation.Command, Event> kind = StreamKind.of(stream);
    List<Event> read = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      var row = JournalCodec.row(new StreamEvent(stream, i + 1, 1_000L * i, "m1", events.get(i)), "c" + i);
      read.add(JournalCodec.event(row).event());
    }
    State replayed = empty;
    State halfway = null;
    int half = read.size() / 2;
    for (int i = 0; i < read.size(); i++) {
      if (i == half) {
        halfway = JournalCodec.state(JournalCodec.state(replayed));
      }
      replayed = kind.evolve(replayed, read.get(i));
    }
    assertThat(replayed).as("replayed from the rows").isEqualTo(live);
    if (halfway != null) {
      State tail = halfway;
      for (Event event : read.subList(half, read.size())) {
        tail = kind.evolve(tail, event);
      }
      assertThat(tail).as("a snapshot after %d rows and the rest", half).isEqualTo(live);
    }
  }
}
