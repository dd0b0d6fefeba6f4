package org.tingsted.server.journal;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The journal on embedded H2")
class H2JournalTest extends JournalContract {
  @Override
  JournalSettings database() {
    return TestDatabases.h2();
  }
}
