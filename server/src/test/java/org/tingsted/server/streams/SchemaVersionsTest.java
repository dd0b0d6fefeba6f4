package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.EventKind;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.TableEvent;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.journal.JournalRow;
import org.tingsted.server.journal.TestJournal;

@DisplayName("Journal rows and snapshots written by another schema version")
class SchemaVersionsTest {

  @AutoClose
  private final TestJournal database = TestJournal.h2();
  private final Journal journal = database.journal();

  private static JournalRow proposed(long seq, int version, String data) {
    return new JournalRow("table:t1", seq, 1000 + seq, "m1", "proposed", version, data, "c" + seq);
  }

  @Test
  @DisplayName("an older row is upcast step by step before it is read; a row newer than this version, or without a step, is refused with a clear message")
  void upcasting() {
    // Suppose "proposed" were at version 3, and version 1 called the title "heading", version 2 the text "body".
    Upcasts steps = new Upcasts()
        .step(EventKind.PROPOSED, 1, data -> rename(data, "heading", "title"))
        .step(EventKind.PROPOSED, 2, data -> rename(data, "body", "text"));
    JournalRow old = proposed(1, 1, "{\"proposal\":\"p1\",\"author\":\"m1\",\"heading\":\"Grønne gårde\",\"body\":\"Træer\"}");
    var event = (TableEvent.Proposed) JournalCodec.event(old, steps, 3).event();
    assertThat(event.title()).isEqualTo("Grønne gårde");
    assertThat(event.text()).isEqualTo("Træer");
    assertThatThrownBy(() -> JournalCodec.event(proposed(2, 4, "{}"), steps, 3))
        .hasMessageContaining("schema version 4, newer than this Tingsted reads (3)");
    assertThatThrownBy(() -> JournalCodec.event(old, new Upcasts(), 2))
        .hasMessageContaining("no upcast of proposed from schema version 1");
    assertThatThrownBy(() -> JournalCodec.event(new JournalRow("table:t1", 3, 1, null, "somethingNew", 1, "{}", null)))
        .hasMessageContaining("a kind this Tingsted does not know: somethingNew");
  }

  @Test
  @DisplayName("a snapshot of another schema version, or one that does not read, is passed over: the stream is replayed from its events to the same board")
  void snapshotsFallBackToReplay() throws Exception {
    var rows = List.of(
        proposed(1, 1, "{\"proposal\":\"p1\",\"author\":\"m1\",\"title\":\"Grønne gårde\",\"text\":\"Træer\"}"),
        proposed(2, 1, "{\"proposal\":\"p2\",\"author\":\"m1\",\"title\":\"Natbusser\",\"text\":\"Hvert kvarter\"}"));
    journal.append(rows).get(10, TimeUnit.SECONDS);
    StreamLoader loader = new StreamLoader(journal);
    Board replayed = (Board) loader.load("table:t1").state();
    assertThat(replayed.proposals()).containsOnlyKeys("p1", "p2");

    // A snapshot at seq 1 that says there is one proposal called "Stale": read when its version is current.
    Board stale = Board.empty("t1");
    JournalRow one = proposed(1, 1, "{\"proposal\":\"p1\",\"author\":\"m1\",\"title\":\"Stale\",\"text\":\"x\"}");
    stale = org.tingsted.server.deliberation.Table.evolve(stale, (TableEvent) JournalCodec.event(one).event());
    journal.saveSnapshot(new Journal.Snapshot("table:t1", 1, JournalCodec.STATE_VERSION, JournalCodec.state(stale)));
    assertThat(((Board) loader.load("table:t1").state()).proposals().get("p1").title()).isEqualTo("Stale");

    journal.saveSnapshot(new Journal.Snapshot("table:t1", 2, JournalCodec.STATE_VERSION + 1, JournalCodec.state(stale)));
    assertThat(loader.load("table:t1").state()).as("another version: replayed").isEqualTo(replayed);

    journal.saveSnapshot(new Journal.Snapshot("table:t1", 3, JournalCodec.STATE_VERSION, "{\"@type\":\"noSuchState\"}"));
    var entry = loader.load("table:t1");
    assertThat(entry.state()).as("unreadable: replayed").isEqualTo(replayed);
    assertThat(entry.seq()).isEqualTo(2);
  }

  private static ObjectNode rename(ObjectNode data, String from, String to) {
    data.set(to, data.remove(from));
    return data;
  }
}
