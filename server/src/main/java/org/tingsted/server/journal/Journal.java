package org.tingsted.server.journal;

import com.zaxxer.hikari.HikariConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;

/**
 * The durable journal, the source of truth: every event of every stream, snapshots of streams,
 * the roster's documents and the cluster's shared secrets, in H2 or PostgreSQL through plain
 * JDBC. The schema is migrated by Flyway when the journal opens.
 *
 * <p>Every method blocks: call it from a worker thread, never from an event loop.
 */
public final class Journal implements AutoCloseable {

  private final JournalSettings settings;
  private final HikariDataSource dataSource;
  private final GroupCommit appends;

  private Journal(JournalSettings settings, HikariDataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.appends = new GroupCommit(dataSource);
  }

  /** Connects, migrates the schema to the current version, and starts the writer. */
  public static Journal open(JournalSettings settings) {
    var config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(6);
    config.setPoolName("tingsted-journal");
    if (settings.schema() != null) {
      config.setSchema(settings.schema());
    }
    var dataSource = new HikariDataSource(config);
    try {
      var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
      if (settings.schema() != null) {
        flyway.schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true);
      }
      flyway.load().migrate();
      return new Journal(settings, dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  public JournalSettings settings() {
    return settings;
  }

  /**
   * Appends events; the future completes once they are committed, or fails with
   * {@link JournalException.Duplicate} when a (stream, seq) is already taken.
   */
  public CompletableFuture<Void> append(List<JournalRow> rows) {
    return appends.append(rows);
  }

  /**
   * Reports to {@code registry}: {@code tingsted.journal.append} (from an append until its rows
   * are committed) and {@code tingsted.journal.commit} (one transaction).
   */
  public void measure(MeterRegistry registry) {
    appends.measure(
        Timer.builder("tingsted.journal.append").description("from an append until its events are committed")
            .publishPercentileHistogram().register(registry),
        Timer.builder("tingsted.journal.commit").description("one group-commit transaction")
            .publishPercentileHistogram().register(registry));
  }

  /** Whether the database answers within {@code seconds}. */
  public boolean reachable(int seconds) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(seconds);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The seq of a stream's last event in the journal, 0 when it has none. */
  public long lastSeq(String stream) {
    return query("SELECT MAX(seq) FROM events WHERE stream = ?", ps -> ps.setString(1, stream), rs -> rs.getLong(1))
        .stream().findFirst().orElse(0L);
  }

  /** Transactions committed so far by appends (group commit makes this less than appends). */
  public long commits() {
    return appends.commits();
  }

  /** Up to {@code limit} events of a stream with seq greater than {@code afterSeq}, in order. */
  public List<JournalRow> read(String stream, long afterSeq, int limit) {
    return query("SELECT stream, seq, at_ms, by_member, kind, data, command_id, schema_version FROM events "
        + "WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?", ps -> {
          ps.setString(1, stream);
          ps.setLong(2, afterSeq);
          ps.setInt(3, limit);
        }, Journal::row);
  }

  /** The last {@code count} events of a stream, oldest first. */
  public List<JournalRow> readLast(String stream, int count) {
    List<JournalRow> newestFirst = query("SELECT stream, seq, at_ms, by_member, kind, data, command_id, schema_version FROM events "
        + "WHERE stream = ? ORDER BY seq DESC LIMIT ?", ps -> {
          ps.setString(1, stream);
          ps.setInt(2, count);
        }, Journal::row);
    var oldestFirst = new ArrayList<JournalRow>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      oldestFirst.add(newestFirst.get(i));
    }
    return oldestFirst;
  }

  /**
   * A stream's state at a seq.
   *
   * @param version the version of the states' schema that {@code state} is written in
   */
  public record Snapshot(String stream, long seq, int version, String state) {
  }

  /** The newest snapshot of a stream. */
  public Optional<Snapshot> latestSnapshot(String stream) {
    return query("SELECT stream, seq, schema_version, state FROM snapshots WHERE stream = ? ORDER BY seq DESC LIMIT 1",
        ps -> ps.setString(1, stream), rs -> new Snapshot(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4)))
        .stream().findFirst();
  }

  /** Stores a snapshot; only call it for a seq whose events are all committed. */
  public void saveSnapshot(Snapshot snapshot) {
    update("INSERT INTO snapshots (stream, seq, state, taken_ms, schema_version) VALUES (?, ?, ?, ?, ?)", ps -> {
      ps.setString(1, snapshot.stream());
      ps.setLong(2, snapshot.seq());
      ps.setString(3, snapshot.state());
      ps.setLong(4, System.currentTimeMillis());
      ps.setInt(5, snapshot.version());
    });
  }

