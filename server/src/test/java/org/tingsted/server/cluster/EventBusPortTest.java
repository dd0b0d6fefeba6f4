package org.tingsted.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClientOptions;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The event bus of a clustered node listens on the port configured, so a firewall can name it. */
class EventBusPortTest {

  @Test
  @DisplayName("a clustered node's event bus listens on --cluster-bus-port, on the cluster interface")
  void busListensOnTheConfiguredPort() throws Exception {
    int hazelcastPort;
    int busPort;
    try (var a = new ServerSocket(0); var b = new ServerSocket(0)) {
      hazelcastPort = a.getLocalPort();
      busPort = b.getLocalPort();
    }
    var settings = ClusterSettings.tcp("bus-" + UUID.randomUUID(), "127.0.0.1", hazelcastPort,
        List.of("127.0.0.1:" + hazelcastPort)).withBusPort(busPort);
    var node = HazelcastSetup.start(settings, List.of(), config -> { }, new VertxOptions(), null)
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      // The port is taken by the node's event bus: a TCP connection to it is accepted.
      var connected = node.vertx().createNetClient(new NetClientOptions().setConnectTimeout(5000))
          .connect(busPort, "127.0.0.1")
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(connected.remoteAddress().port()).isEqualTo(busPort);
      connected.close();
    } finally {
      node.vertx().close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
