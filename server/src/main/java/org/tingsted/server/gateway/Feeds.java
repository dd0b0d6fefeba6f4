package org.tingsted.server.gateway;

import org.tingsted.protocol.StreamId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.tingsted.server.streams.StreamEvent;
import org.tingsted.server.streams.Streams;

/**
 * The streams this node follows, one {@link StreamFeed} each, shared by every socket that reads
 * the stream and closed when the last one lets go.
 */
final class Feeds {

  private final Vertx vertx;
  private final Streams streams;
  private final Frames frames;
  private final Map<StreamId, Held> feeds = new HashMap<>();
  private final BiConsumer<StreamFeed, StreamEvent> changes;
  private final Meters meters;

  /**
   * @param changes told of every change of every feed (see {@link StreamFeed#onChange})
   */
  Feeds(Vertx vertx, Streams streams, Frames frames, BiConsumer<StreamFeed, StreamEvent> changes, Meters meters) {
    this.vertx = vertx;
    this.meters = meters;
    this.streams = streams;
    this.frames = frames;
    this.changes = changes;
  }

  /** A feed being started or running, and how many hold it. */
  private static final class Held {
    final Future<StreamFeed> feed;
    int holders;

    Held(Future<StreamFeed> feed) {
      this.feed = feed;
    }
  }

  /**
   * Holds the stream's feed, starting it if this node did not follow the stream yet. The hold
   * counts at once, not when the feed is ready: otherwise a feed another socket lets go of
   * meanwhile would be stopped under this one, which would then read a feed that hears nothing.
   */
  Future<StreamFeed> hold(StreamId stream) {
    Held held = feeds.get(stream);
    if (held == null) {
      var created = new StreamFeed(vertx, streams, frames, stream, meters.delivery());
      created.onChange(changes);
      Future<StreamFeed> starting = created.start();
      Held started = new Held(starting);
      feeds.put(stream, started);
      starting.onFailure(e -> {
        feeds.remove(stream, started);
        created.stop();
      });
      held = started;
    }
    held.holders++;
    return held.feed;
  }

  /** Asks every feed to check that it is not behind its stream's owner (after the cluster changed). */
  void catchUp() {
    feeds.values().forEach(h -> h.feed.onSuccess(StreamFeed::catchUp));
  }

  /** Lets go of a feed that {@link #hold} gave; the last holder stops it. */
  void release(StreamFeed feed) {
    Held held = feeds.get(feed.stream);
    if (held == null || held.feed.result() != feed) {
      return;
    }
    if (--held.holders == 0) {
      feeds.remove(feed.stream);
      feed.stop();
    }
  }
}
