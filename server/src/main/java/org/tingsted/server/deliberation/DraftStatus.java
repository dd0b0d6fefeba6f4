package org.tingsted.server.deliberation;

/** Where a draft recommendation stands in the plenary. */
public enum DraftStatus {
  /** Being worked on or voted on. */
  OPEN,
  /** Merged into another draft, named by {@link Draft#mergedInto()}; kept for its history. */
  MERGED,
  /** Taken off the plenary's list by the lead facilitator, with a reason. */
  WITHDRAWN
}
