package org.tingsted.server.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events with one commit for everything that is waiting: while one transaction
 * commits, the next appends queue up and go in the following one. A lone append pays one
 * commit; a hundred concurrent appends pay a handful.
 *
 * <p>If a shared transaction fails, each append is retried alone, so that one bad append (a
 * duplicate seq) fails only its own caller.
 */
final class GroupCommit implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  private static final int MAX_APPENDS_PER_COMMIT = 512;
  private static final String INSERT = "INSERT INTO events (stream, seq, at_ms, by_member, kind, data, command_id, "
      + "schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UNIQUE_VIOLATION = "23505";

  private record Append(List<JournalRow> rows, CompletableFuture<Void> done, long queuedNanos) {
  }

  private final DataSource dataSource;
  private final LinkedBlockingQueue<Append> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;
  private volatile long commits;
  private volatile Timer appendTimer;
  private volatile Timer commitTimer;

  GroupCommit(DataSource dataSource) {
    this.dataSource = dataSource;
    this.writer = new Thread(this::run, "tingsted-journal-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  CompletableFuture<Void> append(List<JournalRow> rows) {
    var append = new Append(List.copyOf(rows), new CompletableFuture<>(), System.nanoTime());
    if (!running) {
      append.done().completeExceptionally(new JournalException("the journal is closed", null));
      return append.done();
    }
    queue.add(append);
    return append.done();
  }

  /** Records from now on how long appends wait until committed, and how long each commit takes. */
  void measure(Timer append, Timer commit) {
    this.appendTimer = append;
    this.commitTimer = commit;
  }

  /** How many transactions have committed: with concurrent appends, fewer than appends. */
  long commits() {
    return commits;
  }

  private void run() {
    var batch = new ArrayList<Append>();
    while (running || !queue.isEmpty()) {
      try {
        Append first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_APPENDS_PER_COMMIT - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.error("the journal writer failed", e);
        batch.forEach(a -> a.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
    for (Append left; (left = queue.poll()) != null; ) {
      left.done().completeExceptionally(new JournalException("the journal is closed", null));
    }
  }

  private void write(List<Append> batch) {
    try {
      insert(batch);
      batch.forEach(this::done);
    } catch (SQLException shared) {
      if (batch.size() == 1) {
        batch.get(0).done().completeExceptionally(translate(shared));
        return;
      }
      for (Append alone : batch) {
        try {
          insert(List.of(alone));
          done(alone);
        } catch (SQLException e) {
          alone.done().completeExceptionally(translate(e));
        }
      }
    }
  }

  private void done(Append append) {
    Timer timer = appendTimer;
    if (timer != null) {
      timer.record(System.nanoTime() - append.queuedNanos(), TimeUnit.NANOSECONDS);
    }
    append.done().complete(null);
  }

  private void insert(List<Append> appends) throws SQLException {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (Append append : appends) {
          for (JournalRow row : append.rows()) {
            insert.setString(1, row.stream());
            insert.setLong(2, row.seq());
            insert.setLong(3, row.at());
            insert.setString(4, row.by());
            insert.setString(5, row.kind());
            insert.setString(6, row.data());
            insert.setString(7, row.commandId());
            insert.setInt(8, row.version());
            insert.addBatch();
          }
        }
        insert.executeBatch();
        connection.commit();
        commits++;
        Timer timer = commitTimer;
        if (timer != null) {
          timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static JournalException translate(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return new JournalException.Duplicate("the journal already holds this (stream, seq)", e);
      }
      if (t instanceof SQLException sql && sql.getNextException() != null
          && UNIQUE_VIOLATION.equals(sql.getNextException().getSQLState())) {
        return new JournalException.Duplicate("the journal already holds this (stream, seq)", e);
      }
    }
    return new JournalException("could not append to the journal: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    running = false;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
