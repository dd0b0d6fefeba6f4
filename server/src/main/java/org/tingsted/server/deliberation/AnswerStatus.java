package org.tingsted.server.deliberation;

/** What the City Council did with a recommendation. */
public enum AnswerStatus {
  ADOPTED,
  PARTLY_ADOPTED,
  REJECTED,
  UNDER_CONSIDERATION
}
