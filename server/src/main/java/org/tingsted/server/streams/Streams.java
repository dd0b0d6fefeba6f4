package org.tingsted.server.streams;

import com.fasterxml.jackson.core.type.TypeReference;
import com.hazelcast.config.Config;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.tingsted.protocol.StreamId;
import org.tingsted.server.cluster.HazelcastSetup;
import org.tingsted.server.cluster.JsonSerializer;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.journal.JournalException;

/**
 * Runs commands against streams (tables' and sessions') at the owner of each stream's partition,
 * which journals the accepted events and publishes them to every node ({@link Publisher}).
 *
 * <p>Results come back on the caller's Vert.x context; nothing here blocks an event loop.
 */
public final class Streams {

  static final String MAP = HazelcastSetup.MAP_PREFIX + "streams";
  private static final TypeReference<List<StreamEvent>> EVENT_LIST = new TypeReference<>() {
  };

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final IMap<String, StreamEntry> entries;
  private final Journal journal;
  private final Publisher publisher;

  /** The streams of this node; from now on, what this node's streams accept is published through {@code vertx}. */
  public Streams(Vertx vertx, HazelcastInstance hazelcast, Journal journal) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.entries = hazelcast.getMap(MAP);
    this.journal = journal;
    this.publisher = Owner.of(hazelcast).publisher();
    publisher.attach(vertx);
  }

  /**
   * What the streams need from Hazelcast: the map of working copies, loaded from the journal
   * when a stream is not in memory, and the journal for the owners that run commands.
   */
  public static void configure(Config config, Journal journal) {
    config.addMapConfig(HazelcastSetup.storedMap(config, MAP, new StreamLoader(journal), false));
    config.getUserContext().put(Owner.KEY, new Owner(journal, new Publisher()));
  }

  /** The Hazelcast serializers of what this package keeps in and sends through Hazelcast. */
  public static List<SerializerConfig> serializers() {
    var mapper = ModelJson.mapper();
    return List.of(
        JsonSerializer.of(mapper, StreamEntry.class, 1001),
        JsonSerializer.of(mapper, RunCommand.class, 1002),
        JsonSerializer.of(mapper, ReplaceEntry.class, 1003),
        JsonSerializer.of(mapper, Outcome.class, 1004),
        JsonSerializer.of(mapper, ApplyEvents.class, 1005),
        JsonSerializer.of(mapper, ReadSeq.class, 1006),
        JsonSerializer.of(mapper, ReadPhase.class, 1007),
        JsonSerializer.of(mapper, Reconcile.class, 1008));
  }

  /**
   * Runs {@code command} by {@code actor} on {@code stream}. A command id that this
   * member already used on the stream is not run again: its outcome carries the original seq.
   * Accepted events are journaled before the future completes, and published by the stream's
   * owner on {@link #address}; a copy found stale against the journal is reloaded and the
   * command run once more.
   */
  public Future<Outcome> execute(StreamId stream, Command command, Actor actor, String commandId) {
    return execute(stream, command, actor, commandId, null);
  }


  /**
   * Runs a table command gated by the phase that the owner of the session stream {@code gate}
   * holds for the table when the command is taken up (read there first, so that a phase that
   * closed before the command arrived closes it, whatever this node's copy of the session says).
   */
  public Future<Outcome> execute(StreamId stream, Command command, Actor actor, String commandId, StreamId gate) {
    String name = stream.name();
    if (gate == null) {
      return execute(name, new RunCommand(name, command, actor, commandId, null));
    }
    return Future.fromCompletionStage(entries.submitToKey(gate.name(), new ReadPhase(stream.id())),
            vertx.getOrCreateContext())
        .compose(phase -> execute(name, new RunCommand(name, command, actor, commandId,
            new RunCommand.Gate(gate.name(), phase))));
  }

  private Future<Outcome> execute(String stream, RunCommand run) {
    return run(stream, run)
        .compose(outcome -> outcome.stale() ? run(stream, run) : Future.succeededFuture(outcome))
        .map(outcome -> {
          if (outcome.stale()) {
            throw new JournalException.Unavailable(stream + " stayed stale after a reload from the journal", null);
          }
          return outcome;
        });
  }

  private Future<Outcome> run(String stream, RunCommand run) {
    return Future.fromCompletionStage(entries.submitToKey(stream, run), vertx.getOrCreateContext());
  }

  /** Told, on one context of this node, of every batch of events that a stream owned here accepted. */
  public void onAccepted(java.util.function.Consumer<Publisher.Accepted> listener) {
    publisher.onAccepted(listener);
  }

  /** The seq of a stream as its owner has it, without reading its board. */
  public Future<Long> seq(StreamId stream) {
    return seq(stream.name());
  }

  private Future<Long> seq(String stream) {
    return Future.fromCompletionStage(entries.submitToKey(stream, new ReadSeq()), vertx.getOrCreateContext());
  }

  /** Whether this node owns the stream's partition now. */
  public boolean ownedHere(StreamId stream) {
    var owner = hazelcast.getPartitionService().getPartition(stream.name()).getOwner();
    return owner != null && owner.localMember();
  }

  /** How many streams this node holds the working copy of (as owner, not as backup). */
  public long ownedCount() {
    return entries.getLocalMapStats().getOwnedEntryCount();
  }

  /**
   * Checks those of {@code candidates} that this node owns against the journal, reloading the
   * copies that are behind it and publishing what their followers missed; completes with how
   * many it checked. The candidates come from the roster, not from the map: asking Hazelcast
   * for the keys it holds waits for its map loader, which may not finish while partitions move.
   */
  public Future<Integer> reconcileOwned(java.util.Collection<StreamId> candidates) {
    var checked = candidates.stream().filter(this::ownedHere).map(s -> reconcile(s.name())).toList();
    return Future.all(checked).map(all -> checked.size());
  }

  /**
   * Compares one stream's copy with the journal without locking it, and only when the copy is
   * behind has it reloaded, by an entry processor of its own for that one key (a processor
   * for many keys would hand Hazelcast one backup for all of them).
   */
  private Future<Long> reconcile(String stream) {
    return seq(stream)
        .compose(copy -> vertx.executeBlocking(() -> journal.lastSeq(stream), false)
            .compose(journaled -> journaled <= copy
                ? Future.succeededFuture(copy)
                : Future.fromCompletionStage(entries.submitToKey(stream, new Reconcile()), vertx.getOrCreateContext())));
  }

  /** The current working copy of a stream (an empty one if nothing happened yet). */
  public Future<StreamEntry> read(StreamId stream) {
    return Future.fromCompletionStage(entries.getAsync(stream.name()), vertx.getOrCreateContext())
        .map(entry -> entry != null ? entry : StreamEntry.empty(stream.name()));
  }

  /** A page of a stream's history from the journal, and the seq that starts the next page. */
  public record Page(List<StreamEvent> events, Long next) {
  }

  /** Up to {@code limit} events of a stream with seq from {@code fromSeq}, read off the event loop. */
  public Future<Page> history(StreamId stream, long fromSeq, int limit) {
    return vertx.executeBlocking(() -> {
      var rows = journal.read(stream.name(), fromSeq - 1, limit + 1);
      var events = rows.stream().limit(limit).map(JournalCodec::event).toList();
      return new Page(events, rows.size() > limit ? rows.get(limit).seq() : null);
    });
  }

  /** The event-bus address on which a stream's events are published to every node. */
  public static String address(StreamId stream) {
    return "tingsted.stream." + stream.name();
  }

  /** Encodes a batch of events for the event bus. */
  public static Buffer encode(List<StreamEvent> events) {
    try {
      return Buffer.buffer(ModelJson.mapper().writeValueAsBytes(events));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a batch of events published on the event bus. */
  public static List<StreamEvent> decode(Buffer body) {
    try {
      return ModelJson.mapper().readValue(body.getBytes(), EVENT_LIST);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
