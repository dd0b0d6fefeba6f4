package org.tingsted.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A TCP relay on loopback that counts the bytes it carries, both ways. */
final class Relay implements AutoCloseable {

  private final NetServer server;
  private final NetClient client;
  private final AtomicLong bytes = new AtomicLong();

  private Relay(Vertx vertx, int target) {
    this.client = vertx.createNetClient();
    this.server = vertx.createNetServer().connectHandler(in -> {
      in.pause();
      client.connect(target, "127.0.0.1").onComplete(connected -> {
        if (connected.failed()) {
          in.close();
          return;
        }
        NetSocket out = connected.result();
        in.closeHandler(v -> out.close());
        out.closeHandler(v -> in.close());
        in.handler(b -> {
          bytes.addAndGet(b.length());
          out.write(b);
        });
        out.handler(b -> {
          bytes.addAndGet(b.length());
          in.write(b);
        });
        in.resume();
      });
    });
  }

  /** A relay to {@code target} on {@code port} (0: a free one). */
  static Relay to(Vertx vertx, int port, int target) {
    Relay relay = new Relay(vertx, target);
    await(relay.server.listen(port, "127.0.0.1"));
    return relay;
  }

  int port() {
    return server.actualPort();
  }

  /** Bytes carried so far, both ways. */
  long bytes() {
    return bytes.get();
  }

  @Override
  public void close() {
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
