package org.tingsted.server.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import org.tingsted.server.streams.TableStreams;

/**
 * The streams this node follows, one {@link StreamFeed} each, shared by every socket that reads
 * the stream and closed when the last one lets go.
 */
final class Feeds {

  private final Vertx vertx;
  private final TableStreams streams;
  private final Frames frames;
  private final Map<String, Future<StreamFeed>> feeds = new HashMap<>();

  Feeds(Vertx vertx, TableStreams streams, Frames frames) {
    this.vertx = vertx;
    this.streams = streams;
    this.frames = frames;
  }

  /** Holds the table's feed, starting it if this node did not follow the table yet. */
  Future<StreamFeed> hold(String table) {
    Future<StreamFeed> feed = feeds.get(table);
    if (feed == null) {
      Future<StreamFeed> starting = new StreamFeed(vertx, streams, frames, table).start();
      feeds.put(table, starting);
      starting.onFailure(e -> feeds.remove(table, starting));
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
      feeds.remove(feed.table);
      feed.stop();
    }
  }
}
