package org.tingsted.server.journal;

import java.nio.file.Path;

/**
 * Where the journal lives: a JDBC URL with its credentials, and optionally a schema of its
 * own (tests use one schema each). The embedded default is an H2 database in the data folder.
 */
public record JournalSettings(String url, String user, String password, String schema) {

  public JournalSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the journal needs a JDBC URL");
    }
  }

  /** An H2 database file {@code journal.mv.db} in {@code dataDir}. */
  public static JournalSettings embedded(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("journal");
    // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process keeps it.
    return new JournalSettings("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "", null);
  }

  /** Whether this is the embedded H2 journal (single-node only). */
  public boolean isEmbedded() {
    return url.startsWith("jdbc:h2:");
  }

  /** The URL without credentials, for logs. */
  public String describe() {
    int semicolon = url.indexOf(';');
    String shown = semicolon > 0 ? url.substring(0, semicolon) : url;
    return schema == null ? shown : shown + " (schema " + schema + ")";
  }
}
