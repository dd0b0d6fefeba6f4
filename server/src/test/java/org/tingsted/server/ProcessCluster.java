package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.tingsted.server.journal.JournalSettings;
import org.tingsted.server.journal.TestDatabases;

/**
 * Three (or more) Tingsted servers, each a process of its own on loopback, in one cluster
 * joined by TCP/IP, sharing one PostgreSQL journal (a schema of its own): what an operator
 * runs behind a load balancer, small enough for a test to kill a node the hard way.
 */
final class ProcessCluster implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final List<ServerProcess> nodes = new ArrayList<>();
  final JournalSettings journal;
  final String adminToken = "admin-" + UUID.randomUUID();

  private ProcessCluster(JournalSettings journal) {
    this.journal = journal;
  }

  /** Starts {@code size} servers, one after the other, and waits until each sees all of them. */
  static ProcessCluster start(int size) throws Exception {
    JournalSettings journal = TestDatabases.postgres();
    try (var c = DriverManager.getConnection(journal.url(), journal.user(), journal.password());
         var s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + journal.schema());
    }
    var cluster = new ProcessCluster(journal);
    String name = "processes-" + UUID.randomUUID();
    var hazelcastPorts = new ArrayList<Integer>();
    for (int i = 0; i < size; i++) {
      hazelcastPorts.add(ServerProcess.freePort());
    }
    String members = String.join(",", hazelcastPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    Path root = Files.createTempDirectory("tingsted-processes-");
    try {
      for (int i = 0; i < size; i++) {
        var node = new ServerProcess(root.resolve("node" + i), cluster.adminToken, List.of(
            "--cluster-name", name, "--cluster-members", members, "--cluster-interface", "127.0.0.1",
            "--cluster-port", String.valueOf(hazelcastPorts.get(i)),
            "--journal-url", journal.url() + "?currentSchema=" + journal.schema(), "--journal-user", journal.user()));
        cluster.nodes.add(node.start());
        int expected = i + 1;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .until(() -> cluster.nodes.stream().allMatch(n -> cluster.size(n) == expected));
      }
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  List<Integer> ports() {
    return nodes.stream().map(n -> n.port).toList();
  }

  /**
   * The cluster's size as {@code node} sees it; 0 when it does not answer. Read from the
   * readiness check, which needs no login: a node alone, without the quorum, cannot make the
   * first administrator yet (staff accounts change only with the quorum).
   */
  int size(ServerProcess node) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/ready"))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 && response.statusCode() != 503) {
        return 0;
      }
      for (JsonNode check : JSON.readTree(response.body()).path("checks")) {
        if ("cluster".equals(check.path("id").asText())) {
          return check.path("data").path("members").asInt(0);
        }
      }
      return 0;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Whether {@code node}'s side of the cluster has the quorum; false when it does not answer. */
  boolean hasQuorum(ServerProcess node) {
    JsonNode view = get(node, "/api/cluster");
    return view != null && view.get("hasQuorum").asBoolean();
  }

  /** The index of the node that owns {@code stream}. */
  int ownerOf(String stream) {
    JsonNode owner = get(nodes.get(0), "/api/cluster/owner?stream=" + stream);
    String member = owner.get("member").asText();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode view = get(nodes.get(i), "/api/cluster");
      if (view != null && view.get("member").asText().equals(member)) {
        return i;
      }
    }
    throw new AssertionError("no node is member " + member);
  }

  /**
   * The administrator's session at a node (the first administrator made with the admin token
   * at whichever node is asked first). After a restart of the whole cluster the session is
   * gone, and a 401 makes the next call log in anew.
   */
  private String bearer(ServerProcess node) {
    return "Bearer " + AdminLogin.token(node.baseUrl(), adminToken);
  }

  /** An admin call; null when the node does not answer. */
  JsonNode get(ServerProcess node, String path) {
    String bearer;
    try {
      bearer = bearer(node);
    } catch (AssertionError down) {
      return null;
    }
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
          .header("Authorization", bearer).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 401) {
        AdminLogin.forget(node.baseUrl(), adminToken);
      }
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  JsonNode post(ServerProcess node, String path, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
        .header("Authorization", bearer(node)).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  /** The session credential {@code node} gives for a join link's credential, as the app gets it. */
  static String session(ServerProcess node, String link) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/session"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("link", link)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("session").asText();
  }

  /** A row of the journal. */
  record Row(String stream, long seq, long at, String by, String kind, String commandId) {
  }

  /** Every event of {@code stream} in the journal, by seq. */
  List<Row> journal(String stream) throws SQLException {
    var rows = new ArrayList<Row>();
    try (var c = DriverManager.getConnection(journal.url(), journal.user(), journal.password());
         var ps = c.prepareStatement("SELECT stream, seq, at_ms, by_member, kind, command_id FROM "
             + journal.schema() + ".events WHERE stream = ? ORDER BY seq")) {
      ps.setString(1, stream);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        }
      }
    }
    return rows;
  }

  @Override
  public void close() throws Exception {
    try {
      for (ServerProcess node : nodes) {
        if (node.alive()) {
          node.resume();
        }
        node.close();
      }
    } finally {
      TestDatabases.drop(journal);
    }
  }
}
