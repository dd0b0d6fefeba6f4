package org.tingsted.server.browser;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The network cable between one browser and the node: a TCP relay on a port of its own. Pulling
 * it closes every connection through it and refuses new ones until it is plugged in again, as a
 * tablet that lost the Wi-Fi sees it. (Chrome's network emulation alone does not do this: it
 * fails new requests but leaves an open WebSocket open.)
 */
final class Cable implements AutoCloseable {

  private final NetServer server;
  private final NetClient client;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean plugged = true;

  private Cable(Vertx vertx, int target) {
    this.client = vertx.createNetClient();
    this.server = vertx.createNetServer().connectHandler(in -> {
      if (!plugged) {
        in.close();
        return;
      }
      in.pause();
      client.connect(target, "127.0.0.1").onComplete(connected -> {
        if (connected.failed() || !plugged) {
          in.close();
          if (connected.succeeded()) {
            connected.result().close();
          }
          return;
        }
        NetSocket out = connected.result();
        open.add(in);
        open.add(out);
        in.closeHandler(v -> {
          open.remove(in);
          out.close();
        });
        out.closeHandler(v -> {
          open.remove(out);
          in.close();
        });
        in.handler(out::write);
        out.handler(in::write);
        in.resume();
      });
    });
  }

  /** A cable to the node's port, listening on a free loopback port. */
  static Cable to(Vertx vertx, int target) {
    Cable cable = new Cable(vertx, target);
    await(cable.server.listen(0, "127.0.0.1"));
    return cable;
  }

  int port() {
    return server.actualPort();
  }

  /** Pulls the cable: every open connection closes, new ones are closed at once. */
  void unplug() {
    plugged = false;
    open.forEach(NetSocket::close);
  }

  void plugIn() {
    plugged = true;
  }

  @Override
  public void close() {
    unplug();
    await(server.close());
    await(client.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
