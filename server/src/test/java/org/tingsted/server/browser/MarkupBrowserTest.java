package org.tingsted.server.browser;

import org.tingsted.server.AdminLogin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.TableClient.ack;
import static org.tingsted.server.TableClient.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tingsted.protocol.Choice;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.server.HostileWords;
import org.tingsted.server.LiveAssembly;
import org.tingsted.server.TableClient;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.report.CsvRows;
import org.tingsted.server.roster.Member;

/**
 * A member whose display name is markup proposes and comments in markup and script, typed into
 * the app as anyone would; the other members, the table's facilitator and the lead see it, and
 * the public report carries it in every format. Everywhere it must be the text that was typed,
 * and nothing may run: each script sets {@code window.__pwned}.
 */
@DisplayName("In a browser: markup and script in members' words are shown as text and run nowhere")
class MarkupBrowserTest extends BrowserFixture {

  /** The name breaks out of an attribute, and carries two elements with handlers. */
  static final String NAME = HostileWords.SVG + HostileWords.IMG;
  private static final String COMMENT_A = HostileWords.IMG + " " + HostileWords.JAVASCRIPT_URL;
  private static final String COMMENT_B = HostileWords.MARKDOWN_LINK + " " + HostileWords.SCRIPT;
  private static final String CLUSTER = HostileWords.SVG;
  private static final String ANSWER = HostileWords.SCRIPT + " " + HostileWords.MARKDOWN_LINK;
  private static final int PHONE_WIDTH = 390;
  private static final int PHONE_HEIGHT = 844;
  private static final Path SHOTS = Path.of("target", "screenshots", "markup");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A selector that matches no element. */
  private static final String NOTHING = ":not(*)";
  /**
   * The final vote's table on the HTML report: seven columns of the report's own words
   * ("Stemmeberettigede") that are wider than a phone in Danish; no member's words are in it.
   */
  private static final String FINAL_VOTE_TABLE = "table.final-vote";

  /** A proposal's text: its title again among other words, and a script. */
  private static String text(String title) {
    return "Se " + title + " og " + HostileWords.SCRIPT;
  }

  /**
   * What may not be on a page: a script that ran, an element made from someone's words, an
   * inline handler, a javascript: link, and any error in the browser's console (a policy
   * violation is one).
   */
  private static void harmless(Browser b, String where) {
    assertThat(b.script("return typeof window.__pwned;")).as("window.__pwned on %s", where)
        .isEqualTo("undefined");
    assertThat(b.script("return document.querySelectorAll('img[src=\"x\"], svg, iframe, object, embed, "
        + "a[href^=\"javascript:\" i], [srcdoc]').length;")).as("injected elements on %s", where)
        .isEqualTo(0L);
    assertThat(b.script("return Array.from(document.scripts).filter(s => !s.src).map(s => s.textContent);"))
        .as("inline scripts on %s", where).asList().isEmpty();
    assertThat(b.script("return Array.from(document.querySelectorAll('*')).flatMap(e => "
        + "Array.from(e.attributes).map(a => a.name)).filter(n => n.startsWith('on'));"))
        .as("inline handlers on %s", where).asList().isEmpty();
    assertThat(b.consoleErrors()).as("the console of %s", where).isEmpty();
  }

  /** The page's visible text (what a person reads; hidden parts left out). */
  private static String visibleText(Browser b) {
    return (String) b.script("return document.body.innerText;");
  }

