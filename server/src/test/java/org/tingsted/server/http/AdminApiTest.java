package org.tingsted.server.http;

import org.tingsted.server.AdminLogin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tingsted.server.Settings;
import org.tingsted.server.TingstedNode;

/**
 * The admin REST API as an operator uses it: over real HTTP against a started node, and, for
 * join links, over a real WebSocket.
 */
@DisplayName("The admin API")
class AdminApiTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String ASSEMBLIES = "/api/assemblies";

  private static TingstedNode node;
  private static Vertx clients;
  private static WebClient http;

  @BeforeAll
  static void start() {
    node = await(TingstedNode.start(Settings.forTest("admin-api-" + UUID.randomUUID())));
    clients = Vertx.vertx();
    http = WebClient.create(clients, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()));
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
    if (clients != null) {
      await(clients.close());
    }
    if (node != null) {
      await(node.close());
    }
  }

  @Nested
  @DisplayName("Creating an assembly")
  class Creating {

    @Test
    @DisplayName("An assembly with two session days and their tables is created with ids and read back as it was given")
    void createsAndReadsBack() {
      String name = unique("Københavnertinget");
      JsonObject assembly = createAssembly(name);

      assertThat(assembly.getString("id")).isNotBlank();
      assertThat(assembly.getString("name")).isEqualTo(name);
      assertThat(assembly.getString("question")).isEqualTo("Hvordan skal byen se ud i 2040?");
      JsonArray sessions = assembly.getJsonArray("sessions");
      assertThat(sessions).hasSize(2);
      JsonObject day1 = sessions.getJsonObject(0);
      JsonObject day2 = sessions.getJsonObject(1);
      assertThat(day1.getString("name")).isEqualTo("Dag 1");
      assertThat(day1.getString("date")).isEqualTo("2026-03-07");
      assertThat(tableNames(day1)).containsExactly("Bord 1", "Bord 2");
      assertThat(day2.getString("name")).isEqualTo("Dag 2");
      assertThat(tableNames(day2)).containsExactly("Bord A");
      List<String> ids = Stream.of(
              Stream.of(assembly.getString("id"), day1.getString("id"), day2.getString("id")),
              tableIds(day1).stream(), tableIds(day2).stream())
          .flatMap(s -> s).toList();
      assertThat(ids).doesNotContainNull().allSatisfy(id -> assertThat(id).isNotBlank()).doesNotHaveDuplicates();

      assertThat(ok(get(ASSEMBLIES + "/" + assembly.getString("id"))).bodyAsJsonObject()).isEqualTo(assembly);
      assertThat(ok(get(ASSEMBLIES)).bodyAsJsonArray().stream().map(JsonObject.class::cast).toList())
          .contains(assembly);
    }

    @Test
    @DisplayName("Names are stripped of surrounding spaces, and a name of exactly 120 characters is accepted")
    void namesAtTheLimit() {
      String longest = "N".repeat(120);
      JsonObject assembly = created(post(ASSEMBLIES, new JsonObject()
          .put("name", "  " + longest + "  ")
          .put("sessions", new JsonArray().add(session("  Dag 1 ", "  Bord 1 ")))));

      assertThat(assembly.getString("name")).isEqualTo(longest);
      assertThat(assembly.getJsonArray("sessions").getJsonObject(0).getString("name")).isEqualTo("Dag 1");
      assertThat(tableNames(assembly.getJsonArray("sessions").getJsonObject(0))).containsExactly("Bord 1");
    }
  }

  @Nested
  @DisplayName("Adding people")
  class AddingPeople {

    @Test
    @DisplayName("A member and a facilitator sit at a table; a lead facilitator and an observer belong to a session day; the list shows them in the order added")
    void addsEveryRole() {
      JsonObject assembly = createAssembly(unique("People"));
      String id = assembly.getString("id");
      JsonObject day1 = assembly.getJsonArray("sessions").getJsonObject(0);
      String table = tableIds(day1).get(0);

      JsonObject member = created(post(members(id), person("Sofie", "member").put("table", table)));
      JsonObject facilitator = created(post(members(id), person("Lene", "facilitator").put("table", table)));
      JsonObject lead = created(post(members(id), person("Anne", "lead_facilitator").put("session", day1.getString("id"))));
      JsonObject observer = created(post(members(id), person("Ole", "observer").put("session", day1.getString("id"))));

      assertThat(member.getString("id")).isNotBlank();
      assertThat(member.getString("name")).isEqualTo("Sofie");
      assertThat(member.getString("role")).isEqualTo("member");
      assertThat(member.getString("table")).isEqualTo(table);
      assertThat(member.getString("session")).as("the session is the table's").isEqualTo(day1.getString("id"));
      assertThat(facilitator.getString("role")).isEqualTo("facilitator");
      assertThat(facilitator.getString("table")).isEqualTo(table);
      assertThat(lead.getString("role")).isEqualTo("lead_facilitator");
      assertThat(lead.getString("session")).isEqualTo(day1.getString("id"));
      assertThat(lead.containsKey("table")).as("a lead facilitator has no table").isFalse();
      assertThat(observer.getString("role")).isEqualTo("observer");
      assertThat(observer.containsKey("table")).as("an observer has no table").isFalse();
      assertThat(Stream.of(member, facilitator, lead, observer).map(p -> p.getString("id")))
          .doesNotHaveDuplicates();

      assertThat(ok(get(members(id))).bodyAsJsonArray())
          .containsExactly(member, facilitator, lead, observer);
      assertThat(ok(get(ASSEMBLIES + "/" + id)).bodyAsJsonObject().getJsonObject("members").fieldNames())
          .containsExactly(member.getString("id"), facilitator.getString("id"), lead.getString("id"),
              observer.getString("id"));
    }

    @Test
    @DisplayName("A role may be written in capitals, as the role names are matched without regard to case")
    void roleInCapitals() {
      JsonObject assembly = createAssembly(unique("Capitals"));
      String table = tableIds(assembly.getJsonArray("sessions").getJsonObject(0)).get(0);

      JsonObject member = created(post(members(assembly.getString("id")), person("Mads", "MEMBER").put("table", table)));

      assertThat(member.getString("role")).isEqualTo("member");
    }
  }

  @Nested
  @DisplayName("Join links")
  class JoinLinksOverRest {

    @Test
    @DisplayName("Everyone gets a join link at the public address, and the link of one person is the same as in the list")
    void everyoneHasALink() {
      Seated seated = seatFour();

      var answer = ok(get(ASSEMBLIES + "/" + seated.assembly + "/join-links"));
      // The links are credentials: no cache keeps them.
      assertThat(answer.getHeader("Cache-Control")).isEqualTo("no-store");
      JsonArray links = answer.bodyAsJsonArray();

      assertThat(links).hasSize(4);
      for (int i = 0; i < 4; i++) {
        JsonObject link = links.getJsonObject(i);
        JsonObject person = seated.people.get(i);
        assertThat(link.getString("member")).isEqualTo(person.getString("id"));
        assertThat(link.getString("name")).isEqualTo(person.getString("name"));
        assertThat(link.getString("role")).isEqualTo(person.getString("role"));
        assertThat(link.getString("session")).isEqualTo(person.getString("session"));
        assertThat(link.getString("table")).isEqualTo(person.getString("table"));
        assertThat(link.getString("token")).isNotBlank();
        assertThat(link.getString("url"))
            .startsWith(node.publicUrl() + "/join#")
            .isEqualTo(node.publicUrl() + "/join#" + link.getString("token"));

        JsonObject one = ok(get(ASSEMBLIES + "/" + seated.assembly + "/members/" + person.getString("id") + "/join-link"))
            .bodyAsJsonObject();
        assertThat(one).isEqualTo(link);
      }
      assertThat(links.stream().map(l -> ((JsonObject) l).getString("token"))).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("The token of each join link opens a WebSocket session that welcomes that person by name and role")
    void linksOpenASession() {
      Seated seated = seatFour();

      for (JsonObject person : seated.people) {
        JsonObject link = ok(get(ASSEMBLIES + "/" + seated.assembly + "/members/" + person.getString("id") + "/join-link"))
            .bodyAsJsonObject();
        String url = link.getString("url");
        String token = url.substring(url.indexOf('#') + 1);

        JsonObject welcome = hello(token);

        assertThat(welcome.getString("type")).as("reply to hello for %s", person.getString("name")).isEqualTo("welcome");
        assertThat(welcome.getJsonObject("member").getMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
            "id", person.getString("id"), "name", person.getString("name"), "role", person.getString("role")));
        assertThat(welcome.getString("assembly")).isEqualTo(seated.assembly);
        assertThat(welcome.getString("session")).isEqualTo(person.getString("session"));
        assertThat(welcome.getString("table")).isEqualTo(person.getString("table"));
        assertThat(welcome.getJsonObject("streams")).isNotEmpty();
      }
    }
  }

  @Nested
  @DisplayName("Without an administrator's session")
  class WithoutTheAdminToken {

    static Stream<String> wrongAuthorizations() {
      String session = AdminLogin.token(node);
      // The admin token itself is among them: once the first administrator exists, it is retired.
      return Stream.of(null, "", "Bearer", "Bearer ", "Bearer wrong", "Bearer " + session + "x",
          "Bearer " + session.substring(1), session, "Basic " + session, "Bearer  " + session,
          "Bearer " + node.adminToken());
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @MethodSource("wrongAuthorizations")
    @DisplayName("A call without an administrator's session token (or with the retired admin token) is refused with 401 unauthorized, and nothing is created")
    void refused(String authorization) {
      JsonObject assembly = createAssembly(unique("Guarded"));
      String id = assembly.getString("id");
      String table = tableIds(assembly.getJsonArray("sessions").getJsonObject(0)).get(0);
      String name = unique("Intruder");

      error(call(HttpMethod.POST, ASSEMBLIES, authorization, newAssembly(name).encode()), 401, "unauthorized");
      error(call(HttpMethod.POST, members(id), authorization, person("Mallory", "facilitator").put("table", table).encode()),
          401, "unauthorized");
      for (String path : List.of(ASSEMBLIES, ASSEMBLIES + "/" + id, members(id), ASSEMBLIES + "/" + id + "/join-links")) {
        error(call(HttpMethod.GET, path, authorization, null), 401, "unauthorized");
      }

      assertThat(assembliesNamed(name)).as("assemblies created without the token").isEmpty();
      assertThat(ok(get(members(id))).bodyAsJsonArray()).as("people added without the token").isEmpty();
    }

    @Test
    @DisplayName("The 401 answer tells the caller which header to send")
    void saysWhatIsNeeded() {
      JsonObject error = error(call(HttpMethod.GET, ASSEMBLIES, null, null), 401, "unauthorized");

      assertThat(error.getString("message")).contains("Authorization: Bearer");
    }
  }

  @Nested
  @DisplayName("Requests that break the rules")
  class Invalid {

    static Stream<Arguments> badAssemblies() {
      String name = "Broken assembly";
      return Stream.of(
          Arguments.of("malformed JSON", "{\"name\": \"" + name + "\", \"sessions\": [", "the body is not valid"),
          Arguments.of("an empty body", "", "a JSON body is required"),
          Arguments.of("JSON null", "null", "a JSON object is required"),
          Arguments.of("a JSON array", "[]", "the body is not valid"),
          Arguments.of("no name", new JsonObject().put("sessions", new JsonArray().add(session("Dag 1", "Bord 1"))).encode(),
              "assembly name is required"),
          Arguments.of("a blank name", newAssembly("   ").encode(), "assembly name is required"),
          Arguments.of("a name of 121 characters", newAssembly("N".repeat(121)).encode(),
              "assembly name is longer than 120 characters"),
          Arguments.of("a question of 1001 characters", newAssembly(name).put("question", "?".repeat(1001)).encode(),
              "question is longer than 1000 characters"),
          Arguments.of("no sessions", new JsonObject().put("name", name).encode(), "at least one session"),
          Arguments.of("an empty list of sessions", new JsonObject().put("name", name).put("sessions", new JsonArray()).encode(),
              "at least one session"),
          Arguments.of("a session that is null", new JsonObject().put("name", name)
              .put("sessions", new JsonArray().addNull()).encode(), "sessions"),
          Arguments.of("a session without a name", new JsonObject().put("name", name)
              .put("sessions", new JsonArray().add(new JsonObject().put("tables", new JsonArray().add("Bord 1")))).encode(),
              "session name is required"),
          Arguments.of("a session without tables", new JsonObject().put("name", name)
              .put("sessions", new JsonArray().add(new JsonObject().put("name", "Dag 1"))).encode(),
              "session 'Dag 1' needs at least one table"),
          Arguments.of("a session with an empty list of tables", new JsonObject().put("name", name)
              .put("sessions", new JsonArray().add(new JsonObject().put("name", "Dag 1").put("tables", new JsonArray()))).encode(),
              "session 'Dag 1' needs at least one table"),
          Arguments.of("a table that is null", new JsonObject().put("name", name)
              .put("sessions", new JsonArray().add(new JsonObject().put("name", "Dag 1").put("tables", new JsonArray().addNull())))
              .encode(), "table name is required"),
          Arguments.of("a table without a name", new JsonObject().put("name", name)
              .put("sessions", new JsonArray().add(session("Dag 1", " "))).encode(), "table name is required"),
          Arguments.of("a table name of 121 characters", new JsonObject().put("name", name)
              .put("sessions", new JsonArray().add(session("Dag 1", "T".repeat(121)))).encode(),
              "table name is longer than 120 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAssemblies")
    @DisplayName("An assembly that breaks a rule is refused with 400 invalid, a message naming the problem, and nothing created")
    void assemblyRefused(String what, String body, String message) {
      int before = ok(get(ASSEMBLIES)).bodyAsJsonArray().size();

      JsonObject error = error(call(HttpMethod.POST, ASSEMBLIES, bearer(), body), 400, "invalid");

      assertThat(error.getString("message")).contains(message);
      assertThat(ok(get(ASSEMBLIES)).bodyAsJsonArray()).as("assemblies after refusing " + what).hasSize(before);
    }

    static Stream<Arguments> badPeople() {
      return Stream.of(
          Arguments.of("malformed JSON", (Body) s -> "{\"name\": \"Sofie\", \"role\": ", "the body is not valid"),
          Arguments.of("an empty body", (Body) s -> "", "a JSON body is required"),
          Arguments.of("no name", (Body) s -> new JsonObject().put("role", "member").put("table", s.table).encode(),
              "member name is required"),
          Arguments.of("a blank name", (Body) s -> person(" ", "member").put("table", s.table).encode(),
              "member name is required"),
          Arguments.of("a name of 121 characters", (Body) s -> person("S".repeat(121), "member").put("table", s.table).encode(),
              "member name is longer than 120 characters"),
          Arguments.of("no role", (Body) s -> new JsonObject().put("name", "Sofie").put("table", s.table).encode(),
              "role is required"),
          Arguments.of("an unknown role", (Body) s -> person("Sofie", "chairman").put("table", s.table).encode(),
              "chairman"),
          Arguments.of("a member without a table", (Body) s -> person("Sofie", "member").put("session", s.session).encode(),
              "a member needs a table"),
          Arguments.of("a facilitator without a table", (Body) s -> person("Lene", "facilitator").put("session", s.session).encode(),
              "a facilitator needs a table"),
          Arguments.of("a lead facilitator without session or table when there are two session days",
              (Body) s -> person("Anne", "lead_facilitator").encode(), "name the session or the table"),
          Arguments.of("a table that is not in the named session",
              (Body) s -> person("Sofie", "member").put("table", s.table).put("session", s.otherSession).encode(),
              "is not in session"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPeople")
    @DisplayName("A person who breaks a rule is refused with 400 invalid, a message naming the problem, and the people already there are kept")
    void personRefused(String what, Body body, String message) {
      Seated seated = seatFour();
      JsonArray before = ok(get(members(seated.assembly))).bodyAsJsonArray();

      JsonObject error = error(call(HttpMethod.POST, members(seated.assembly), bearer(), body.of(seated)), 400, "invalid");

      assertThat(error.getString("message")).contains(message);
      assertThat(ok(get(members(seated.assembly))).bodyAsJsonArray()).as("people after refusing " + what)
          .isEqualTo(before);
      assertThat(ok(get(ASSEMBLIES + "/" + seated.assembly)).bodyAsJsonObject()).isEqualTo(seated.snapshot);
    }
  }

  @Nested
  @DisplayName("Things that do not exist")
  class NotFound {

    @Test
    @DisplayName("An unknown assembly is answered with 404 not_found on every route, naming the id")
    void unknownAssembly() {
      String missing = "anosuchthing";
      for (String path : List.of(ASSEMBLIES + "/" + missing, members(missing), ASSEMBLIES + "/" + missing + "/join-links",
          ASSEMBLIES + "/" + missing + "/members/mnosuchthing/join-link")) {
        assertThat(error(get(path), 404, "not_found").getString("message")).as(path).contains(missing);
      }
      assertThat(error(post(members(missing), person("Sofie", "observer")), 404, "not_found").getString("message"))
          .contains(missing);
      assertThat(assembliesWithId(missing)).isEmpty();
    }

    @Test
    @DisplayName("A person at an unknown table or session day is refused with 404 not_found, and nobody is added")
    void unknownTableOrSession() {
      Seated seated = seatFour();

      assertThat(error(post(members(seated.assembly), person("Sofie", "member").put("table", "tnosuchtable")), 404, "not_found")
          .getString("message")).contains("tnosuchtable");
      assertThat(error(post(members(seated.assembly), person("Ole", "observer").put("session", "snosuchday")), 404, "not_found")
          .getString("message")).contains("snosuchday");

      assertThat(ok(get(ASSEMBLIES + "/" + seated.assembly)).bodyAsJsonObject()).isEqualTo(seated.snapshot);
    }

    @Test
    @DisplayName("The join link of an unknown person is answered with 404 not_found, naming the id")
    void unknownMember() {
      Seated seated = seatFour();

      JsonObject error = error(get(ASSEMBLIES + "/" + seated.assembly + "/members/mnosuchperson/join-link"), 404, "not_found");

      assertThat(error.getString("message")).contains("mnosuchperson");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownRoutes")
    @DisplayName("A call the API does not have is answered with 404 not_found in JSON, like every other error")
    void unknownRoute(HttpMethod method, String path) {
      JsonObject error = error(call(method, path, bearer(), null), 404, "not_found");

      assertThat(error.getString("message")).contains(path);
    }

    static Stream<Arguments> unknownRoutes() {
      return Stream.of(
          Arguments.of(HttpMethod.GET, "/api/nothing-here"),
          Arguments.of(HttpMethod.GET, "/api/assemblies/anything/else"),
          Arguments.of(HttpMethod.DELETE, ASSEMBLIES),
          Arguments.of(HttpMethod.PUT, ASSEMBLIES + "/anything"));
    }

    @Test
    @DisplayName("A call the API does not have still needs the admin token first")
    void unknownRouteNeedsTheToken() {
      error(call(HttpMethod.GET, "/api/nothing-here", null, null), 401, "unauthorized");
    }

    @Test
    @DisplayName("A table of one assembly cannot be used to seat someone in another")
    void tableOfAnotherAssembly() {
      Seated one = seatFour();
      Seated other = seatFour();

      error(post(members(other.assembly), person("Sofie", "member").put("table", one.table)), 404, "not_found");

      assertThat(ok(get(ASSEMBLIES + "/" + other.assembly)).bodyAsJsonObject()).isEqualTo(other.snapshot);
    }
  }

  @Nested
  @DisplayName("Bodies over the limit")
  class TooLarge {

    @Test
    @DisplayName("A body over 256 KiB is refused with 413 too_large, and nothing is created")
    void refused() {
      String name = unique("Huge");
      String huge = newAssembly(name).put("question", "x".repeat(256 * 1024)).encode();
      int before = ok(get(ASSEMBLIES)).bodyAsJsonArray().size();

      error(call(HttpMethod.POST, ASSEMBLIES, bearer(), huge), 413, "too_large");

      assertThat(assembliesNamed(name)).isEmpty();
      assertThat(ok(get(ASSEMBLIES)).bodyAsJsonArray()).hasSize(before);
    }

    @Test
    @DisplayName("A body just under 256 KiB is read, and judged by the rules (here: the question is too long)")
    void underTheLimitIsRead() {
      String name = unique("Big");
      JsonObject body = newAssembly(name);
      int room = 256 * 1024 - body.put("question", "").encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

      JsonObject error = error(post(ASSEMBLIES, body.put("question", "x".repeat(room))), 400, "invalid");

      assertThat(error.getString("message")).contains("question is longer than 1000 characters");
    }
  }

  @Nested
  @DisplayName("The rest of the HTTP server")
  class RestOfTheServer {

    @Test
    @DisplayName("/health says the node is alive, without a token")
    void health() {
      HttpResponse<Buffer> response = call(HttpMethod.GET, "/health", null, null);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).startsWith("application/json");
      assertThat(response.bodyAsJsonObject().getString("outcome")).isEqualTo("UP");
    }

    @Test
    @DisplayName("/ready says the node can serve: cluster with quorum, journal reachable, not shutting down")
    void ready() {
      HttpResponse<Buffer> response = call(HttpMethod.GET, "/ready", null, null);

      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getString("outcome")).isEqualTo("UP");
      assertThat(body.getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("id")))
          .containsExactlyInAnyOrder("cluster", "journal", "serving");
    }

    @Test
    @DisplayName("/metrics gives Prometheus the node's connections, commands, latencies, journal and cluster")
    void metrics() {
      HttpResponse<Buffer> response = call(HttpMethod.GET, "/metrics", null, null);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsString()).contains("tingsted_connections", "tingsted_cluster_members 1.0",
          "tingsted_streams_owned", "tingsted_journal_append_seconds", "tingsted_journal_commit_seconds",
          "tingsted_command_ack_seconds", "tingsted_event_delivery_seconds");
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/", "/join"})
    @DisplayName("The web app's page is served at / and at /join, where join links point")
    void webPage(String path) {
      HttpResponse<Buffer> response = call(HttpMethod.GET, path, null, null);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).startsWith("text/html");
      assertThat(response.bodyAsString()).contains("Tingsted");
    }
  }

  /** A request body made for a seated assembly. */
  @FunctionalInterface
  interface Body {
    String of(Seated seated);
  }

  /** An assembly of two session days with a member, a facilitator, a lead facilitator and an observer. */
  record Seated(String assembly, String session, String otherSession, String table, List<JsonObject> people,
                JsonObject snapshot) {
  }

  private static Seated seatFour() {
    JsonObject assembly = createAssembly(unique("Seated"));
    String id = assembly.getString("id");
    JsonObject day1 = assembly.getJsonArray("sessions").getJsonObject(0);
    String session = day1.getString("id");
    String table = tableIds(day1).get(1);
    List<JsonObject> people = List.of(
        created(post(members(id), person("Sofie", "member").put("table", table))),
        created(post(members(id), person("Lene (facilitator)", "facilitator").put("table", table))),
        created(post(members(id), person("Anne", "lead_facilitator").put("session", session))),
        created(post(members(id), person("Ole", "observer").put("session", session))));
    return new Seated(id, session, assembly.getJsonArray("sessions").getJsonObject(1).getString("id"), table, people,
        ok(get(ASSEMBLIES + "/" + id)).bodyAsJsonObject());
  }

  private static JsonObject createAssembly(String name) {
    return created(post(ASSEMBLIES, new JsonObject()
        .put("name", name)
        .put("question", "Hvordan skal byen se ud i 2040?")
        .put("sessions", new JsonArray()
            .add(session("Dag 1", "Bord 1", "Bord 2").put("date", "2026-03-07"))
            .add(session("Dag 2", "Bord A")))));
  }

  private static JsonObject newAssembly(String name) {
    return new JsonObject().put("name", name).put("sessions", new JsonArray().add(session("Dag 1", "Bord 1")));
  }

  private static JsonObject session(String name, String... tables) {
    return new JsonObject().put("name", name).put("tables", new JsonArray(List.of(tables)));
  }

  private static JsonObject person(String name, String role) {
    return new JsonObject().put("name", name).put("role", role);
  }

  private static String members(String assembly) {
    return ASSEMBLIES + "/" + assembly + "/members";
  }

  private static List<String> tableNames(JsonObject session) {
    return session.getJsonArray("tables").stream().map(t -> ((JsonObject) t).getString("name")).toList();
  }

  private static List<String> tableIds(JsonObject session) {
    return session.getJsonArray("tables").stream().map(t -> ((JsonObject) t).getString("id")).toList();
  }

  private static List<JsonObject> assembliesNamed(String name) {
    return ok(get(ASSEMBLIES)).bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(a -> name.equals(a.getString("name"))).toList();
  }

  private static List<JsonObject> assembliesWithId(String id) {
    return ok(get(ASSEMBLIES)).bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(a -> id.equals(a.getString("id"))).toList();
  }

  private static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String bearer() {
    return AdminLogin.bearer(node);
  }

  private static HttpResponse<Buffer> get(String path) {
    return call(HttpMethod.GET, path, bearer(), null);
  }

  private static HttpResponse<Buffer> post(String path, JsonObject body) {
    return call(HttpMethod.POST, path, bearer(), body.encode());
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, String authorization, String body) {
    HttpRequest<Buffer> request = http.request(method, path);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    if (body == null) {
      return await(request.send());
    }
    return await(request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
  }

  private static HttpResponse<Buffer> ok(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response;
  }

  private static JsonObject created(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    return response.bodyAsJsonObject();
  }

  /** Checks that the response is the JSON error {@code {code, message}} with this status and code. */
  private static JsonObject error(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.fieldNames()).containsExactlyInAnyOrder("code", "message");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    return error;
  }

  /** Opens the WebSocket endpoint, says hello with {@code token} and returns the server's reply to it. */
  /** Says hello as the app does with a join link's credential: exchanged for a session's first. */
  private static JsonObject hello(String link) {
    HttpResponse<Buffer> exchanged = ok(call(HttpMethod.POST, "/session", null, new JsonObject().put("link", link).encode()));
    String token = exchanged.bodyAsJsonObject().getString("session");
    // Vert.x 5 closes a client that nobody references any more, sockets and all: keep it.
    WebSocketClient client = clients.createWebSocketClient();
    try {
      WebSocket socket = await(client.connect(new WebSocketConnectOptions()
          .setHost("127.0.0.1").setPort(node.port()).setURI("/ws").addSubProtocol("tingsted.v1")));
      List<JsonObject> frames = new CopyOnWriteArrayList<>();
      socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
      socket.writeTextMessage(new JsonObject().put("type", "hello").put("id", "h1").put("token", token).encode());
      Awaitility.await().atMost(WAIT).until(() -> frames.stream().anyMatch(f -> "h1".equals(f.getString("id"))));
      JsonObject reply = frames.stream().filter(f -> "h1".equals(f.getString("id"))).findFirst().orElseThrow();
      await(socket.close());
      return reply;
    } finally {
      await(client.close());
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the call did not complete", e);
    }
  }
}
