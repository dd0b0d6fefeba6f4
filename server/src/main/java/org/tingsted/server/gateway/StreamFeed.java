package org.tingsted.server.gateway;

import org.tingsted.protocol.StreamId;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tingsted.protocol.Push;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.streams.StreamEntry;
import org.tingsted.server.streams.StreamEvent;
import org.tingsted.server.streams.StreamKind;
import org.tingsted.server.streams.Streams;

/**
 * One stream (a table's or a session's) as this node follows it: a single event-bus consumer
 * however many sockets read the stream, a replica of its state to decide what each reader may
 * see, and the last events for readers that resume. A table's feed also carries the table's
 * presence.
 *
 * <p>A stream's owner publishes its events in seq order, so they normally arrive in order. When
 * ownership moves (a node died or left), a new owner may publish what its predecessor had
 * journaled but not sent, and the event bus may lose what was in flight; so the feed holds back
 * what comes early and hands events to readers strictly in seq order. A gap that does not close
 * by itself within {@link #GAP_WAIT_MS} is filled from the stream's working copy in Hazelcast,
 * and every {@link #CATCH_UP_MS}, or when told the cluster changed, the feed asks the owner for
 * the stream's seq so that it cannot stay behind on an event that never reached this node.
 *
 * <p>Lives on the gateway's context: plain fields, no locks.
 */
final class StreamFeed {

  static final long GAP_WAIT_MS = 250;
  static final long CATCH_UP_MS = 2000;
  /**
   * How long a reader that resumed from a seq this feed has not reached yet waits for the feed
   * to get there before it is sent a snapshot instead (the owner that moved may still be
   * reloading the stream from the journal).
   */
  static final long AHEAD_WAIT_MS = 15_000;
  private static final Logger LOG = LoggerFactory.getLogger(StreamFeed.class);

  private final Vertx vertx;
  private final Streams streams;
  private final Frames frames;
  private final StreamKind<State, Command, Event> kind;
  final StreamId stream;
  /** The table of a table stream, null for a session stream. */
  final String table;

  private final Set<Connection> readers = new LinkedHashSet<>();
  /** Readers that resumed from a seq ahead of this feed: they skip the events up to it. */
  private final Map<Connection, Ahead> ahead = new HashMap<>();

  /** A reader's resume point ahead of the feed, and the timer that gives up waiting for it. */
  private record Ahead(long seq, long timer) {
  }
  private final ArrayDeque<StreamEvent> window = new ArrayDeque<>();
  private final TreeMap<Long, StreamEvent> early = new TreeMap<>();
  private MessageConsumer<Buffer> events;
  private MessageConsumer<String> presence;
  private String lastPresence;
  private Push.Presence present;
  private boolean ready;
  private State state;
  private long seq;
  private long gapTimer = -1;
  private long catchUpTimer = -1;
  private BiConsumer<StreamFeed, StreamEvent> listener = (feed, event) -> { };

  private final Timer delivery;

  StreamFeed(Vertx vertx, Streams streams, Frames frames, StreamId stream, Timer delivery) {
    this.vertx = vertx;
    this.delivery = delivery;
    this.streams = streams;
    this.frames = frames;
    this.stream = stream;
    this.kind = StreamKind.of(stream);
    this.table = stream.isTable() ? stream.id() : null;
  }

  /** Subscribes first, then reads the working copy, so that no event falls between the two. */
  Future<StreamFeed> start() {
    events = vertx.eventBus().consumer(Streams.address(stream), message -> receive(Streams.decode(message.body())));
    Future<Void> presenceReady = Future.succeededFuture();
    if (table != null) {
      presence = vertx.eventBus().consumer(Presence.address(table), message -> {
        lastPresence = message.body();
        present = decodePresence(lastPresence);
        List.copyOf(readers).forEach(r -> r.send(lastPresence));
        listener.accept(this, null);
      });
      presenceReady = presence.completion();
    }
    return Future.all(events.completion(), presenceReady)
        .compose(v -> streams.read(stream))
        .map(entry -> {
          reset(entry);
          ready = true;
          drainEarly();
          listener.accept(this, null);
          catchUpTimer = vertx.setPeriodic(CATCH_UP_MS, id -> catchUp());
          return this;
        });
  }

