package org.tingsted.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tingsted.server.HostileWords;
import org.tingsted.server.deliberation.Answer;
import org.tingsted.server.deliberation.AnswerStatus;
import org.tingsted.server.deliberation.DraftStatus;
import org.tingsted.server.deliberation.VoteMethod;

/**
 * A report in which every word a person chose (the assembly's, sessions', tables' and groups'
 * names, titles, texts, comments, the Council's answers) is one of {@link HostileWords#ALL}, in
 * every format. The check that no markup came from those words: the same report with each line
 * of those words replaced by a plain word ("its twin") renders to exactly the same sequence of
 * tags.
 */
@DisplayName("People's words in the report, whatever they typed")
class HostileWordsReportTest {

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern LINE = Pattern.compile("[^\r\n]+");

  /** Its twin: each line of people's words a plain word, the line breaks where they were. */
  private static String twin(String words) {
    Matcher m = LINE.matcher(words);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, m.group().isBlank() ? "" : "Ord");
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One recommendation per hostile text, each with those words in every place of it. */
  static Report report(UnaryOperator<String> words) {
    List<Recommendation> recommendations = new ArrayList<>();
    int n = 0;
    for (String hostile : HostileWords.ALL) {
      n++;
      String w = words.apply(hostile);
      String p = "p" + n;
      String k = "k" + n;
      VoteItem proposal = new VoteItem(p, w);
      List<List<VoteItem>> order = List.of(List.of(proposal, new VoteItem("p99", w)),
          List.of(new VoteItem("p98", null)), List.of(new VoteItem("k98", null)));
      recommendations.add(new Recommendation("d" + n, w, w, DraftStatus.OPEN,
          List.of(new Provenance("t1", w, p, w, w), new Provenance("t1", w, null, k, w, w,
              List.of(proposal))),
          new FinalVoteResult("f1", 36, 30, 20, 5, 5, 20 / 36.0, 0.6667, false),
          List.of(new TableVoteResult("t1", w, "v1", VoteMethod.RANKING, 5, p, w, null,
                  new RankingResult(1, 1, 6, order, order), null),
              new TableVoteResult("t1", w, "v2", VoteMethod.DOTS, 5, k, w,
                  new DotsResult(4, 1, order), null, null)),
          List.of(new TableComment("t1", w, p, w)), List.of(new TableComment("t1", w, p, w)),
          new Answer(AnswerStatus.PARTLY_ADOPTED, w, "2026-06-12")));
    }
    String first = words.apply(HostileWords.IMG);
    return new Report("cph-2026", first, words.apply(HostileWords.MARKDOWN_LINK), 1_781_258_400_000L,
        List.of(new SessionReport("s1", words.apply(HostileWords.SCRIPT), "2026-03-14", true,
                recommendations),
            new SessionReport("s2", words.apply(HostileWords.SVG),
                words.apply("<b>14. marts</b>"), false, List.of())));
  }

  private static final Report HOSTILE = report(UnaryOperator.identity());
  private static final Report TWIN = report(HostileWordsReportTest::twin);

  private static List<String> tags(String html) {
    return TAG.matcher(html).results().map(java.util.regex.MatchResult::group).toList();
  }

