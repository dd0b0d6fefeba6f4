package org.tingsted.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.LiveAssembly;
import org.tingsted.server.roster.Member;

/** Joining by the code on a card, over HTTP: the short link, the start page's form, a wrong code, the favicon. */
@DisplayName("Joining by code")
class JoinByCodeTest {

  private static LiveAssembly live;
  private static WebClient http;

  @BeforeAll
  static void start() {
    live = LiveAssembly.start(1, 2);
    http = WebClient.create(live.clients, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(live.node.port())
        .setFollowRedirects(false));
  }

  @AfterAll
  static void stop() throws Exception {
    live.close();
  }

  private static HttpResponse<Buffer> get(String path) throws Exception {
    return LiveAssembly.await(http.get(path).send());
  }

  private static String code(Member m) {
    return live.node.links().codes().of(live.assembly.id(), m);
  }

  @Test
  @DisplayName("a member's short link sends them on to their own member link, a facilitator's and the lead's to the console")
  void shortLink() throws Exception {
    Member member = live.members.get(0).get(1);
    var r = get("/j/" + code(member));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.getHeader("Location")).isEqualTo("/join#" + live.link(member));
    assertThat(get("/j/" + code(live.facilitators.get(0)).toLowerCase().replace("-", "")).getHeader("Location"))
        .isEqualTo("/console.html#" + live.link(live.facilitators.get(0)));
    assertThat(get("/j/" + code(live.lead)).getHeader("Location")).isEqualTo("/console.html#" + live.link(live.lead));
    assertThat(get("/j/" + code(live.observer)).getHeader("Location")).isEqualTo("/join#" + live.link(live.observer));
  }

  @Test
  @DisplayName("the start page's form posts the code and gets the link, as a redirect or as JSON")
  void form() throws Exception {
    Member member = live.members.get(0).get(0);
    var redirect = LiveAssembly.await(http.post("/j").sendForm(MultiMap.caseInsensitiveMultiMap().add("code", code(member).toLowerCase())));
    assertThat(redirect.statusCode()).isEqualTo(303);
    assertThat(redirect.getHeader("Location")).isEqualTo("/join#" + live.link(member));
    var json = LiveAssembly.await(http.post("/j").putHeader("Accept", "application/json")
        .sendJsonObject(new JsonObject().put("code", " " + code(member) + " ")));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.bodyAsJsonObject().getString("url")).isEqualTo("/join#" + live.link(member));
    var unknown = LiveAssembly.await(http.post("/j").putHeader("Accept", "application/json")
        .sendJsonObject(new JsonObject().put("code", "ZZZZ-ZZZZ")));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("not_found");
  }

  @Test
  @DisplayName("an unknown code gets a page that explains it in Danish and English, with a way back to the start page")
  void unknown() throws Exception {
    var r = get("/j/ZZZZ-ZZZ2");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.getHeader("Content-Type")).startsWith("text/html");
    assertThat(r.bodyAsString()).contains("Koden findes ikke", "«ZZZZ-ZZZ2»", "This code does not exist", "href=\"/\"");
    var garbage = get("/j/%3Cscript%3E");
    assertThat(garbage.statusCode()).isEqualTo(404);
    assertThat(garbage.bodyAsString()).contains("Koden findes ikke").doesNotContain("<script>");
  }

  @Test
  @DisplayName("the links of the admin API carry each person's code and short link")
  void adminLinks() throws Exception {
    var r = LiveAssembly.await(http.get("/api/assemblies/" + live.assembly.id() + "/join-links")
        .putHeader("Authorization", org.tingsted.server.AdminLogin.bearer(live.node)).send());
    var first = r.bodyAsJsonArray().getJsonObject(0);
    Member m = live.assembly.members().get(first.getString("member"));
    assertThat(first.getString("code")).isEqualTo(code(m));
    assertThat(first.getString("codeUrl")).endsWith("/j/" + code(m));
  }

  @Test
  @DisplayName("the start page is what / shows, and /favicon.ico and /favicon.svg are there")
  void startAndFavicon() throws Exception {
    var start = get("/");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.bodyAsString()).contains("data-test=\"start-code\"");
    var ico = get("/favicon.ico");
    assertThat(ico.statusCode()).isEqualTo(200);
    assertThat(ico.getHeader("Content-Type")).startsWith("image/");
    var svg = get("/favicon.svg");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.getHeader("Content-Type")).startsWith("image/svg+xml");
  }
}
