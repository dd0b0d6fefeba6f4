package org.tingsted.server.gateway;

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
  private final Map<String, Future<StreamFeed>> feeds = new HashMap<>();
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

  /** Holds the stream's feed, starting it if this node did not follow the stream yet. */
  Future<StreamFeed> hold(String stream) {
    Future<StreamFeed> feed = feeds.get(stream);
    if (feed == null) {
      var created = new StreamFeed(vertx, streams, frames, stream, meters.delivery());
      created.onChange(changes);
      Future<StreamFeed> starting = created.start();
      feeds.put(stream, starting);
      starting.onFailure(e -> {
        feeds.remove(stream, starting);
        created.stop();
      });
      feed = starting;
    }
    return feed.map(f -> {
      f.holders++;
      return f;
    });
  }

  /** Asks every feed to check that it is not behind its stream's owner (after the cluster changed). */
  void catchUp() {
    feeds.values().forEach(f -> f.onSuccess(StreamFeed::catchUp));
  }

  /** Lets go of a feed that {@link #hold} gave; the last holder stops it. */
  void release(StreamFeed feed) {
    if (--feed.holders == 0) {
      feeds.remove(feed.stream);
      feed.stop();
    }
  }
}
