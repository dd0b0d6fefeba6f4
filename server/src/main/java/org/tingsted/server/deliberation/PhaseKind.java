package org.tingsted.server.deliberation;

import java.util.Locale;

/**
 * What a phase of the session day is for. The phase decides which table actions are open to
 * members ({@link Phases}); facilitators may act in any phase.
 */
public enum PhaseKind {
  WELCOME,
  PROPOSE,
  DISCUSS,
  CLUSTER,
  RANK,
  PLENARY,
  REPORT,
  BREAK;

  /** The phase's name in plain words, as messages use it: "propose", "break". */
  String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
