package org.tingsted.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every journal must do, whatever database holds it. */
abstract class JournalContract {

  private JournalSettings settings;
  private Journal journal;

  abstract JournalSettings database();

  @BeforeEach
  void open() {
    settings = database();
    journal = Journal.open(settings);
  }

  @AfterEach
  void close() {
    journal.close();
    TestDatabases.drop(settings);
  }

  private static JournalRow row(String stream, long seq) {
    return new JournalRow(stream, seq, 1_764_556_800_000L + seq, "m" + seq, "proposed", (int) (seq % 3) + 1,
        "{\"proposal\":\"p" + seq + "\",\"title\":\"Grønne gårde ✓\"}", "c" + seq);
  }

  private void append(JournalRow... rows) throws Exception {
    journal.append(List.of(rows)).get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("Appended events read back exactly, in seq order, per stream")
  void appendsReadBack() throws Exception {
    append(row("table:t1", 1), row("table:t1", 2));
    append(row("table:t2", 1));
    append(row("table:t1", 3));
    assertThat(journal.read("table:t1", 0, 100)).containsExactly(row("table:t1", 1), row("table:t1", 2), row("table:t1", 3));
    assertThat(journal.read("table:t1", 1, 1)).containsExactly(row("table:t1", 2));
    assertThat(journal.read("table:t2", 0, 100)).containsExactly(row("table:t2", 1));
    assertThat(journal.readLast("table:t1", 2)).containsExactly(row("table:t1", 2), row("table:t1", 3));
  }

  @Test
  @DisplayName("A second append of the same (stream, seq) is refused by the database, and the first stays")
  void duplicateSeqIsRefused() throws Exception {
    append(row("table:t1", 1));
    var other = new JournalRow("table:t1", 1, 5, "m9", "proposed", 1, "{\"proposal\":\"p9\"}", "c9");
    assertThatThrownBy(() -> journal.append(List.of(other)).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(JournalException.Duplicate.class);
    assertThat(journal.read("table:t1", 0, 10)).containsExactly(row("table:t1", 1));
  }

  @Test
  @DisplayName("A refused append in a shared commit fails only its own caller")
  void oneBadAppendDoesNotFailOthers() throws Exception {
    append(row("table:t1", 1));
    var futures = new ArrayList<CompletableFuture<Void>>();
    for (int i = 2; i <= 40; i++) {
      futures.add(journal.append(List.of(row("table:t1", i))));
      if (i == 20) {
        futures.add(journal.append(List.of(row("table:t1", 1))));
      }
    }
    int failed = 0;
    for (var f : futures) {
      try {
        f.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(JournalException.Duplicate.class);
        failed++;
      }
    }
    assertThat(failed).isEqualTo(1);
    assertThat(journal.read("table:t1", 0, 100)).extracting(JournalRow::seq)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 40).mapToObj(i -> (long) i).toList());
  }

  @Test
  @DisplayName("Concurrent appends share commits (group commit)")
  void concurrentAppendsShareCommits() throws Exception {
    long before = journal.commits();
    var futures = new ArrayList<CompletableFuture<Void>>();
    for (int s = 0; s < 50; s++) {
      for (int i = 1; i <= 10; i++) {
        futures.add(journal.append(List.of(row("table:s" + s, i))));
      }
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertThat(journal.commits() - before).as("commits for 500 appends").isLessThan(500);
    assertThat(journal.read("table:s7", 0, 100)).hasSize(10);
  }

  @Test
  @DisplayName("The newest snapshot of a stream is returned")
  void snapshots() {
    assertThat(journal.latestSnapshot("table:t1")).isEmpty();
    journal.saveSnapshot(new Journal.Snapshot("table:t1", 200, 1, "{\"a\":1}"));
    journal.saveSnapshot(new Journal.Snapshot("table:t1", 400, 2, "{\"a\":2}"));
    assertThat(journal.latestSnapshot("table:t1")).contains(new Journal.Snapshot("table:t1", 400, 2, "{\"a\":2}"));
  }

  @Test
  @DisplayName("Documents are stored, replaced, listed and deleted")
  void documents() {
    journal.putDocument("assembly", "a1", "{\"name\":\"Københavnertinget\"}");
    journal.putDocument("assembly", "a1", "{\"name\":\"Københavnertinget 2027\"}");
    journal.putDocument("assembly", "a2", "{}");
    assertThat(journal.document("assembly", "a1")).contains("{\"name\":\"Københavnertinget 2027\"}");
    assertThat(journal.documentIds("assembly")).containsExactly("a1", "a2");
    journal.deleteDocument("assembly", "a2");
    assertThat(journal.documentIds("assembly")).containsExactly("a1");
  }

  @Test
  @DisplayName("A secret is made once and then always the same")
  void secrets() {
    String first = journal.secret("join-token-key", () -> "one");
    String second = journal.secret("join-token-key", () -> "two");
    assertThat(first).isEqualTo("one");
    assertThat(second).isEqualTo("one");
  }

  @Test
  @DisplayName("What was appended is there after the journal is closed and opened again")
  void survivesReopen() throws Exception {
    append(row("table:t1", 1), row("table:t1", 2));
    journal.close();
    journal = Journal.open(settings);
    assertThat(journal.read("table:t1", 0, 10)).containsExactly(row("table:t1", 1), row("table:t1", 2));
  }

  private static AuditRow audit(String id, String assembly, long at, int times) {
    return new AuditRow(id, "refusal", assembly, at, at + times, times, "m1", "member", "table:t1", "propose", "c1", null,
        "forbidden", "members may not do this ✓");
  }

  @Test
  @DisplayName("Audit rows are added, counted again under the same id, and read in time order, by assembly or all, page by page")
  void auditLog() {
    journal.putAudit(List.of(audit("0003-x-1", "a1", 3, 1), audit("0001-x-2", "a2", 1, 1), audit("0002-x-3", "a1", 2, 1)));
    journal.putAudit(List.of(audit("0003-x-1", "a1", 3, 7)));
    assertThat(journal.readAudit(null, Long.MIN_VALUE, "", 10)).extracting(AuditRow::id)
        .containsExactly("0001-x-2", "0002-x-3", "0003-x-1");
    assertThat(journal.readAudit("a1", Long.MIN_VALUE, "", 10))
        .containsExactly(audit("0002-x-3", "a1", 2, 1), audit("0003-x-1", "a1", 3, 7));
    assertThat(journal.readAudit(null, 1, "0001-x-2", 1)).extracting(AuditRow::id).containsExactly("0002-x-3");
    assertThat(journal.readAudit("a3", Long.MIN_VALUE, "", 10)).isEmpty();
  }
}
