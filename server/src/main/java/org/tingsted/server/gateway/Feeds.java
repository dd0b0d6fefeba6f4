package org.tingsted.server.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
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

  Feeds(Vertx vertx, Streams streams, Frames frames) {
    this.vertx = vertx;
    this.streams = streams;
    this.frames = frames;
  }

  /** Holds the stream's feed, starting it if this node did not follow the stream yet. */
  Future<StreamFeed> hold(String stream) {
    Future<StreamFeed> feed = feeds.get(stream);
    if (feed == null) {
      Future<StreamFeed> starting = new StreamFeed(vertx, streams, frames, stream).start();
      feeds.put(stream, starting);
      starting.onFailure(e -> feeds.remove(stream, starting));
      feed = starting;
    }
    return feed.map(f -> {
      f.holders++;
      return f;
    });
  }

  /** Lets go of a feed that {@link #hold} gave; the last holder stops it. */
  void release(StreamFeed feed) {
    if (--feed.holders == 0) {
      feeds.remove(feed.stream);
      feed.stop();
    }
  }
}
