package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.ServerSocket;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Starting a node")
class NodeStartTest {

  @Test
  @DisplayName("fails with a reason, instead of hanging, when its port is taken")
  void portTaken() throws Exception {
    try (var taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Settings settings = Settings.forTest("start-" + UUID.randomUUID()).withPort(taken.getLocalPort());
      assertThatThrownBy(() -> TingstedNode.start(settings).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("ddress");
    }
  }

  @Test
  @DisplayName("binds Hazelcast to loopback only in the embedded default")
  void hazelcastOnLoopbackOnly() throws Exception {
    TingstedNode node = TingstedNode.start(Settings.forTest("bind-" + UUID.randomUUID()))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      int port = node.hazelcastPort();
      try (var loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
        assertThat(loopback.isConnected()).isTrue();
      }
      var outside = NetworkInterface.networkInterfaces()
          .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (SocketException e) { return false; } })
          .flatMap(NetworkInterface::inetAddresses)
          .filter(a -> a instanceof Inet4Address)
          .findFirst();
      assumeTrue(outside.isPresent(), "this machine has no address but loopback");
      assertThatThrownBy(() -> new Socket(outside.get(), port).close())
          .as("Hazelcast must not answer on %s:%d", outside.get(), port)
          .isInstanceOf(ConnectException.class);
    } finally {
      node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
