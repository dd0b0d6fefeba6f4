package org.tingsted.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A Tingsted server in a process of its own, started from the test classpath, so that a test
 * can kill it the hard way (SIGKILL) and start it again on the same data folder.
 */
final class ServerProcess implements AutoCloseable {

  final int port;
  final String adminToken;
  private final Path dataDir;
  private final Path log;
  private Process process;

  ServerProcess(Path dataDir, String adminToken) {
    this.dataDir = dataDir;
    this.adminToken = adminToken;
    this.port = freePort();
    this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
  }

  /** Starts the server and waits until it answers /health. */
  ServerProcess start() throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("-Xmx")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--data", dataDir.toString(),
        "--admin-token", adminToken, "--cluster-name", "process-" + dataDir.getFileName()));
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("the server process exited with " + process.exitValue() + "; see " + log);
      }
      return healthy();
    });
    return this;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed on the way out. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private boolean healthy() {
    try {
      var connection = (HttpURLConnection) URI.create(baseUrl() + "/health").toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(500);
      return connection.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
