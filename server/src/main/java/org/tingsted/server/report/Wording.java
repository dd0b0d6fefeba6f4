package org.tingsted.server.report;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * The words and number formats the Markdown, HTML and CSV reports share, in one language, so
 * that every format says the same thing. The words are in {@code wording_da.properties} and
 * {@code wording_en.properties} beside this class; numbers, dates and times follow the
 * language's conventions ("66,7 %", "14. marts 2026", "12.00" in Danish), times are Copenhagen's.
 *
 * <p>No internal id reaches a person: a proposal, a table vote and a final vote are named by
 * the number people saw at the table and in the plenary ("forslag 3", "afstemning 2"), a group
 * by its name, a table by its name.
 *
 * <p>What people wrote (names of the assembly, sessions, tables and groups, titles, dates given
 * as text) goes through the format's {@code theirs} before it is put into the words: the Markdown
 * report escapes it there, since it cannot escape a whole line without escaping its own words;
 * the HTML report escapes the whole line later, and CSV takes it as it is.
 */
final class Wording {
  /** Where the assembly meets: the report's times are local times there. */
  static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  private final ReportLanguage language;
  private final Locale locale;
  private final ResourceBundle words;
  private final UnaryOperator<String> theirs;

  private Wording(ReportLanguage language, UnaryOperator<String> theirs) {
    this.language = language;
    this.theirs = theirs;
    this.locale = language.locale();
    this.words = ResourceBundle.getBundle("org.tingsted.server.report.wording", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  static Wording of(ReportLanguage language) {
    return new Wording(language, UnaryOperator.identity());
  }

  /** The words, with people's words put in through {@code theirs} (an escaper). */
  static Wording of(ReportLanguage language, UnaryOperator<String> theirs) {
    return new Wording(language, theirs);
  }

  /** People's words as this format puts them in. */
  String theirs(String text) {
    return theirs.apply(text);
  }

  ReportLanguage language() {
    return language;
  }

  /** The words under {@code key}, with the arguments put in. */
  String say(String key, Object... arguments) {
    return new MessageFormat(words.getString(key), locale).format(arguments);
  }

  /** A share from 0 to 1 as a percentage with one decimal: "66,7 %", "66.7%". */
  String percent(double share) {
    return say("percent", decimal(share * 100));
  }

  /** A number with one decimal: "3,6", "3.6". */
  String decimal(double value) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }

  /** A yyyy-mm-dd date in words ("14. marts 2026"), or the text as it is when it is no date. */
  String date(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return LocalDate.parse(iso).format(
          DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    } catch (DateTimeParseException e) {
      return theirs(iso);
    }
  }

  /** "Udarbejdet 12. juni 2026 kl. 12.00 (dansk tid)." */
  String generated(long at) {
    ZonedDateTime local = Instant.ofEpochMilli(at).atZone(ZONE);
    return say("generated",
        local.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
        local.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)));
  }

  String title(Report report) {
    return say("title", assemblyName(report));
  }

  String assemblyName(Report report) {
    return report.assemblyName() != null ? theirs(report.assemblyName()) : say("assembly.unnamed");
  }

  /** "Dag 1 — 14. marts 2026". */
  String sessionTitle(SessionReport session) {
    String name = session.name() != null ? theirs(session.name()) : say("session.unnamed");
    return session.date() == null ? name : say("session.title", name, date(session.date()));
  }

  String tableName(String tableName) {
    return tableName != null ? theirs(tableName) : say("table.unnamed");
  }

  String outcome(FinalVoteResult vote) {
    return vote == null ? say("outcome.notVoted")
        : vote.adopted() ? say("outcome.adopted") : say("outcome.notAdopted");
  }

  /** "24 af 36 deltagere (66,7 %) stemte for; grænsen var 66,7 %: vedtaget." */
  String finalSentence(FinalVoteResult vote) {
    return say("final.sentence", vote.support(), vote.electorate(), percent(vote.share()),
        percent(vote.threshold()), outcome(vote));
  }

  String finalCaption(FinalVoteResult vote) {
    return say("final.caption", number(vote.vote()));
  }

  /** "Vedtaget (12. juni 2026)." */
  String answer(org.tingsted.server.deliberation.Answer answer) {
    String status = answer.status() == null ? "" : say("answer.status." + answer.status().name());
    return answer.date() == null ? say("answer.undated", status)
        : say("answer.dated", status, date(answer.date()));
  }

  /** "Bord 1: forslag 3 «Grønne tage»" or "Bord 1: gruppe «Trafik»". */
  String source(Provenance source) {
    String table = tableName(source.tableName());
    return source.proposal() != null
        ? say("source.proposal", table, number(source.proposal()), theirs(source.title()))
        : say("source.cluster", table, theirs(source.title()));
  }

  /** "Forslag 3 «Grønne tage»", or "et skjult forslag". */
  String proposal(VoteItem proposal) {
    return proposal.title() == null ? capitalised(say("item.hidden"))
        : say("proposal", number(proposal.item()), theirs(proposal.title()));
  }

  /** "Afstemning 1 ved bordet (prikker, 5 stemmer): 10 prikker, nr. 1 af 3 (delt plads)". */
  String voteLine(TableVoteResult vote) {
    String method = vote.method() == null ? "" : say("method." + vote.method().name());
    return say("vote.line", number(vote.vote()), method, say("ballots", vote.ballots()),
        figures(vote));
  }

  /** The vote's full orders, for a ranking: one line by Schulze, one by Borda. */
  List<String> orders(TableVoteResult vote) {
    if (vote.ranking() == null) {
      return List.of();
    }
    return List.of(say("order.schulze", order(vote.ranking().schulze())),
        say("order.borda", order(vote.ranking().borda())));
  }

  /** The item's own figures in one line, e.g. "10 prikker, nr. 1 af 3 (delt plads)". */
  String figures(TableVoteResult vote) {
    if (vote.dots() != null) {
      DotsResult dots = vote.dots();
      return say("figures.dots", dots.dots(), dots.rank(), size(dots.order()),
          tied(dots.order(), dots.rank()));
    }
    if (vote.ranking() != null) {
      RankingResult ranking = vote.ranking();
      return say("figures.ranking", ranking.schulzeRank(),
          tied(ranking.schulze(), ranking.schulzeRank()), ranking.bordaRank(),
          tied(ranking.borda(), ranking.bordaRank()), ranking.bordaScore());
    }
    if (vote.scale() != null) {
      ScaleResult scale = vote.scale();
      List<String> counts = new ArrayList<>();
      for (int i = 0; i < scale.distribution().size(); i++) {
        counts.add((i + 1) + ": " + scale.distribution().get(i));
      }
      return say("figures.scale", decimal(scale.mean()), percent(scale.shareAgreeing()),
          scale.ratings(), String.join(", ", counts));
    }
    return "";
  }

  /** An order's groups, best first, tied items joined by " = ": "1. A = B; 2. C". */
  String order(List<List<VoteItem>> order) {
    List<String> places = new ArrayList<>();
    int place = 0;
    for (List<VoteItem> group : order) {
      List<String> names = new ArrayList<>();
      for (VoteItem item : group) {
        names.add(itemName(item));
      }
      places.add(++place + ". " + String.join(" = ", names));
    }
    return String.join("; ", places);
  }

  /** A vote item by its title, or what it is when it is not shown. */
  String itemName(VoteItem item) {
    if (item.title() != null) {
      return theirs(item.title());
    }
    return isCluster(item.item()) ? say("item.gone") : say("item.hidden");
  }

  /** The number in a model id ("p3" → "3", "f2" → "2"): what people saw at the table. */
  static String number(String id) {
    if (id == null) {
      return "";
    }
    int i = id.length();
    while (i > 0 && Character.isDigit(id.charAt(i - 1))) {
      i--;
    }
    return id.substring(i);
  }

  /** Clusters' ids start with "k" in the model, proposals' with "p". */
  private static boolean isCluster(String item) {
    return item != null && item.startsWith("k");
  }

  private static int size(List<List<VoteItem>> order) {
    int n = 0;
    for (List<VoteItem> group : order) {
      n += group.size();
    }
    return n;
  }

  private String tied(List<List<VoteItem>> order, int rank) {
    return rank >= 1 && rank <= order.size() && order.get(rank - 1).size() > 1
        ? say("tied") : "";
  }

  static String capitalised(String text) {
    return text == null || text.isEmpty() ? ""
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
