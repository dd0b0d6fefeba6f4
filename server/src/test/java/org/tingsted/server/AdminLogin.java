package org.tingsted.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real administrator's staff session for tests of the admin API: the first administrator is
 * made with the node's admin token (the bootstrap, the one thing that token still does), then
 * logged in with a password like any administrator. Sessions are kept per node, so each test
 * logs in once.
 */
public final class AdminLogin {

  public static final String USERNAME = "test-admin";
  public static final String PASSWORD = "a test administrator's password";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<TingstedNode, String> BY_NODE = Collections.synchronizedMap(new WeakHashMap<>());
  private static final Map<String, String> BY_ADDRESS = new ConcurrentHashMap<>();

  private AdminLogin() {
  }

  /** The session token of the test administrator on this node (made at the first call). */
  public static String token(TingstedNode node) {
    synchronized (BY_NODE) {
      return BY_NODE.computeIfAbsent(node, n -> login("http://127.0.0.1:" + n.port(), n.adminToken()));
    }
  }

  /** {@code Bearer <token>} of {@link #token(TingstedNode)}. */
  public static String bearer(TingstedNode node) {
    return "Bearer " + token(node);
  }

  /** The session token of the test administrator at a server in another process. */
  public static String token(String baseUrl, String adminToken) {
    return BY_ADDRESS.computeIfAbsent(baseUrl + " " + adminToken, k -> login(baseUrl, adminToken));
  }

  /** Forgets a session that the server no longer knows (the whole cluster restarted), so the next call logs in anew. */
  public static void forget(String baseUrl, String adminToken) {
    BY_ADDRESS.remove(baseUrl + " " + adminToken);
  }

  /** Makes the first administrator if there is none (201), or finds one made before (409), then logs in. */
  static String login(String baseUrl, String adminToken) {
    try {
      HttpResponse<String> made = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/staff/bootstrap"))
          .header("Authorization", "Bearer " + adminToken)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USERNAME + "\",\"displayName\":\"Test administrator\","
              + "\"password\":\"" + PASSWORD + "\"}")));
      if (made.statusCode() != 201 && made.statusCode() != 409) {
        throw new AssertionError("the bootstrap of the test administrator was answered " + made.statusCode() + ": " + made.body());
      }
      HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USERNAME + "\",\"password\":\"" + PASSWORD + "\"}")));
      if (login.statusCode() != 200) {
        throw new AssertionError("the test administrator's login was answered " + login.statusCode() + ": " + login.body());
      }
      JsonNode body = JSON.readTree(login.body());
      return body.get("token").asText();
    } catch (IOException e) {
      throw new AssertionError("could not log in at " + baseUrl, e);
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
