package org.tingsted.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Reading the CSV report back in tests, and finding where a spreadsheet would see a formula. */
public final class CsvRows {
  /** What starts a formula in a spreadsheet's cell: = + - @ a tab, and full-width = + - @. */
  public static final String FORMULA_STARTS = "=+-@\t\uFF1D\uFF0B\uFF0D\uFF20";

  private CsvRows() {}

  /** RFC 4180 read back: quoted fields may hold commas, doubled quotes and line breaks. */
  public static List<List<String>> parse(String csv) {
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

  /**
   * Where in a cell a spreadsheet could start a formula: the index of the first part (the cell,
   * or what follows a ';', a tab or a line break in it) that starts with one of {@link
   * #FORMULA_STARTS}, or with a CR at the cell's start; -1 when there is none.
   */
  public static int formulaAt(String cell) {
    if (cell.startsWith("\r")) {
      return 0;
    }
    for (int i = 0; i < cell.length(); i++) {
      if ((i == 0 || "\n\r;\t".indexOf(cell.charAt(i - 1)) >= 0)
          && FORMULA_STARTS.indexOf(cell.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
