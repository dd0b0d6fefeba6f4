package org.tingsted.server.deliberation;

/** A member's mark for one draft recommendation in a final vote. */
public enum Choice {
  SUPPORT,
  OPPOSE,
  ABSTAIN
}
