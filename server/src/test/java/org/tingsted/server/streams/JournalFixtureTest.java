package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.EventKind;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.journal.JournalRow;
import org.tingsted.server.journal.TestJournal;
import org.tingsted.server.report.ReportInput;
import org.tingsted.server.report.ReportLanguage;
import org.tingsted.server.report.Reports;
import org.tingsted.server.report.SessionInput;
import org.tingsted.server.report.TableInput;

/**
 * A journal written on 3 December 2026 (by {@link JournalFixture}, with the code of that day):
 * one whole session day with every event kind there was. Whatever Tingsted becomes, it must
 * read this journal to the same boards and the same report, as it must read every assembly
 * already stored. When a change makes this fail, the change broke stored assemblies: add an
 * upcast step ({@link Upcasts}), do not regenerate the fixture. A new event kind gets a second
 * fixture day of its own.
 */
@DisplayName("A journal written by an earlier Tingsted")
class JournalFixtureTest {

  @AutoClose
  private final TestJournal database = TestJournal.h2();
  private final Journal journal = database.journal();

  static List<JournalRow> rows() throws IOException {
    List<JournalRow> rows = new ArrayList<>();
    for (String line : Files.readAllLines(JournalFixture.DIR.resolve("day-1.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        rows.add(ModelJson.mapper().readValue(line, JournalRow.class));
      }
    }
    return rows;
  }

  private static JsonNode golden(String stream) throws IOException {
    return ModelJson.mapper().readTree(JournalFixture.DIR.resolve(stream.replace(':', '-') + ".json").toFile());
  }

  /** The report of the fixture's day, as the report of a published session reads. */
  static String report(Map<String, Object> states) {
    var in = new ReportInput("a1", "Københavnertinget", "Hvordan udvikler vi København sammen, med trivsel og plads til alle?",
        List.of(new SessionInput("s1", "Dag 1", "2026-12-03", (SessionBoard) states.get(JournalFixture.SESSION),
            List.of(new TableInput("t1", "Bord 1", (Board) states.get(JournalFixture.T1)),
                new TableInput("t2", "Bord 2", (Board) states.get(JournalFixture.T2))))));
    return Reports.markdown(Reports.build(in, JournalFixture.NINE + 8 * 3_600_000L), ReportLanguage.DANISH);
  }

  private Map<String, Object> load() {
    StreamLoader loader = new StreamLoader(journal);
    Map<String, Object> states = new LinkedHashMap<>();
    for (String stream : List.of(JournalFixture.T1, JournalFixture.T2, JournalFixture.SESSION)) {
      states.put(stream, loader.load(stream).state());
    }
    return states;
  }

  @Test
  @DisplayName("it holds every event kind of its day, and replays to the same boards and the same report")
  void replaysToTheSameBoardsAndReport() throws Exception {
    List<JournalRow> rows = rows();
    assertThat(rows.stream().map(JournalRow::kind).collect(Collectors.toSet())).as("the kinds in the fixture")
        .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(EventKind.values()).map(EventKind::wire).toList());
    journal.append(rows).get(30, TimeUnit.SECONDS);
    Map<String, Object> states = load();
    for (var state : states.entrySet()) {
      // As text: a number read back from the file may be an int where the board has a long.
      assertThat(ModelJson.tree(state.getValue()).toString()).as("the board of %s", state.getKey())
          .isEqualTo(golden(state.getKey()).toString());
    }
    assertThat(report(states)).isEqualTo(Files.readString(JournalFixture.DIR.resolve("report.md"), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("each row, read into the model and written again, is the row as it was stored: the same kind, version and data, whatever the Java types are called now")
  void rowsReadAndWrittenAgainAreTheSame() throws Exception {
    for (JournalRow row : rows()) {
      StreamEvent event = JournalCodec.event(row);
      JournalRow again = JournalCodec.row(event, row.commandId());
      assertThat(again.kind()).as("row %s#%d", row.stream(), row.seq()).isEqualTo(row.kind());
      assertThat(again.version()).isEqualTo(row.version());
      assertThat(ModelJson.mapper().readTree(again.data())).as("data of %s#%d", row.stream(), row.seq())
          .isEqualTo(ModelJson.mapper().readTree(row.data()));
      assertThat(new JournalRow(again.stream(), again.seq(), again.at(), again.by(), again.kind(), again.version(),
          row.data(), again.commandId())).isEqualTo(row);
    }
  }

  @Test
  @DisplayName("a snapshot taken halfway and the events after it make the same board as all the events")
  void snapshotAndTail() throws Exception {
    List<JournalRow> table = rows().stream().filter(r -> r.stream().equals(JournalFixture.T1)).toList();
    int half = table.size() / 2;
    journal.append(table.subList(0, half)).get(30, TimeUnit.SECONDS);
    Board halfway = (Board) new StreamLoader(journal).load(JournalFixture.T1).state();
    journal.append(table.subList(half, table.size())).get(30, TimeUnit.SECONDS);
    journal.saveSnapshot(new Journal.Snapshot(JournalFixture.T1, half, JournalCodec.STATE_VERSION, JournalCodec.state(halfway)));
    var fromSnapshot = new StreamLoader(journal).load(JournalFixture.T1);
    assertThat(fromSnapshot.seq()).isEqualTo(table.size());
    assertThat(ModelJson.tree(fromSnapshot.state()).toString()).isEqualTo(golden(JournalFixture.T1).toString());
  }
}
