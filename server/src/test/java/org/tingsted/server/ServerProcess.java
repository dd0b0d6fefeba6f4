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
  private final List<String> options;
  private final List<String> jvmOptions;
  private Process process;

  ServerProcess(Path dataDir, String adminToken) {
    this(dataDir, adminToken, List.of("--cluster-name", "process-" + dataDir.getFileName()));
  }

  /** A server started with {@code options} besides its port, data folder and admin token. */
  ServerProcess(Path dataDir, String adminToken, List<String> options) {
    this(dataDir, adminToken, options, List.of());
  }

  /** A server started with {@code options}, in a JVM started with {@code jvmOptions} ({@code -Dname=value}). */
  ServerProcess(Path dataDir, String adminToken, List<String> options, List<String> jvmOptions) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.dataDir = dataDir;
    this.adminToken = adminToken;
    this.port = freePort();
    this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    this.options = List.copyOf(options);
  }

  /** Where the process writes what it prints. */
  Path log() {
    return log;
  }

  /** SIGSTOP: the process stands still, sockets open, as a node cut off by the network. */
  void suspend() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT: a suspended process goes on. */
  void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new AssertionError("kill -" + name + " " + process.pid() + " exited with " + exit);
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
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
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--data", dataDir.toString(),
        "--admin-token", adminToken));
    command.addAll(options);
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

  /** SIGTERM: the server shuts down as an operator stops it, and its last words are in the log. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
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

  static int freePort() {
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
