package org.tingsted.server.roster;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an assembly knows of one person beyond the display name the table sees: their legal
 * name, how to reach them (contact: email, phone, address …) and the strata they were selected
 * on (demographics: age band, gender, education, district …), as free keys and values.
 *
 * <p>Kept apart from everything a session produces: in its own Hazelcast map and journal
 * documents, never in an event, a snapshot, presence, a report or the audit export; read and
 * written only through the admin API.
 *
 * @param updated when it was last set, in ms since the epoch
 */
public record PersonalData(String assembly, String member, String legalName, Map<String, String> contact,
                           Map<String, String> demographics, long updated) {

  /** The most keys of contact or of demographics. */
  public static final int ENTRIES_MAX = 32;
  /** The longest key. */
  public static final int KEY_MAX = 64;
  /** The longest value, and the longest legal name. */
  public static final int VALUE_MAX = 500;

  public PersonalData {
    contact = contact == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(contact));
    demographics = demographics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(demographics));
  }

  /**
   * Checks what an administrator gave; a null or blank value is refused rather than kept, so
   * that nothing empty passes for data.
   */
  public static void check(String legalName, Map<String, String> contact, Map<String, String> demographics) {
    if (legalName != null && (legalName.isBlank() || legalName.codePointCount(0, legalName.length()) > VALUE_MAX)) {
      throw new RosterException.Invalid("legalName must be 1 to " + VALUE_MAX + " characters");
    }
    checkEntries("contact", contact);
    checkEntries("demographics", demographics);
  }

  private static void checkEntries(String what, Map<String, String> entries) {
    if (entries == null) {
      return;
    }
    if (entries.size() > ENTRIES_MAX) {
      throw new RosterException.Invalid(what + " has more than " + ENTRIES_MAX + " entries");
    }
    entries.forEach((key, value) -> {
      if (key == null || key.isBlank() || key.codePointCount(0, key.length()) > KEY_MAX) {
        throw new RosterException.Invalid("each key of " + what + " must be 1 to " + KEY_MAX + " characters");
      }
      if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > VALUE_MAX) {
        throw new RosterException.Invalid("the value of " + what + "." + key + " must be 1 to " + VALUE_MAX + " characters");
      }
    });
  }

  /** The key of a person's record in the map and the journal: {@code <assembly>/<member>}. */
  static String key(String assembly, String member) {
    return assembly + "/" + member;
  }
}