  /**
   * Screenshots of the viewport at tablet and at phone size, with {@code focus} scrolled into
   * view; the page is left at its own size. Unless {@code wide} is null, nothing on the page but
   * what matches {@code wide} may be wider than the phone: someone's long words wrap and never
   * push the page sideways.
   */
  private static void screenshots(Browser b, String name, int width, int height, By focus,
      String wide) {
    String scroll = "arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -120);";
    b.script(scroll, b.present(focus));
    b.screenshot(SHOTS.resolve(name + "-tablet.png"));
    b.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
        "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
    b.until(d -> ((Number) b.script("return document.documentElement.clientWidth;")).intValue() <= PHONE_WIDTH
        ? Boolean.TRUE : null);
    b.script(scroll, b.present(focus));
    b.screenshot(SHOTS.resolve(name + "-phone.png"));
    if (wide != null) {
      assertThat(b.script("const w = document.documentElement.clientWidth; return Array.from("
          + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)"
          + ".filter(e => !e.closest(arguments[0])).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width));", wide))
          .as("what sticks out of %s at phone size", name).asList().isEmpty();
    }
    b.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
        "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  @Test
  @DisplayName("A hostile name, proposals, comments and a group are text in the member app, both "
      + "consoles and the report as JSON, CSV, Markdown and HTML; CSV cells start no formula")
  void hostileWordsAreOnlyText() throws Exception {
    Member mallory = LiveAssembly.await(live.node.roster().addMember(live.assembly.id(), NAME,
        Role.MEMBER, null, live.table(0)));
    List<String> titles = HostileWords.SHORT;

    // She types it all into her own tablet.
    MemberApp hers = memberApp(mallory);
    List<String> proposals = new ArrayList<>();
    for (String title : titles) {
      hers.propose(title, text(title));
      proposals.add(hers.proposal(title));
    }
    hers.comment(proposals.get(0), "support", COMMENT_A);
    hers.awaitComment(proposals.get(0), COMMENT_A);
    hers.comment(proposals.get(0), "concern", COMMENT_B);
    hers.awaitComment(proposals.get(0), COMMENT_B);
    String cluster = hers.createCluster(CLUSTER);
    hers.view("table");
    assertThat(visibleText(hers.browser)).contains(NAME);
    harmless(hers.browser, "her own app");
    screenshots(hers.browser, "member-own", Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT,
        By.cssSelector(".presence"), NOTHING);

    // Another member of her table reads it.
    MemberApp anna = memberApp(0);
    for (String title : titles) {
      String id = anna.proposal(title);
      assertThat(anna.card(id).getText()).as("the card of %s", title).contains(text(title), NAME);
    }
    anna.awaitComment(proposals.get(0), COMMENT_A);
    anna.awaitComment(proposals.get(0), COMMENT_B);
    assertThat(anna.cluster(CLUSTER)).isEqualTo(cluster);
    String board = visibleText(anna.browser);
    assertThat(board).contains(COMMENT_A, COMMENT_B, CLUSTER);
    harmless(anna.browser, "another member's app");
    screenshots(anna.browser, "member-other", Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT,
        Browser.hook("proposal", proposals.get(0)), NOTHING);
    anna.view("table");
    assertThat(visibleText(anna.browser)).contains(NAME);
    harmless(anna.browser, "another member's table view");

    // The table's facilitator moderates it.
    Console facilitator = console();
    facilitator.browser.until(d -> visibleText(facilitator.browser).contains(COMMENT_B) ? Boolean.TRUE : null);
    String console = visibleText(facilitator.browser);
    assertThat(console).contains(NAME, COMMENT_A, COMMENT_B, CLUSTER);
    for (String title : titles) {
      assertThat(console).as("the facilitator's console").contains(title);
    }
    harmless(facilitator.browser, "the facilitator's console");
    screenshots(facilitator.browser, "console-table", Console.WIDTH, Console.HEIGHT,
        Browser.hook("mod-comment"), null);

    // The lead sees the tables' work, promotes it and runs the final vote.
    Browser lead = browser(Console.WIDTH, Console.HEIGHT);
    lead.go(Links.console(live, live.lead));
    lead.awaitStatus("online");
    lead.until(d -> visibleText(lead).contains(CLUSTER) ? Boolean.TRUE : null);
    String plenary = visibleText(lead);
    for (String title : titles) {
      assertThat(plenary).as("the lead's console").contains(title);
    }
    harmless(lead, "the lead's console");
    screenshots(lead, "console-lead", Console.WIDTH, Console.HEIGHT,
        Browser.hook("promote-item"), null);

    String a = live.assembly.id();
    String s = live.session.id();
    List<String> drafts = new ArrayList<>();
    try (TableClient plenaryLead = live.join(live.lead)) {
      for (String proposal : proposals) {
        ack(plenaryLead.call(new PlenaryCommand.Promote(id(), live.table(0), proposal, null, null, null)));
        drafts.add("d" + (drafts.size() + 1));
      }
      ack(plenaryLead.call(new PlenaryCommand.Promote(id(), live.table(0), null, cluster, null, null)));
      drafts.add("d" + (drafts.size() + 1));
      ack(plenaryLead.call(new PlenaryCommand.OpenFinalVote(id(), drafts, 0.5)));
      List<Member> voters = new ArrayList<>(live.members.get(0));
      voters.add(mallory);
      for (Member voter : voters) {
        try (TableClient ballot = live.join(voter)) {
          Map<String, Choice> choices = new HashMap<>();
          for (String draft : drafts) {
            choices.put(draft, Choice.SUPPORT);
          }
          ack(ballot.call(new PlenaryCommand.CastFinalBallot(id(), "f1", choices)));
        }
      }
      ack(plenaryLead.call(new PlenaryCommand.CloseFinalVote(id(), "f1")));
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String api = Links.base(live) + "/api/assemblies/" + a + "/sessions/" + s;
    assertThat(post(http, api + "/answers", JSON.writeValueAsString(Map.of("draft", "d1",
        "status", "partly_adopted", "text", ANSWER, "date", "2027-03-14"))).statusCode()).isEqualTo(200);
    assertThat(post(http, api + "/report/publish", "").statusCode()).isEqualTo(200);

    // The public report, in every format, with no login.
    String report = Links.base(live) + "/reports/" + a;
    HttpResponse<String> json = get(http, report + "?format=json");
    assertThat(json.statusCode()).isEqualTo(200);
    JsonNode recommendations = JSON.readTree(json.body()).at("/sessions/0/recommendations");
    Set<String> jsonTitles = new LinkedHashSet<>();
    recommendations.forEach(r -> jsonTitles.add(r.get("title").asText()));
    assertThat(jsonTitles).containsAll(titles).contains(CLUSTER);
    String quotedName = JSON.writeValueAsString(NAME);
    assertThat(json.body()).as("members are anonymous in the report")
        .doesNotContain(quotedName.substring(1, quotedName.length() - 1), mallory.id());

    HttpResponse<String> csv = get(http, report + "?format=csv");
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    List<List<String>> rows = CsvRows.parse(csv.body().replace("\uFEFF", ""));
    int title = rows.get(0).indexOf("title");
    Set<String> csvTitles = new LinkedHashSet<>();
    for (List<String> row : rows) {
      for (String cell : row) {
        assertThat(CsvRows.formulaAt(cell)).as("where a formula starts in %s", cell).isNegative();
      }
      csvTitles.add(row.get(title));
    }
    assertThat(csvTitles).contains("'" + HostileWords.HYPERLINK, HostileWords.IMG, HostileWords.SCRIPT,
        HostileWords.SVG, HostileWords.JAVASCRIPT_URL, HostileWords.MARKDOWN_LINK);

    HttpResponse<String> md = get(http, report + "?format=md");
    assertThat(md.statusCode()).isEqualTo(200);
    var tables = List.of(TablesExtension.create());
    Node document = Parser.builder().extensions(tables).build().parse(md.body());
    String rendered = HtmlRenderer.builder().extensions(tables).build().render(document);
    Set<String> tags = new TreeSet<>(Pattern.compile("</?([a-z0-9]+)").matcher(rendered)
        .results().map(m -> m.group(1)).toList());
    assertThat(tags).as("the elements of the rendered Markdown")
        .isSubsetOf("h1", "h2", "h3", "p", "strong", "em", "table", "thead", "tbody", "tr", "th", "td",
            "blockquote", "ul", "li");
    String mdText = TextContentRenderer.builder().extensions(tables).build().render(document)
        .replaceAll("\\s+", " ");
    for (String words : List.of(HostileWords.IMG, HostileWords.SCRIPT, HostileWords.SVG,
        HostileWords.JAVASCRIPT_URL, HostileWords.HYPERLINK, HostileWords.MARKDOWN_LINK, COMMENT_A, COMMENT_B,
        ANSWER)) {
      assertThat(mdText).as("the rendered Markdown").contains(words);
    }
    // A viewer that shows rendered Markdown without any sanitising or policy runs nothing of it;
    // the control at its end shows that a script there would have run.
    Browser viewer = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    viewer.go("about:blank");
    viewer.script("document.open(); document.write(arguments[0]); document.close();",
        "<!doctype html><meta charset=utf-8><body>" + rendered
            + "<img id=control src=x onerror=\"window.__control=1\" alt=\"\">");
    viewer.until(d -> Long.valueOf(1).equals(viewer.script("return window.__control;")) ? Boolean.TRUE : null);
    assertThat(viewer.script("return typeof window.__pwned;")).as("the Markdown, rendered").isEqualTo("undefined");
    assertThat(viewer.script("return document.querySelectorAll('img:not(#control), svg, script, iframe, a').length;"))
        .isEqualTo(0L);
    assertThat(visibleText(viewer)).contains(HostileWords.IMG, COMMENT_B);
    screenshots(viewer, "report-markdown", Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT,
        By.tagName("h3"), null);

    HttpResponse<String> html = get(http, report + "?format=html");
    String policy = html.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("script-src");
    assertThat(html.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    Browser page = browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT);
    page.go(report + "?format=html");
    page.until(d -> visibleText(page).contains(ANSWER) ? Boolean.TRUE : null);
    String published = visibleText(page);
    for (String words : List.of(HostileWords.IMG, HostileWords.SCRIPT, HostileWords.SVG,
        HostileWords.JAVASCRIPT_URL, HostileWords.HYPERLINK, HostileWords.MARKDOWN_LINK, COMMENT_A, COMMENT_B)) {
      assertThat(published).as("the HTML report").contains(words);
    }
    assertThat(published).doesNotContain(NAME);
    harmless(page, "the HTML report");
    screenshots(page, "report-html", Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT,
        By.cssSelector("article"), FINAL_VOTE_TABLE);
  }

  private MemberApp memberApp(Member m) {
    return new MemberApp(browser(Browser.TABLET_WIDTH, Browser.TABLET_HEIGHT)).open(Links.join(live, m));
  }

  private HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Authorization", AdminLogin.bearer(live.node))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
