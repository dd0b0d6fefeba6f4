package org.tingsted.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.report.ReportScenario.D1_ANSWER;
import static org.tingsted.server.report.ReportScenario.D1_TEXT;
import static org.tingsted.server.report.ReportScenario.D1_TITLE;
import static org.tingsted.server.report.ReportScenario.D3_TEXT;
import static org.tingsted.server.report.ReportScenario.D3_TITLE;
import static org.tingsted.server.report.ReportScenario.D6_TEXT;
import static org.tingsted.server.report.ReportScenario.D6_TITLE;
import static org.tingsted.server.report.ReportScenario.IMG_COMMENT;
import static org.tingsted.server.report.ReportScenario.NEVER_SHOWN;
import static org.tingsted.server.report.ReportScenario.SCRIPT_TEXT;
import static org.tingsted.server.report.ReportScenario.SCRIPT_TITLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The report's formats")
class ReportFormatsTest {

  private static final Report REPORT = ReportScenario.report();

  @Nested
  @DisplayName("As CSV")
  class Csv {
    private final String csv = Reports.csv(REPORT, ReportLanguage.DANISH);

    @Test
    @DisplayName("Each recommendation is one row under a header row, with the figures as "
        + "written here")
    void rows() {
      List<List<String>> rows = parse(csv);
      assertThat(rows).hasSize(5);
      assertThat(rows.get(0)).containsExactly("session", "session_name", "session_date",
          "draft", "title", "text", "tables", "proposals", "clusters", "final_vote", "ballots",
          "support", "oppose", "abstain", "electorate", "share", "threshold", "adopted",
          "answer_status", "answer_date", "answer_text", "sources", "table_votes",
          "comments_for", "comments_against");
      assertThat(rows.get(1).subList(0, 21)).containsExactly("s1", "Dag 1", "2026-03-14", "d1",
          D1_TITLE, D1_TEXT, "Bord 1 – Nørrebro; Bord 2 – Østerbro", "t1/p1; t2/p1", "", "f2",
          "36", "24", "8", "4", "36", "0.6667", "0.6667", "yes", "adopted", "2026-06-12",
          D1_ANSWER);
      assertThat(rows.get(2).subList(0, 21)).containsExactly("s1", "Dag 1", "2026-03-14", "d3",
          D3_TITLE, D3_TEXT, "Bord 1 – Nørrebro", "", "t1/k1", "f2", "36", "23", "10", "2",
          "36", "0.6389", "0.6667", "no", "under_consideration", "2026-06-12", "");
      assertThat(rows.get(3).subList(0, 21)).containsExactly("s1", "Dag 1", "2026-03-14", "d4",
          SCRIPT_TITLE, SCRIPT_TEXT, "Bord 2 – Østerbro", "t2/p2", "", "f2", "36", "12", "20",
          "3", "36", "0.3333", "0.6667", "no", "", "", "");
      assertThat(rows.get(4).subList(0, 21)).containsExactly("s1", "Dag 1", "2026-03-14", "d6",
          D6_TITLE, D6_TEXT, "Bord 1 – Nørrebro", "t1/p3", "", "", "", "", "", "", "", "", "",
          "no", "", "", "");
    }

    @Test
    @DisplayName("The last columns say for people, in the report's language, where each "
        + "recommendation came from, how the tables voted and what they said")
    void forPeople() {
      List<String> d3 = parse(csv).get(2);
      assertThat(d3.subList(21, 25)).containsExactly(
          "Bord 1 – Nørrebro: gruppe «Trafik»",
          "Bord 1 – Nørrebro: gruppe «Trafik»: Afstemning 1 ved bordet (prikker, 5 stemmer): "
              + "10 prikker, nr. 1 af 3 (delt plads)\n"
              + "Bord 1 – Nørrebro, Forslag 3 «Billigere buskort for unge»: Afstemning 2 ved "
              + "bordet (skala 1–5, 5 stemmer): gennemsnit 3,6; 60,0\u00a0% enige (4 eller 5); "
              + "5 svar (1: 0, 2: 1, 3: 1, 4: 2, 5: 1)",
          "Sikrere for børn.",
          "Det koster kommunen dyrt.");
      List<String> english = parse(Reports.csv(REPORT, ReportLanguage.ENGLISH)).get(2);
      assertThat(english.subList(0, 21)).isEqualTo(d3.subList(0, 21));
      assertThat(english.get(21)).isEqualTo("Bord 1 – Nørrebro: group “Trafik”");
      assertThat(english.get(22)).endsWith("Table vote 2 (scale 1–5, 5 ballots): mean 3.6; 60.0% "
          + "agree (4 or 5); 5 ratings (1: 0, 2: 1, 3: 1, 4: 2, 5: 1)");
    }

