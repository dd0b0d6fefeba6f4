package org.tingsted.server.deliberation;

/**
 * The City Council's answer to one recommendation.
 *
 * @param text the Council's words, or null when only the status is known
 * @param date when the Council answered, as yyyy-mm-dd
 */
public record Answer(AnswerStatus status, String text, String date) {}
