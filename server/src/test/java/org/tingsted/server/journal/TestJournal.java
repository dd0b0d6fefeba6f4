package org.tingsted.server.journal;

/** A fresh journal in its own H2 database for one test, dropped when closed. */
public final class TestJournal implements AutoCloseable {

  private final JournalSettings settings;
  private final Journal journal;

  private TestJournal(JournalSettings settings) {
    this.settings = settings;
    this.journal = Journal.open(settings);
  }

  public static TestJournal h2() {
    return new TestJournal(TestDatabases.h2());
  }

  public Journal journal() {
    return journal;
  }

  @Override
  public void close() {
    journal.close();
    TestDatabases.drop(settings);
  }
}