  /** Stores a document, replacing the one of the same kind and id. */
  public void putDocument(String kind, String id, String body) {
    long now = System.currentTimeMillis();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement update = c.prepareStatement("UPDATE documents SET body = ?, updated_ms = ? WHERE kind = ? AND id = ?")) {
        update.setString(1, body);
        update.setLong(2, now);
        update.setString(3, kind);
        update.setString(4, id);
        if (update.executeUpdate() > 0) {
          return;
        }
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO documents (kind, id, body, updated_ms) VALUES (?, ?, ?, ?)")) {
        insert.setString(1, kind);
        insert.setString(2, id);
        insert.setString(3, body);
        insert.setLong(4, now);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new JournalException("could not store " + kind + " " + id + ": " + e.getMessage(), e);
    }
  }

  /** The document of this kind and id. */
  public Optional<String> document(String kind, String id) {
    return query("SELECT body FROM documents WHERE kind = ? AND id = ?", ps -> {
      ps.setString(1, kind);
      ps.setString(2, id);
    }, rs -> rs.getString(1)).stream().findFirst();
  }

  /** The ids of every document of a kind. */
  public List<String> documentIds(String kind) {
    return query("SELECT id FROM documents WHERE kind = ? ORDER BY id", ps -> ps.setString(1, kind), rs -> rs.getString(1));
  }

  /** Removes a document. */
  public void deleteDocument(String kind, String id) {
    update("DELETE FROM documents WHERE kind = ? AND id = ?", ps -> {
      ps.setString(1, kind);
      ps.setString(2, id);
    });
  }

  /**
   * Writes rows of the audit log in one transaction: a row whose id is there already is
   * replaced (a coalesced refusal that was counted again), any other is added.
   */
  public void putAudit(List<AuditRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement update = c.prepareStatement("UPDATE audit SET last_ms = ?, times = ? WHERE id = ?");
           PreparedStatement insert = c.prepareStatement("INSERT INTO audit (id, kind, assembly, at_ms, last_ms, times, "
               + "actor, actor_role, stream, action, command_id, target, outcome, reason) "
               + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (AuditRow row : rows) {
          update.setLong(1, row.lastMs());
          update.setInt(2, row.times());
          update.setString(3, row.id());
          if (update.executeUpdate() > 0) {
            continue;
          }
          insert.setString(1, row.id());
          insert.setString(2, row.kind());
          insert.setString(3, row.assembly());
          insert.setLong(4, row.atMs());
          insert.setLong(5, row.lastMs());
          insert.setInt(6, row.times());
          insert.setString(7, row.actor());
          insert.setString(8, row.actorRole());
          insert.setString(9, row.stream());
          insert.setString(10, row.action());
          insert.setString(11, row.commandId());
          insert.setString(12, row.target());
          insert.setString(13, row.outcome());
          insert.setString(14, row.reason());
          insert.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new JournalException("could not write the audit log: " + e.getMessage(), e);
    }
  }

  /**
   * Up to {@code limit} rows of the audit log after ({@code afterMs}, {@code afterId}) in the
   * order (at_ms, id); only those of {@code assembly} unless it is null.
   */
  public List<AuditRow> readAudit(String assembly, long afterMs, String afterId, int limit) {
    return query("SELECT id, kind, assembly, at_ms, last_ms, times, actor, actor_role, stream, action, command_id, "
        + "target, outcome, reason FROM audit WHERE (CAST(? AS VARCHAR(64)) IS NULL OR assembly = ?) AND (at_ms > ? OR (at_ms = ? AND id > ?)) "
        + "ORDER BY at_ms, id LIMIT ?", ps -> {
          ps.setString(1, assembly);
          ps.setString(2, assembly);
          ps.setLong(3, afterMs);
          ps.setLong(4, afterMs);
          ps.setString(5, afterId);
          ps.setInt(6, limit);
        }, rs -> new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
            rs.getString(12), rs.getString(13), rs.getString(14)));
  }

  /**
   * The secret of this name, created by {@code create} the first time any node asks; every
   * node of a cluster then gets the same one.
   */
  public String secret(String name, Supplier<String> create) {
    Optional<String> existing = query("SELECT secret FROM secrets WHERE name = ?", ps -> ps.setString(1, name), rs -> rs.getString(1))
        .stream().findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      update("INSERT INTO secrets (name, secret) VALUES (?, ?)", ps -> {
        ps.setString(1, name);
        ps.setString(2, create.get());
      });
    } catch (JournalException raced) {
      // Another node created it between our read and our insert: theirs stands.
    }
    return query("SELECT secret FROM secrets WHERE name = ?", ps -> ps.setString(1, name), rs -> rs.getString(1))
        .stream().findFirst().orElseThrow(() -> new JournalException("could not keep the secret " + name, null));
  }

  @Override
  public void close() {
    appends.close();
    dataSource.close();
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        var out = new ArrayList<T>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new JournalException("could not read the journal: " + e.getMessage(), e);
    }
  }

  private void update(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      c.setAutoCommit(true);
      binder.bind(ps);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new JournalException("could not write the journal: " + e.getMessage(), e);
    }
  }

  private static JournalRow row(ResultSet rs) throws SQLException {
    return new JournalRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
        rs.getString(5), rs.getInt(8), rs.getString(6), rs.getString(7));
  }
}