  /** Whitespace runs as one space, so that words can be found across soft line breaks. */
  private static String spaced(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  @Nested
  @DisplayName("As Markdown, rendered by CommonMark")
  class Markdown {
    private final List<Extension> tables = List.of(TablesExtension.create());

    private String html(String markdown, List<Extension> extensions) {
      Node document = Parser.builder().extensions(extensions).build().parse(markdown);
      return HtmlRenderer.builder().extensions(extensions).build().render(document);
    }

    private String text(String markdown) {
      Node document = Parser.builder().extensions(tables).build().parse(markdown);
      return TextContentRenderer.builder().extensions(tables).build().render(document);
    }

    @Test
    @DisplayName("No tag, link, image, heading, list, quote, code or emphasis comes from "
        + "people's words: the page has the tags of its plain twin, in both languages")
    void noMarkup() {
      for (ReportLanguage language : ReportLanguage.values()) {
        String hostile = html(Reports.markdown(HOSTILE, language), tables);
        String plain = html(Reports.markdown(TWIN, language), tables);
        assertThat(tags(hostile)).as("the tags of the %s report", language)
            .isEqualTo(tags(plain));
        // Every "<" of people's words is "&lt;" in the page, so these could only be markup.
        assertThat(hostile.toLowerCase()).doesNotContain("<img", "<script", "<svg", "<iframe",
            "<a ", "<style", "<b>", "<code", "<pre", "<hr", "<del", "<!--", "<br",
            "<h4", "<h5", "<h6", "<ol");
      }
    }

    @Test
    @DisplayName("Each person's words are on the page as the text they typed, character for "
        + "character (line breaks aside)")
    void verbatim() {
      String text = spaced(text(Reports.markdown(HOSTILE, ReportLanguage.DANISH)));
      for (String hostile : HostileWords.ALL) {
        assertThat(text).as("the words %s", hostile).contains(spaced(hostile));
      }
    }

    @Test
    @DisplayName("With the autolink extension of GitHub-style viewers, only plain http(s) and "
        + "e-mail addresses become links, each showing the address it goes to")
    void autolinks() {
      String html = html(Reports.markdown(HOSTILE, ReportLanguage.DANISH),
          List.of(TablesExtension.create(), AutolinkExtension.create()));
      Matcher link = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>").matcher(html);
      int links = 0;
      while (link.find()) {
        links++;
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).matches("(https?://|mailto:).*");
        assertThat(href.replaceFirst("^mailto:", "")).isEqualTo(link.group(2).replace("&amp;", "&"));
      }
      assertThat(links).as("the addresses linked").isPositive();
      assertThat(html.split("<a ", -1)).hasSize(links + 1);
      assertThat(html.toLowerCase()).doesNotContain("href=\"javascript", "src=\"");
    }

    @Test
    @DisplayName("Ordinary punctuation stays as it was written; only what Markdown would read "
        + "gets a backslash or becomes an entity")
    void natural() {
      String ordinary = "Mød op kl. 10; 50 % af os – ikke? Ja! 'Nej': \"måske\" (3-4 gange/uge), "
          + "a.b@kk.dk";
      assertThat(MarkdownText.escape(ordinary)).isEqualTo(ordinary);
      assertThat(MarkdownText.escape("2027. Det er året")).isEqualTo("2027\\. Det er året");
      assertThat(MarkdownText.escape("- item\n  + item\n1) one"))
          .isEqualTo("\\- item\n\\+ item\n1\\) one");
      assertThat(MarkdownText.escape("a - b + c = d, 3.5 * 2 > 1 & 0 < 1"))
          .isEqualTo("a - b + c = d, 3.5 \\* 2 &gt; 1 &amp; 0 &lt; 1");
      assertThat(MarkdownText.escape("<img src=x onerror=alert(1)>"))
          .isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
      assertThat(MarkdownText.escape("**bold** [link](javascript:x) `c` ~s~ #h |t| _e_ \\"))
          .isEqualTo("\\*\\*bold\\*\\* \\[link\\](javascript:x) \\`c\\` \\~s\\~ \\#h \\|t\\| "
              + "\\_e\\_ \\\\");
      assertThat(MarkdownText.escape("    code\n\n\tmore")).isEqualTo("code\n\nmore");
      assertThat(MarkdownText.escape(null)).isEmpty();
    }

    @Test
    @DisplayName("The report of an ordinary assembly reads as before: nothing in it is escaped")
    void ordinaryReport() {
      String md = Reports.markdown(ReportScenario.report(), ReportLanguage.DANISH);
      assertThat(md).contains("> Cykelstier, der er adskilt fra bilerne, og billigere buskort for"
          + " unge.\n> Først på Nørrebrogade.\n", "- Bord 1 – Nørrebro: gruppe «Trafik»\n",
          "Byrådet vedtog anbefalingen den 12. juni; forvaltningen går i gang i 2027.");
    }
  }