  Future<Void> stop() {
    if (gapTimer >= 0) {
      vertx.cancelTimer(gapTimer);
    }
    if (catchUpTimer >= 0) {
      vertx.cancelTimer(catchUpTimer);
    }
    return Future.all(events.unregister(), presence == null ? Future.succeededFuture() : presence.unregister()).mapEmpty();
  }

  long seq() {
    return seq;
  }

  /** The table's presence as last heard, or null (session streams have none). */
  Push.Presence presence() {
    return present;
  }

  /**
   * The table's presence as a connection read it, for a feed that has heard none yet (the table
   * is told of changes only, so a feed new on this node may not have): its readers get it.
   */
  void knownPresence(String frame) {
    if (lastPresence != null || frame == null) {
      return;
    }
    lastPresence = frame;
    present = decodePresence(frame);
    List.copyOf(readers).forEach(r -> r.send(frame));
    listener.accept(this, null);
  }

  private Push.Presence decodePresence(String frame) {
    try {
      return (Push.Presence) frames.codec().decodeServer(frame);
    } catch (org.tingsted.protocol.ProtocolException e) {
      throw new IllegalStateException("our own presence frame does not decode", e);
    }
  }

  /** The stream's state as this node has it now (all of it: callers decide what to show). */
  State state() {
    return state;
  }

  /**
   * Called on the gateway's context after every change of the state: with the event that made
   * it, or with null when the state was loaded or reloaded whole.
   */
  void onChange(BiConsumer<StreamFeed, StreamEvent> listener) {
    this.listener = listener;
  }

  /**
   * Adds a reader. It gets the events after {@code resumeSeq} when this feed still has them,
   * otherwise a snapshot; from then on every event in order.
   */
  void attach(Connection reader, Long resumeSeq) {
    long oldest = window.isEmpty() ? seq + 1 : window.peekFirst().seq();
    // A reader first, so that what is sent below (maybe at once, from a future that is done
    // already) finds it.
    readers.add(reader);
    if (resumeSeq != null && resumeSeq > seq) {
      // The reader saw events on another node that this feed has not heard of yet: every seq
      // it saw is in the journal (events are published only once journaled), so the feed will
      // get there. It waits, and then goes on from its own resume point, rather than be taken
      // back to an older snapshot. Unless the owner is not that far either (a journal restored
      // from a backup, say): then, or when the feed does not get there in time, a snapshot.
      long timer = vertx.setTimer(AHEAD_WAIT_MS, id -> {
        if (ahead.remove(reader) != null) {
          LOG.warn("{} did not reach seq {} that a reader resumed from; sending it a snapshot at {}", stream, resumeSeq, seq);
          snapshotTo(reader);
        }
      });
      ahead.put(reader, new Ahead(resumeSeq, timer));
      streams.seq(stream).onComplete(owned -> {
        if (owned.succeeded() && owned.result() < resumeSeq && stopWaiting(reader)) {
          snapshotTo(reader);
        } else if (owned.succeeded() && owned.result() > seq && gapTimer < 0) {
          fillGap();
        }
      });
    } else if (resumeSeq != null && resumeSeq <= seq && resumeSeq + 1 >= oldest) {
      replayTo(reader, resumeSeq);
    } else if (resumeSeq == null || resumeSeq != seq) {
      reader.sendWhole(frames.snapshot(stream, seq, kind.visibleState(state, reader.actor())));
    }
    if (lastPresence != null) {
      reader.send(lastPresence);
    }
  }

  void detach(Connection reader) {
    readers.remove(reader);
    stopWaiting(reader);
  }

  /**
   * An event of the past as a reader may see it now, or null. Visibility of an old event
   * depends on the board before it, which the feed does not keep; the current board decides
   * instead, so an item hidden since is not shown again.
   */
  Push.Event visibleTo(Connection reader, StreamEvent e) {
    Event visible = kind.visibleEvent(state, e.event(), reader.actor());
    return visible == null ? null : frames.eventMessage(e, visible);
  }

