package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.PlenarySessions;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.journal.JournalRow;

/**
 * The session streams go through the same one JSON encoding as the tables: into Hazelcast,
 * onto the wire, into the journal and its snapshots. None of it may lose anything.
 */
@Label("The session's plenary and day in JSON")
class SessionJsonTest {

  @Provide
  Arbitrary<List<PlenarySessions.Step>> sessions() {
    return PlenarySessions.sessions();
  }

  @Property(tries = 150)
  @Label("every session board reached, and every event, reads back equal through the model's JSON, the journal row and the snapshot")
  void roundTrips(@ForAll("sessions") List<PlenarySessions.Step> session) throws Exception {
    PlenarySessions.Trace trace = PlenarySessions.play(session);
    for (SessionBoard board : trace.boards()) {
      String json = ModelJson.mapper().writeValueAsString(board);
      assertThat(ModelJson.mapper().readValue(json, SessionBoard.class)).isEqualTo(board);
      State back = JournalCodec.state(JournalCodec.state(board));
      assertThat(back).isEqualTo(board);
    }
    long seq = 0;
    for (SessionEvent event : trace.events()) {
      String typed = ModelJson.mapper().writeValueAsString(event);
      assertThat(ModelJson.mapper().readValue(typed, Event.class)).isEqualTo(event);
      ObjectNode data = ModelJson.dataOf(event);
      assertThat(data.has(ModelJson.KIND)).isFalse();
      var row = JournalCodec.row(new StreamEvent("session:s", ++seq, 1L, null, event), "c" + seq);
      assertThat(row.kind()).isEqualTo(ModelJson.kindOf(event));
      assertThat(JournalCodec.event(new JournalRow(row.stream(), row.seq(), row.at(), row.by(), row.kind(), row.version(), row.data(), row.commandId())).event())
          .isEqualTo(event);
    }
  }
}
