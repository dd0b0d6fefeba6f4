package org.tingsted.server.journal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The databases the journal is tested against: an H2 file in a temporary folder, and the
 * PostgreSQL of the build machine (127.0.0.1:5432, database {@code test}, trust auth), in a
 * schema of its own per test. Without PostgreSQL, its tests are skipped on a developer's
 * machine and fail in CI ({@code CI} set), so that CI never passes without having run them.
 */
public final class TestDatabases {

  /** Where the build machines run PostgreSQL; TINGSTED_TEST_PG_URL overrides it. */
  public static final String POSTGRES_URL = System.getenv().getOrDefault("TINGSTED_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String POSTGRES_USER = System.getenv().getOrDefault("TINGSTED_TEST_PG_USER", "postgres");

  private TestDatabases() {
  }

  public static JournalSettings h2() {
    try {
      Path dir = Files.createTempDirectory("tingsted-journal-");
      return JournalSettings.embedded(dir);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A fresh schema in the build machine's PostgreSQL; skips (or fails in CI) when there is none. */
  public static JournalSettings postgres() {
    try (var c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
      c.isValid(2);
    } catch (SQLException e) {
      if (System.getenv("CI") != null) {
        fail("PostgreSQL is required in CI at " + POSTGRES_URL + " but is not reachable: " + e.getMessage());
      }
      assumeTrue(false, "no PostgreSQL at " + POSTGRES_URL + ": " + e.getMessage());
    }
    String schema = "tingsted_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return new JournalSettings(POSTGRES_URL, POSTGRES_USER, "", schema);
  }

  /** Drops a test schema made by {@link #postgres()}. */
  public static void drop(JournalSettings settings) {
    if (settings.schema() == null) {
      return;
    }
    try (var c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
         var s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
    } catch (SQLException e) {
      throw new AssertionError("could not drop " + settings.schema(), e);
    }
  }
}
