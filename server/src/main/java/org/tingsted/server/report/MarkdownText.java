package org.tingsted.server.report;

/**
 * People's words made safe to put into the Markdown report: whatever they typed is read by a
 * CommonMark renderer (and by the common extensions: tables, strikethrough) as the text it is,
 * never as markup. Ordinary punctuation is left as it is, so that the Markdown still reads
 * naturally as plain text.
 *
 * <ul>
 *   <li>{@code <}, {@code >} and {@code &} become {@code &lt;}, {@code &gt;} and {@code &amp;}:
 *       no HTML tag, autolink, entity or block quote, in CommonMark or in an older Markdown that
 *       passes HTML through and knows no backslash before {@code <};
 *   <li>a backslash goes before {@code \ ` * _ [ ] | ~ #} wherever they stand: no code span,
 *       fence, emphasis, link, image, table cell, strikethrough, heading or hard line break;
 *   <li>at the start of each line, after its leading spaces and tabs are dropped (they would
 *       make an indented code block), a backslash goes before {@code - + =} and before the
 *       {@code .} or {@code )} after a number: no list item, thematic break or setext heading;
 *   <li>spaces and tabs at the end of a line are dropped too: no hard line break.
 * </ul>
 *
 * <p>Line breaks stay; the renderer decides what a line break inside a heading, an item or a
 * quote becomes.
 */
final class MarkdownText {
  private MarkdownText() {}

  /** The text, escaped as above; null becomes "". */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        trimEnd(out);
        out.append(c);
        lineStart = true;
        continue;
      }
      if (lineStart) {
        if (c == ' ' || c == '\t') {
          continue;
        }
        lineStart = false;
        if (c == '-' || c == '+' || c == '=') {
          out.append('\\').append(c);
          continue;
        }
        if (c >= '0' && c <= '9') {
          int end = i;
          while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
          }
          out.append(text, i, end);
          if (end < text.length() && (text.charAt(end) == '.' || text.charAt(end) == ')')) {
            out.append('\\').append(text.charAt(end));
            end++;
          }
          i = end - 1;
          continue;
        }
      }
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '|', '~', '#' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    trimEnd(out);
    return out.toString();
  }

  /** Drops the spaces and tabs at the end of the last line written. */
  private static void trimEnd(StringBuilder out) {
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
      end--;
    }
    out.setLength(end);
  }
}
