package org.tingsted.server.audit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tingsted.server.journal.AuditRow;
import org.tingsted.server.journal.Journal;

/**
 * The audit log: every command the server refused (who, what, where, why; never what the
 * command carried) and every staff action through the admin API, kept in the journal's
 * {@code audit} table.
 *
 * <p>Bounded against a flood: the refusals of one actor with one code in one minute are one
 * entry on each node, with a count, so that a member sending refused commands as fast as
 * they can writes at most one row per code and minute per node, rewritten at most once per
 * {@link #FLUSH_MILLIS}. At most {@link #OPEN_ENTRIES} entries are open at once; beyond them,
 * refusals are counted in one entry per code and minute whose actor is {@code *}. Staff
 * actions wait in a queue of at most {@link #QUEUE_MAX} for the next write.
 *
 * <p>Entries are written every {@link #FLUSH_MILLIS} on a worker thread; each node writes its
 * own (the ids carry the node's prefix), so a cluster needs no coordination. Thread-safe.
 */
public final class AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  /** How often entries are written to the journal. */
  public static final long FLUSH_MILLIS = 1000;
  /** The most coalesced refusal entries open at once on a node. */
  public static final int OPEN_ENTRIES = 10_000;
  /** The most staff actions waiting to be written. */
  public static final int QUEUE_MAX = 10_000;
  /** The longest reason kept, in characters. */
  static final int REASON_MAX = 300;
  /** An actor not yet identified: a connection before its hello, a call without a valid token. */
  public static final String ANONYMOUS = "anonymous";

  private final Vertx vertx;
  private final Journal journal;
  private final String node = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Open> open = new HashMap<>();
  private final ArrayDeque<AuditRow> queue = new ArrayDeque<>();
  private long timer = -1;
  private Future<Void> writing = Future.succeededFuture();

  /** A refusal entry still being counted. */
  private static final class Open {
    AuditRow row;
    long minute;
    boolean dirty = true;

    Open(AuditRow row, long minute) {
      this.row = row;
      this.minute = minute;
    }
  }

  public AuditLog(Vertx vertx, Journal journal) {
    this.vertx = vertx;
    this.journal = journal;
  }

  /** Starts writing every {@link #FLUSH_MILLIS}. */
  public void start() {
    timer = vertx.setPeriodic(FLUSH_MILLIS, id -> flush());
  }

  /**
   * A command was refused.
   *
   * @param actor a person's id, or null before anyone was identified
   */
  public void refused(String assembly, String actor, String role, String stream, String action, String commandId,
                      String code, String reason, long at) {
    String who = actor == null ? ANONYMOUS : actor;
    long minute = at / 60_000;
    synchronized (this) {
      String key = assembly + '|' + who + '|' + code + '|' + minute;
      Open entry = open.get(key);
      if (entry == null && open.size() >= OPEN_ENTRIES) {
        key = "*|" + code + '|' + minute;
        entry = open.get(key);
        if (entry == null) {
          who = "*";
          assembly = null;
          role = null;
          stream = null;
        }
      }
      if (entry == null) {
        open.put(key, new Open(new AuditRow(nextId(at), AuditEntry.REFUSAL, assembly, at, at, 1, cut(who, 128),
            role, cut(stream, 200), cut(action, 128), cut(commandId, 64), null, code, cut(reason, REASON_MAX)), minute));
        return;
      }
      AuditRow r = entry.row;
      entry.row = new AuditRow(r.id(), r.kind(), r.assembly(), r.atMs(), Math.max(r.lastMs(), at), r.times() + 1,
          r.actor(), r.actorRole(), r.stream(), r.action(), r.commandId(), r.target(), r.outcome(), r.reason());
      entry.dirty = true;
    }
  }

  /** A staff action through the admin API; one refused for want of a valid credential is coalesced like a refusal. */
  public void staff(String assembly, String actor, String action, String target, String outcome, long at) {
    if (actor == null) {
      refused(assembly, null, "staff", null, action, null, outcome, "no valid staff credential", at);
      return;
    }
    synchronized (this) {
      if (queue.size() >= QUEUE_MAX) {
        queue.pollFirst();
        LOG.warn("the audit log's queue is full (the journal does not take its writes); the oldest staff action waiting was dropped");
      }
      queue.addLast(new AuditRow(nextId(at), AuditEntry.STAFF, assembly, at, at, 1, cut(actor, 128), "staff", null,
          cut(action, 128), null, cut(target, 300), cut(outcome, 64), null));
    }
  }

  /** Writes what is waiting; the future completes once it is in the journal. */
  public synchronized Future<Void> flush() {
    writing = writing.eventually(this::writeWaiting);
    return writing;
  }

  private Future<Void> writeWaiting() {
    List<AuditRow> rows = new ArrayList<>();
    List<Open> written = new ArrayList<>();
    synchronized (this) {
      long minute = System.currentTimeMillis() / 60_000;
      rows.addAll(queue);
      queue.clear();
      for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
        Open entry = it.next();
        if (entry.dirty) {
          rows.add(entry.row);
          entry.dirty = false;
          written.add(entry);
        } else if (entry.minute < minute - 1) {
          it.remove();
        }
      }
    }
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return vertx.<Void>executeBlocking(() -> {
      journal.putAudit(rows);
      return null;
    }, false).recover(e -> {
      LOG.warn("could not write {} entries of the audit log; trying again: {}", rows.size(), e.getMessage());
      synchronized (this) {
        written.forEach(entry -> entry.dirty = true);
        rows.stream().filter(r -> AuditEntry.STAFF.equals(r.kind())).forEach(queue::addFirst);
      }
      return Future.succeededFuture();
    });
  }

  /** Stops the timer and writes what is waiting. */
  public Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return flush();
  }

  /** A page of the log: entries in time order, and where the next page starts (null at the end). */
  public record Page(List<AuditEntry> entries, Cursor next) {
  }

  /** Where a page starts: after this time and id. */
  public record Cursor(long at, String id) {
    public static final Cursor START = new Cursor(Long.MIN_VALUE, "");
  }

  /** Up to {@code limit} entries after {@code from}; only of {@code assembly} unless it is null. */
  public Future<Page> read(String assembly, Cursor from, int limit) {
    return vertx.executeBlocking(() -> {
      List<AuditRow> rows = journal.readAudit(assembly, from.at(), from.id(), limit + 1);
      var entries = rows.stream().limit(limit).map(r -> new AuditEntry(r.id(), r.kind(), r.assembly(), r.atMs(),
          r.lastMs(), r.times(), r.actor(), r.actorRole(), r.stream(), r.action(), r.commandId(), r.target(),
          r.outcome(), r.reason())).toList();
      AuditEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
      return new Page(entries, rows.size() > limit ? new Cursor(last.at(), last.id()) : null);
    }, false);
  }

  private String nextId(long at) {
    return String.format("%013d-%s-%d", at, node, ids.incrementAndGet());
  }

  private static String cut(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    int end = value.offsetByCodePoints(0, value.codePointCount(0, max - 1));
    return value.substring(0, end) + "…";
  }
}
