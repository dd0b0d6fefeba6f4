package org.tingsted.server.journal;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The journal on PostgreSQL")
class PostgresJournalTest extends JournalContract {
  @Override
  JournalSettings database() {
    return TestDatabases.postgres();
  }
}