  @Nested
  @DisplayName("As HTML")
  class Html {
    @Test
    @DisplayName("The page has the tags of its plain twin, and every person's words are on it "
        + "as text")
    void noMarkup() {
      for (ReportLanguage language : ReportLanguage.values()) {
        assertThat(tags(Reports.html(HOSTILE, language))).as("the tags of the %s page", language)
            .isEqualTo(tags(Reports.html(TWIN, language)));
      }
      String html = Reports.html(HOSTILE, ReportLanguage.DANISH);
      String text = spaced(TAG.matcher(html.substring(html.indexOf("<body>"))).replaceAll(" ")
          .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
          .replace("&#39;", "'").replace("&amp;", "&"));
      for (String hostile : HostileWords.ALL) {
        assertThat(text).as("the words %s", hostile).contains(spaced(hostile));
      }
    }
  }

  @Nested
  @DisplayName("As CSV")
  class Csv {
    private static final String FORMULA = CsvRows.FORMULA_STARTS;

    @Test
    @DisplayName("No cell, and no part of a cell after a ';', a tab or a line break, starts a "
        + "formula; each person's words are there after the ' put in front")
    void neutralised() {
      for (ReportLanguage language : ReportLanguage.values()) {
        List<List<String>> rows = CsvRows.parse(Reports.csv(HOSTILE, language));
        assertThat(rows).hasSize(HostileWords.ALL.size() + 1);
        int cells = 0;
        for (List<String> row : rows) {
          for (String cell : row) {
            cells++;
            assertThat(CsvRows.formulaAt(cell)).as("where a formula starts in %s", cell)
                .isNegative();
          }
        }
        assertThat(cells).isEqualTo(rows.size() * CsvRenderer.COLUMNS.size());
        for (int r = 0; r < HostileWords.ALL.size(); r++) {
          String hostile = HostileWords.ALL.get(r);
          List<String> row = rows.get(r + 1);
          for (int column : new int[] {4, 5, 6, 20, 24}) { // title, text, tables, answer, against
            assertThat(undone(row.get(column))).as("column %d", column).isEqualTo(hostile);
          }
        }
      }
    }

    @Test
    @DisplayName("Names of sessions, and the text of an ordinary cell, are left alone")
    void names() {
      List<List<String>> rows = CsvRows.parse(Reports.csv(HOSTILE, ReportLanguage.DANISH));
      assertThat(rows.get(1).get(1)).isEqualTo(HostileWords.SCRIPT);
      assertThat(rows.get(HostileWords.ALL.size()).get(4)).isEqualTo(HostileWords.ALL.get(HostileWords.ALL.size() - 1));
      assertThat(CsvRenderer.field("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
      assertThat(CsvRenderer.field("a\t=1+1")).isEqualTo("a\t'=1+1");
      assertThat(CsvRenderer.field("\r=1")).isEqualTo("\"'\r'=1\"");
    }

    /** The cell without the ' put before a formula's start. */
    private String undone(String cell) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < cell.length(); i++) {
        boolean partStart = i == 0 || "\n\r;\t".indexOf(cell.charAt(i - 1)) >= 0;
        if (partStart && cell.charAt(i) == '\'' && i + 1 < cell.length()
            && (FORMULA.indexOf(cell.charAt(i + 1)) >= 0 || (i == 0 && cell.charAt(1) == '\r'))) {
          continue;
        }
        out.append(cell.charAt(i));
      }
      return out.toString();
    }
  }

  @Nested
  @DisplayName("As JSON")
  class Json {
    @Test
    @DisplayName("The words are there exactly as typed, and read back the same")
    void verbatim() throws Exception {
      ObjectMapper mapper = new ObjectMapper();
      String json = mapper.writeValueAsString(HOSTILE);
      assertThat(mapper.readValue(json, Report.class)).isEqualTo(HOSTILE);
      var first = mapper.readTree(json).path("sessions").path(0).path("recommendations");
      for (int i = 0; i < HostileWords.ALL.size(); i++) {
        assertThat(first.path(i).path("title").asText()).isEqualTo(HostileWords.ALL.get(i));
        assertThat(first.path(i).path("commentsFor").path(0).path("text").asText())
            .isEqualTo(HostileWords.ALL.get(i));
      }
    }
  }
}
