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
import java.util.ArrayList;
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
    private final String csv = Reports.csv(REPORT);

    @Test
    @DisplayName("Each recommendation is one row under a header row, with the figures as "
        + "written here")
    void rows() {
      List<List<String>> rows = parse(csv);
      assertThat(rows).hasSize(5);
      assertThat(rows.get(0)).containsExactly("session", "session_name", "session_date",
          "draft", "title", "text", "tables", "proposals", "clusters", "final_vote", "ballots",
          "support", "oppose", "abstain", "electorate", "share", "threshold", "adopted",
          "answer_status", "answer_date", "answer_text");
      assertThat(rows.get(1)).containsExactly("s1", "Dag 1", "2026-03-14", "d1", D1_TITLE,
          D1_TEXT, "Bord 1 – Nørrebro; Bord 2 – Østerbro", "t1/p1; t2/p1", "", "f2", "36", "24",
          "8", "4", "36", "0.6667", "0.6667", "yes", "adopted", "2026-06-12", D1_ANSWER);
      assertThat(rows.get(2)).containsExactly("s1", "Dag 1", "2026-03-14", "d3", D3_TITLE,
          D3_TEXT, "Bord 1 – Nørrebro", "", "t1/k1", "f2", "36", "23", "10", "2", "36",
          "0.6389", "0.6667", "no", "under_consideration", "2026-06-12", "");
      assertThat(rows.get(3)).containsExactly("s1", "Dag 1", "2026-03-14", "d4", SCRIPT_TITLE,
          SCRIPT_TEXT, "Bord 2 – Østerbro", "t2/p2", "", "f2", "36", "12", "20", "3", "36",
          "0.3333", "0.6667", "no", "", "", "");
      assertThat(rows.get(4)).containsExactly("s1", "Dag 1", "2026-03-14", "d6", D6_TITLE,
          D6_TEXT, "Bord 1 – Nørrebro", "t1/p3", "", "", "", "", "", "", "", "", "", "no", "",
          "", "");
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
      assertThat(csv.split("\r\n", -1)).hasSize(5 + 1); // the line break inside a field is no CRLF
    }

    @Test
    @DisplayName("Danish letters survive the round trip through UTF-8")
    void danish() {
      String back = new String(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      assertThat(back).isEqualTo(csv).contains("Grønne tage og gårdhaver", "Østerbro", "Først på");
    }
  }

  @Nested
  @DisplayName("As Markdown")
  class Markdown {
    private final String md = Reports.markdown(REPORT);

    @Test
    @DisplayName("Each session has a heading and each recommendation a section, in order")
    void structure() {
      assertThat(md).startsWith("# Københavns Borgerting 2026: recommendations to the City "
          + "Council\n");
      assertThat(md).contains("**The question:** Hvordan gør vi København grønnere, og hvem "
          + "betaler?", "Generated 2026-06-12T10:00:00Z.", "\n## Dag 1 — 2026-03-14\n",
          "\n## Dag 2 — 2026-04-11\n", "*This session's report is not published yet.*");
      assertThat(md).containsSubsequence("### 1. " + D1_TITLE + "\n", "### 2. " + D3_TITLE
          + "\n", "### 3. " + SCRIPT_TITLE + "\n", "### 4. " + D6_TITLE + "\n",
          "## Dag 2");
      assertThat(md).contains("| 1 | Grønne tage og gårdhaver | 66.7 % | adopted |",
          "| 2 | Tryg trafik for børn og unge | 63.9 % | not adopted |",
          "| 3 | " + SCRIPT_TITLE + " | 33.3 % | not adopted |",
          "| 4 | Billigere buskort |  | not put to a final vote |");
    }

    @Test
    @DisplayName("The final vote is a table with the counts, the share and the threshold")
    void finalVote() {
      assertThat(md).contains("**Final vote f2:** 24 of 36 members (66.7 %) supported it; the "
          + "threshold was 66.7 %: adopted.");
      assertThat(md).contains("**Final vote f2:** 23 of 36 members (63.9 %) supported it; the "
          + "threshold was 66.7 %: not adopted.");
      assertThat(md).contains("| Support | 24 |\n| Oppose | 8 |\n| Abstain | 4 |\n"
          + "| Ballots cast | 36 |\n| Electorate | 36 |\n| Share of support | 66.7 % |\n"
          + "| Threshold | 66.7 % |\n| Result | adopted |\n");
      assertThat(md).contains("| Support | 23 |\n| Oppose | 10 |\n| Abstain | 2 |\n");
      assertThat(md).contains("**Final vote:** not put to a final vote.");
    }

    @Test
    @DisplayName("Text, provenance, table votes with both orders, comments and the answer are "
        + "there")
    void content() {
      assertThat(md).contains("> Cykelstier, der er adskilt fra bilerne, og billigere buskort for"
          + " unge.\n> Først på Nørrebrogade.\n");
      assertThat(md).contains("- Bord 1 – Nørrebro, proposal p1: Grønne tage på nye byggerier\n"
          + "- Bord 2 – Østerbro, proposal p1: Grønne tage og gårdhaver\n");
      assertThat(md).contains("- Bord 1 – Nørrebro, cluster k1: Trafik\n");
      assertThat(md).contains("| Bord 1 – Nørrebro | v1 | dots | 5 | Grønne tage på nye "
          + "byggerier | 10 dots; rank 1 (tied) |");
      assertThat(md).contains("| Bord 2 – Østerbro | v1 | ranking | 5 | Grønne tage og "
          + "gårdhaver | Schulze rank 1; Borda rank 1 (tied), 6 points |");
      assertThat(md).contains("| Bord 2 – Østerbro | v1 | ranking | 5 | " + SCRIPT_TITLE
          + " | Schulze rank 2; Borda rank 1 (tied), 6 points |");
      assertThat(md).contains("| Bord 1 – Nørrebro | v2 | scale | 5 | Billigere buskort for "
          + "unge | mean 3.6; 60.0 % agree (4 or 5); 5 ratings (1: 0, 2: 1, 3: 1, 4: 2, 5: 1) |");
      assertThat(md).contains("Schulze order, Bord 2 – Østerbro, vote v1 (tied items joined by "
          + "=):\n\n1. Grønne tage og gårdhaver\n2. " + SCRIPT_TITLE + "\n3. Flere træer i "
          + "gaderne\n");
      assertThat(md).contains("Borda order, Bord 2 – Østerbro, vote v1 (tied items joined by "
          + "=):\n\n1. Grønne tage og gårdhaver = " + SCRIPT_TITLE + "\n2. Flere træer i "
          + "gaderne\n");
      assertThat(md).contains("**Comments for**\n\n- Godt for klimaet og for regnvandet.\n"
          + "  (Bord 1 – Nørrebro)\n- Gårdhaver giver liv.\n  (Bord 2 – Østerbro)\n");
      assertThat(md).contains("**Comments against**\n\n- Hvem skal betale for det?\n"
          + "  (Bord 1 – Nørrebro)\n");
      assertThat(md).contains("- " + IMG_COMMENT + "\n");
      assertThat(md).contains("Adopted (2026-06-12).\n\n> " + D1_ANSWER + "\n");
      assertThat(md).contains("Under consideration (2026-06-12).");
    }

    @Test
    @DisplayName("Members' words are kept intact, and nothing hidden, withdrawn or personal "
        + "appears")
    void intact() {
      assertThat(md).contains(SCRIPT_TITLE, "> " + SCRIPT_TEXT, IMG_COMMENT);
      for (String never : NEVER_SHOWN) {
        assertThat(md).doesNotContain(never);
      }
    }
  }

  @Nested
  @DisplayName("As HTML")
  class Html {
    private final String html = Reports.html(REPORT);

    @Test
    @DisplayName("It is a complete, printable A4 page that loads and runs nothing")
    void page() {
      assertThat(html).startsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n"
          + "<meta charset=\"utf-8\">");
      assertThat(html).contains("<title>Københavns Borgerting 2026: recommendations to the City "
          + "Council</title>", "@page { size: A4;", "@media print", "</body>\n</html>\n");
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
      assertThat(html).contains("<h2 id=\"s1\">Dag 1 — 2026-03-14</h2>");
      assertThat(html).containsSubsequence(">1. Grønne tage og gårdhaver</h3>",
          ">2. Tryg trafik for børn og unge</h3>", ">3. &lt;script&gt;", ">4. Billigere "
              + "buskort</h3>");
      assertThat(html).contains("24 of 36 members (66.7 %) supported it; the threshold was "
          + "66.7 %: adopted.");
      assertThat(html).contains("23 of 36 members (63.9 %) supported it; the threshold was "
          + "66.7 %: not adopted.");
      assertThat(html).contains("<tr><th scope=\"row\">Support</th><td class=\"number\">24"
          + "</td></tr>\n<tr><th scope=\"row\">Oppose</th><td class=\"number\">8</td></tr>\n"
          + "<tr><th scope=\"row\">Abstain</th><td class=\"number\">4</td></tr>");
      assertThat(html).contains("<tr><th scope=\"row\">Share of support</th><td "
          + "class=\"number\">63.9 %</td></tr>");
      assertThat(html).contains("<tr><th scope=\"row\">Threshold</th><td class=\"number\">"
          + "66.7 %</td></tr>");
      assertThat(html).contains("<div class=\"text\">" + D1_TEXT + "</div>");
      assertThat(html).contains("<li>Bord 2 – Østerbro, proposal p1: <q>Grønne tage og "
          + "gårdhaver</q></li>");
      assertThat(html).contains("<td>10 dots; rank 1 (tied)</td>",
          "<td>Schulze rank 2; Borda rank 1 (tied), 6 points</td>",
          "<td>mean 3.6; 60.0 % agree (4 or 5); 5 ratings (1: 0, 2: 1, 3: 1, 4: 2, 5: 1)</td>");
      assertThat(html).contains("<li>Grønne tage og gårdhaver = &lt;script&gt;alert(1)&lt;"
          + "/script&gt; &amp; &quot;quotes&quot;</li>\n<li>Flere træer i gaderne</li>");
      assertThat(html).contains("<span class=\"comment\">Hvem skal betale for det?</span> "
          + "<span class=\"source-table\">(Bord 1 – Nørrebro)</span>");
      assertThat(html).contains("<p class=\"outcome\">Adopted (2026-06-12).</p>\n"
          + "<p class=\"answer-text\">" + D1_ANSWER + "</p>");
      assertThat(html).contains("<p class=\"notice\">This session's report is not published yet.</p>");
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
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(quoted).as("a quoted field is left open").isFalse();
    assertThat(field.length() == 0 && row.isEmpty()).as("the last row ends with CRLF").isTrue();
    return rows;
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
