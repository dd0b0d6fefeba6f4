package org.tingsted.server.deliberation;

/**
 * Checks calendar dates written yyyy-mm-dd by hand, since the model may use only java.lang and
 * java.util: ASCII digits only, years 0001 to 9999, months 1 to 12, and days that exist in that
 * month of that year (the Gregorian leap years: every fourth year, but not every hundredth,
 * unless every four hundredth).
 */
final class IsoDate {
  private IsoDate() {}

  static boolean valid(String date) {
    if (date == null || date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
      return false;
    }
    int year = number(date, 0, 4);
    int month = number(date, 5, 7);
    int day = number(date, 8, 10);
    if (year < 1 || month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= daysIn(year, month);
  }

  private static int daysIn(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The decimal number in {@code text[from, to)}, or -1 when it holds anything but 0–9. */
  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