  /** Whether the reader was waiting for the feed to reach its resume point; it no longer is. */
  private boolean stopWaiting(Connection reader) {
    Ahead waiting = ahead.remove(reader);
    if (waiting == null) {
      return false;
    }
    vertx.cancelTimer(waiting.timer());
    return true;
  }

  private void snapshotTo(Connection reader) {
    if (readers.contains(reader)) {
      reader.sendWhole(frames.snapshot(stream, seq, kind.visibleState(state, reader.actor())));
    }
  }

  private void replayTo(Connection reader, long after) {
    for (StreamEvent e : window) {
      if (e.seq() > after) {
        Push.Event visible = visibleTo(reader, e);
        if (visible != null) {
          // What a reader missed is bounded by the retained window: sent whole, like a snapshot.
          reader.sendWhole(frames.encode(visible));
        }
      }
    }
  }

  private void receive(List<StreamEvent> batch) {
    for (StreamEvent e : batch) {
      if (e.seq() > seq) {
        early.put(e.seq(), e);
      }
    }
    if (ready) {
      drainEarly();
    }
  }

  private void drainEarly() {
    while (!early.isEmpty() && early.firstKey() <= seq + 1) {
      StreamEvent e = early.pollFirstEntry().getValue();
      if (e.seq() == seq + 1) {
        apply(e);
      }
    }
    if (!early.isEmpty() && gapTimer < 0) {
      gapTimer = vertx.setTimer(GAP_WAIT_MS, id -> {
        gapTimer = -1;
        if (!early.isEmpty()) {
          fillGap();
        }
      });
    }
  }

  /** Asks the owner how far the stream is, and fills in what this node has not heard of. */
  void catchUp() {
    streams.seq(stream).onSuccess(owned -> {
      if (owned > seq && gapTimer < 0) {
        fillGap();
      }
    }).onFailure(e -> LOG.debug("could not ask the owner of {} for its seq", stream, e));
  }

  private void fillGap() {
    streams.read(stream).onSuccess(entry -> {
      if (entry.oldestRecentSeq() <= seq + 1) {
        entry.recent().stream().filter(e -> e.seq() > seq).forEach(e -> early.put(e.seq(), e));
      } else {
        LOG.warn("{} fell behind beyond the retained events; resending snapshots to {} readers", stream, readers.size());
        reset(entry);
        List.copyOf(ahead.keySet()).forEach(this::stopWaiting);
        List.copyOf(readers).forEach(r -> r.sendWhole(frames.snapshot(stream, seq, kind.visibleState(state, r.actor()))));
        listener.accept(this, null);
      }
      drainEarly();
    }).onFailure(e -> LOG.error("could not read {} to fill a gap after seq {}", stream, seq, e));
  }

  private void reset(StreamEntry entry) {
    state = entry.state();
    seq = entry.seq();
    window.clear();
    window.addAll(entry.recent());
    early.headMap(seq, true).clear();
  }

  private void apply(StreamEvent e) {
    State before = state;
    state = kind.evolve(state, e.event());
    seq = e.seq();
    window.addLast(e);
    if (window.size() > StreamEntry.RECENT_EVENTS) {
      window.removeFirst();
    }
    delivery.record(Math.max(0, System.currentTimeMillis() - e.at()), java.util.concurrent.TimeUnit.MILLISECONDS);
    // Most readers see the same thing: encode each distinct view of the event once.
    Map<Event, String> encoded = new HashMap<>();
    for (Connection reader : new ArrayList<>(readers)) {
      Ahead waiting = ahead.get(reader);
      if (waiting != null) {
        if (e.seq() >= waiting.seq()) {
          stopWaiting(reader);
        }
        if (e.seq() <= waiting.seq()) {
          continue;
        }
      }
      Event visible = kind.visibleEvent(before, e.event(), reader.actor());
      if (visible != null) {
        reader.send(encoded.computeIfAbsent(visible, v -> frames.event(e, v)));
      }
    }
    listener.accept(this, e);
  }
}