    @Test
    @DisplayName("Where a spreadsheet would start a formula (a cell, or a part after ';' or a "
        + "line break) a ' is put in front; the rest stays as it was written")
    void formulas() {
      assertThat(CsvRenderer.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
      assertThat(CsvRenderer.field("+45 1234")).isEqualTo("'+45 1234");
      assertThat(CsvRenderer.field("-2+3")).isEqualTo("'-2+3");
      assertThat(CsvRenderer.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
      assertThat(CsvRenderer.field("\tx")).isEqualTo("'\tx");
      assertThat(CsvRenderer.field("Grønne tage = godt")).isEqualTo("Grønne tage = godt");
      // A Danish spreadsheet splits at ';', inside quotes too; and every line may start one.
      assertThat(CsvRenderer.field("Tage;=HYPERLINK(1)")).isEqualTo("Tage;'=HYPERLINK(1)");
      assertThat(CsvRenderer.field("Tage; -2 kr.")).isEqualTo("Tage; -2 kr.");
      assertThat(CsvRenderer.field("Først\n-dernæst\n@alle")).isEqualTo("\"Først\n'-dernæst\n'@alle\"");
      assertThat(CsvRenderer.field("0.6667")).isEqualTo("0.6667");
      assertThat(CsvRenderer.field("")).isEqualTo("");
    }

    @Test
    @DisplayName("Fields with commas, quotes or line breaks are quoted, quotes doubled, lines "
        + "ended with CRLF")
    void quoting() {
      assertThat(csv).startsWith("session,session_name,session_date,draft,title,text,");
      assertThat(csv).contains(",\"<script>alert(1)</script> & \"\"quotes\"\"\",");
      assertThat(csv).contains(",\"Cykelstier, der er adskilt fra bilerne, og billigere buskort"
          + " for unge.\nFørst på Nørrebrogade.\",");
      assertThat(csv).endsWith("\r\n");
      assertThat(csv.split("\r\n", -1)).hasSize(5 + 1); // a line break inside a field is no CRLF
    }

    @Test
    @DisplayName("Danish letters survive the round trip through UTF-8")
    void danish() {
      String back = new String(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      assertThat(back).isEqualTo(csv).contains("Grønne tage og gårdhaver", "Østerbro", "Først på");
    }
  }

  @Nested
  @DisplayName("As Markdown, in Danish")
  class Markdown {
    private final String md = Reports.markdown(REPORT, ReportLanguage.DANISH);
    /** The members' hostile words as the Markdown writes them: as text, no markup. */
    private static final String MD_SCRIPT_TITLE =
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"";
    private static final String MD_SCRIPT_TEXT = "Tekst med &lt;b&gt;fed&lt;/b&gt; &amp; 'citat'";
    private static final String MD_IMG_COMMENT = "Pas på &lt;img src=x onerror=alert(2)&gt;";

    @Test
    @DisplayName("Each session has a heading with its date and each recommendation a section, "
        + "in order; the time it was made is Copenhagen's")
    void structure() {
      assertThat(md).startsWith("# Københavns Borgerting 2026: anbefalinger til byrådet\n");
      assertThat(md).contains("**Spørgsmålet:** Hvordan gør vi København grønnere, og hvem "
          + "betaler?", "Udarbejdet 12. juni 2026 kl. 12.00 (dansk tid).",
          "\n## Dag 1 — 14. marts 2026\n", "\n## Dag 2 — 11. april 2026\n",
          "*Rapporten for denne mødedag er ikke offentliggjort endnu.*");
      assertThat(md).containsSubsequence("### 1. " + D1_TITLE + "\n", "### 2. " + D3_TITLE
          + "\n", "### 3. " + MD_SCRIPT_TITLE + "\n", "### 4. " + D6_TITLE + "\n",
          "## Dag 2");
      assertThat(md).contains("| 1 | Grønne tage og gårdhaver | 66,7\u00a0% | vedtaget |",
          "| 2 | Tryg trafik for børn og unge | 63,9\u00a0% | ikke vedtaget |",
          "| 3 | " + MD_SCRIPT_TITLE + " | 33,3\u00a0% | ikke vedtaget |",
          "| 4 | Billigere buskort |  | ikke til endelig afstemning |");
    }

    @Test
    @DisplayName("The final vote is a table with the counts, the share and the threshold")
    void finalVote() {
      assertThat(md).contains("**Endelig afstemning 2:** 24 af 36 deltagere (66,7\u00a0%) "
          + "stemte for; grænsen var 66,7\u00a0%: vedtaget.");
      assertThat(md).contains("**Endelig afstemning 2:** 23 af 36 deltagere (63,9\u00a0%) "
          + "stemte for; grænsen var 66,7\u00a0%: ikke vedtaget.");
      assertThat(md).contains("| For | Imod | Hverken for eller imod | Afgivne stemmer | "
          + "Stemmeberettigede | Andel for | Grænse |\n|---:|---:|---:|---:|---:|---:|---:|\n"
          + "| 24 | 8 | 4 | 36 | 36 | 66,7\u00a0% | 66,7\u00a0% |\n");
      assertThat(md).contains("| 23 | 10 | 2 | 36 | 36 | 63,9\u00a0% | 66,7\u00a0% |\n");
      assertThat(md).contains("**Endelig afstemning:** Anbefalingen kom ikke til endelig "
          + "afstemning.");
    }

    @Test
    @DisplayName("Each source lists its table votes and its comments for and against")
    void provenance() {
      assertThat(md).contains("> Cykelstier, der er adskilt fra bilerne, og billigere buskort for"
          + " unge.\n> Først på Nørrebrogade.\n");
      assertThat(md).contains(""
          + "- Bord 1 – Nørrebro: forslag 1 «Grønne tage på nye byggerier»\n"
          + "  - Afstemning 1 ved bordet (prikker, 5 stemmer): 10 prikker, nr. 1 af 3 (delt "
          + "plads)\n"
          + "  - Kommentarer for:\n"
          + "    - Godt for klimaet og for regnvandet.\n"
          + "  - Kommentarer imod:\n"
          + "    - Hvem skal betale for det?\n"
          + "- Bord 2 – Østerbro: forslag 1 «Grønne tage og gårdhaver»\n"
          + "  - Afstemning 1 ved bordet (rangordning, 5 stemmer): nr. 1 efter Schulze-metoden, "
          + "nr. 1 (delt plads) efter Borda (6 point)\n"
          + "    - Rækkefølge efter Schulze-metoden: 1. Grønne tage og gårdhaver; 2. "
          + MD_SCRIPT_TITLE + "; 3. Flere træer i gaderne\n"
          + "    - Rækkefølge efter Borda: 1. Grønne tage og gårdhaver = " + MD_SCRIPT_TITLE
          + "; 2. Flere træer i gaderne\n"
          + "  - Kommentarer for:\n"
          + "    - Gårdhaver giver liv.\n");
      assertThat(md).contains("- " + MD_IMG_COMMENT + "\n");
      assertThat(md).contains("Vedtaget (12. juni 2026).\n\n> " + D1_ANSWER + "\n");
      assertThat(md).contains("Under overvejelse (12. juni 2026).");
    }

    @Test
    @DisplayName("A recommendation from a group lists the group's proposals, each with the "
        + "table's votes on it and its comments for and against")
    void fromACluster() {
      assertThat(md).contains(""
          + "- Bord 1 – Nørrebro: gruppe «Trafik»\n"
          + "  - Afstemning 1 ved bordet (prikker, 5 stemmer): 10 prikker, nr. 1 af 3 (delt "
          + "plads)\n"
          + "  - Gruppens forslag:\n"
          + "    - Forslag 2 «Flere cykelstier på Nørrebrogade»\n"
          + "      - Kommentarer for:\n"
          + "        - Sikrere for børn.\n"
          + "    - Forslag 3 «Billigere buskort for unge»\n"
          + "      - Afstemning 2 ved bordet (skala 1–5, 5 stemmer): gennemsnit 3,6; "
          + "60,0\u00a0% enige (4 eller 5); 5 svar (1: 0, 2: 1, 3: 1, 4: 2, 5: 1)\n"
          + "      - Kommentarer imod:\n"
          + "        - Det koster kommunen dyrt.\n");
    }

    @Test
    @DisplayName("Members' words are kept whole, their markup escaped as text, and nothing "
        + "hidden, withdrawn or personal appears")
    void intact() {
      assertThat(md).contains(MD_SCRIPT_TITLE, "> " + MD_SCRIPT_TEXT, MD_IMG_COMMENT);
      assertThat(md).doesNotContain(SCRIPT_TITLE, SCRIPT_TEXT, IMG_COMMENT, "<b>", "<img");
      for (String never : NEVER_SHOWN) {
        assertThat(md).doesNotContain(never);
      }
    }
  }

  @Nested
  @DisplayName("As Markdown, in English")
  class English {
    private final String md = Reports.markdown(REPORT, ReportLanguage.ENGLISH);

    @Test
    @DisplayName("The same report in English words, dates and numbers")
    void words() {
      assertThat(md).startsWith("# Københavns Borgerting 2026: recommendations to the City "
          + "Council\n");
      assertThat(md).contains("Generated on 12 June 2026 at 12:00 (Copenhagen time).",
          "\n## Dag 1 — 14 March 2026\n",
          "*The report of this session day is not published yet.*",
          "| 1 | Grønne tage og gårdhaver | 66.7% | adopted |",
          "**Final vote 2:** 24 of 36 members (66.7%) voted for it; the threshold was 66.7%: "
              + "adopted.",
          "| For | Against | Neither for nor against | Ballots cast | Electorate | Share for | "
              + "Threshold |",
          "**Final vote:** The recommendation was not put to a final vote.",
          "- Bord 1 – Nørrebro: proposal 1 “Grønne tage på nye byggerier”\n"
              + "  - Table vote 1 (dots, 5 ballots): 10 dots, rank 1 of 3 (tied)\n"
              + "  - Comments for:\n",
          "- Bord 1 – Nørrebro: group “Trafik”\n",
          "  - The group’s proposals:\n    - Proposal 2 “Flere cykelstier på Nørrebrogade”\n",
          "rank 2 by the Schulze method, rank 1 (tied) by Borda (6 points)",
          "**The City Council’s answer**", "Adopted (12 June 2026).",
          "Under consideration (12 June 2026).");
      for (String never : NEVER_SHOWN) {
        assertThat(md).doesNotContain(never);
      }
    }
  }

  @Nested
  @DisplayName("As HTML")
  class Html {
    private final String html = Reports.html(REPORT, ReportLanguage.DANISH);

    @Test
    @DisplayName("It is a complete, printable A4 page in the report's language that loads and "
        + "runs nothing")
    void page() {
      assertThat(html).startsWith("<!doctype html>\n<html lang=\"da\">\n<head>\n"
          + "<meta charset=\"utf-8\">");
      assertThat(Reports.html(REPORT, ReportLanguage.ENGLISH))
          .startsWith("<!doctype html>\n<html lang=\"en\">")
          .contains("<title>Københavns Borgerting 2026: recommendations to the City Council"
              + "</title>");
      assertThat(html).contains("<title>Københavns Borgerting 2026: anbefalinger til byrådet"
          + "</title>", "@page { size: A4;", "@media print", "</body>\n</html>\n");
      assertThat(html.toLowerCase()).doesNotContain("<script", "<link", "<img", "<iframe",
          "src=\"", "href=", "url(", "@import", "http://", "https://", "javascript:");
    }

    @Test
    @DisplayName("Every table heading says whether it heads a row or a column")
    void headings() {
      int headings = count(html, "<th ") + count(html, "<th>");
      assertThat(headings).isGreaterThan(20);
      assertThat(count(html, "<th scope=\"row\">") + count(html, "<th scope=\"col\">"))
          .isEqualTo(headings);
    }

    @Test
    @DisplayName("Everything a member wrote is escaped")
    void escaped() {
      assertThat(html).contains(
          "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;",
          "Tekst med &lt;b&gt;fed&lt;/b&gt; &amp; &#39;citat&#39;",
          "Pas på &lt;img src=x onerror=alert(2)&gt;");
      assertThat(html).doesNotContain(SCRIPT_TITLE, SCRIPT_TEXT, IMG_COMMENT, "<b>");
      for (String never : NEVER_SHOWN) {
        assertThat(html).doesNotContain(never);
      }
    }

    @Test
    @DisplayName("It has the exact figures, texts and verdicts")
    void figures() {
      assertThat(html).contains("<h2 id=\"session-1\">Dag 1 — 14. marts 2026</h2>");
      assertThat(html).containsSubsequence(">1. Grønne tage og gårdhaver</h3>",
          ">2. Tryg trafik for børn og unge</h3>", ">3. &lt;script&gt;", ">4. Billigere "
              + "buskort</h3>");
      assertThat(html).contains("24 af 36 deltagere (66,7\u00a0%) stemte for; grænsen var "
          + "66,7\u00a0%: vedtaget.");
      assertThat(html).contains("<h4>Endelig afstemning 2</h4>\n<p class=\"outcome\">24 af 36 "
          + "deltagere");
      assertThat(html).contains("<caption>Stemmerne</caption>\n<thead><tr><th scope=\"col\">For"
          + "</th><th scope=\"col\">Imod</th><th scope=\"col\">Hverken for eller imod</th>"
          + "<th scope=\"col\">Afgivne stemmer</th><th scope=\"col\">Stemmeberettigede</th>"
          + "<th scope=\"col\">Andel for</th><th scope=\"col\">Grænse</th></tr></thead>\n"
          + "<tbody><tr><td class=\"number\">24</td><td class=\"number\">8</td><td "
          + "class=\"number\">4</td><td class=\"number\">36</td><td class=\"number\">36</td>"
          + "<td class=\"number\">66,7\u00a0%</td><td class=\"number\">66,7\u00a0%</td>"
          + "</tr></tbody>");
      assertThat(html).contains("<td class=\"number\">63,9\u00a0%</td>");
      assertThat(html).contains("<div class=\"text\">" + D1_TEXT + "</div>");
      assertThat(html).contains("<p class=\"source-name\">Bord 2 – Østerbro: forslag 1 «Grønne "
          + "tage og gårdhaver»</p>");
      assertThat(html).contains("<p class=\"source-name\">Bord 1 – Nørrebro: gruppe «Trafik»"
          + "</p>\n<ul class=\"table-votes\">\n<li>Afstemning 1 ved bordet (prikker, 5 stemmer):"
          + " 10 prikker, nr. 1 af 3 (delt plads)</li>\n</ul>\n<p>Gruppens forslag:</p>\n"
          + "<ul class=\"cluster-proposals\">\n<li><p class=\"proposal-name\">Forslag 2 «Flere "
          + "cykelstier på Nørrebrogade»</p>\n<p class=\"comments-heading\">Kommentarer for:</p>\n"
          + "<ul class=\"comments\">\n<li class=\"comment\">Sikrere for børn.</li>\n</ul>\n"
          + "</li>\n<li><p class=\"proposal-name\">Forslag 3 «Billigere buskort for unge»</p>\n"
          + "<ul class=\"table-votes\">\n<li>Afstemning 2 ved bordet (skala 1–5, 5 stemmer): "
          + "gennemsnit 3,6; 60,0\u00a0% enige (4 eller 5); 5 svar (1: 0, 2: 1, 3: 1, 4: 2, "
          + "5: 1)</li>\n</ul>\n");
      assertThat(html).contains("<li>Afstemning 1 ved bordet (rangordning, 5 stemmer): nr. 2 "
          + "efter Schulze-metoden, nr. 1 (delt plads) efter Borda (6 point)<br>Rækkefølge "
          + "efter Schulze-metoden: 1. Grønne tage og gårdhaver; 2. &lt;script&gt;alert(1)"
          + "&lt;/script&gt; &amp; &quot;quotes&quot;; 3. Flere træer i gaderne<br>");
      assertThat(html).contains("<li class=\"comment\">Hvem skal betale for det?</li>");
      assertThat(html).contains("<p class=\"outcome\">Vedtaget (12. juni 2026).</p>\n"
          + "<p class=\"answer-text\">" + D1_ANSWER + "</p>");
      assertThat(html).contains("<p class=\"notice\">Rapporten for denne mødedag er ikke "
          + "offentliggjort endnu.</p>");
    }
  }

  @Nested
  @DisplayName("No internal id in the human formats")
  class NoIds {
    /** The model's ids ("p3", "k1", "v2", "f1", "d4", "c7", "tm2", "an1") and the scenario's. */
    private final Pattern modelId = Pattern.compile("\\b(p|k|v|f|d|c|tm|an)\\d+\\b");

    @Test
    @DisplayName("Neither the Danish nor the English HTML and Markdown names anything by its id")
    void none() {
      for (ReportLanguage language : ReportLanguage.values()) {
        for (String human : List.of(Reports.html(REPORT, language),
            Reports.markdown(REPORT, language))) {
          assertThat(modelId.matcher(human).results().map(m -> m.group()).toList())
              .as("ids in the %s report", language).isEmpty();
          assertThat(human).doesNotContain("t1", "t2", "s1", "s2", "cph-2026");
        }
      }
    }
  }

  @Nested
  @DisplayName("As JSON")
  class Json {
    @Test
    @DisplayName("A plain Jackson mapper writes the report and reads it back unchanged")
    void roundTrip() throws Exception {
      ObjectMapper mapper = new ObjectMapper();
      String json = mapper.writeValueAsString(REPORT);
      JsonNode tree = mapper.readTree(json);
      JsonNode first = tree.path("sessions").path(0).path("recommendations").path(0);
      assertThat(tree.path("generatedAt").asLong()).isEqualTo(1_781_258_400_000L);
      assertThat(first.path("draft").asText()).isEqualTo("d1");
      assertThat(first.path("finalVote").path("support").asInt()).isEqualTo(24);
      assertThat(first.path("finalVote").path("adopted").asBoolean()).isTrue();
      assertThat(first.path("answer").path("status").asText()).isEqualTo("ADOPTED");
      assertThat(first.path("tableVotes").path(1).path("ranking").path("borda").path(0)
          .path(1).path("title").asText()).isEqualTo(SCRIPT_TITLE);
      JsonNode last = tree.path("sessions").path(0).path("recommendations").path(3);
      assertThat(last.path("finalVote").isNull()).isTrue();
      assertThat(mapper.readValue(json, Report.class)).isEqualTo(REPORT);
      for (String never : NEVER_SHOWN) {
        assertThat(json).doesNotContain(never);
      }
    }
  }

  /** RFC 4180 read back: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> parse(String csv) {
    return CsvRows.parse(csv);
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
