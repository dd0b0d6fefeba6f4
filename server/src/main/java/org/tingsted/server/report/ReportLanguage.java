package org.tingsted.server.report;

import java.util.Locale;

/**
 * The languages the human formats of the report (HTML, Markdown, the CSV's text columns) are
 * written in. Danish is the assembly's own language and the default; the JSON form is the same
 * in every language.
 */
public enum ReportLanguage {
  DANISH("da", Locale.forLanguageTag("da-DK")),
  ENGLISH("en", Locale.forLanguageTag("en-GB"));

  private final String code;
  private final Locale locale;

  ReportLanguage(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /** The language's code as in {@code ?lang=} and the page's {@code lang} attribute. */
  public String code() {
    return code;
  }

  Locale locale() {
    return locale;
  }

  /**
   * The language a code names ("da", "en", also "da-DK" or "EN"), Danish for null or blank.
   *
   * @throws IllegalArgumentException for a language the report is not written in
   */
  public static ReportLanguage of(String code) {
    if (code == null || code.isBlank()) {
      return DANISH;
    }
    String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    for (ReportLanguage language : values()) {
      if (language.code.equals(primary)) {
        return language;
      }
    }
    throw new IllegalArgumentException(
        "the report is written in Danish (da) or English (en), not '" + code + "'");
  }
}
