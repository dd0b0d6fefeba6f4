package org.tingsted.server.deliberation;

import java.util.List;

/**
 * A session-wide draft recommendation, made by the lead facilitator from table results.
 *
 * @param version 1 when promoted, one more with each edit and with each draft merged into it
 * @param sources the tables' proposals and clusters it grew from, oldest first; merging appends
 *     the merged draft's sources
 * @param mergedInto when {@link DraftStatus#MERGED}, the draft it went into (which may itself
 *     have been merged on since); null otherwise
 * @param withdrawnReason when {@link DraftStatus#WITHDRAWN}, why; null otherwise
 * @param answer the City Council's answer, or null until one is recorded
 */
public record Draft(
    String id,
    String title,
    String text,
    int version,
    List<Source> sources,
    DraftStatus status,
    String mergedInto,
    String withdrawnReason,
    Answer answer) {

  public Draft {
    sources = Frozen.list(sources);
  }

  Draft edited(int newVersion, String newTitle, String newText) {
    return new Draft(id, newTitle, newText, newVersion, sources, status, mergedInto,
        withdrawnReason, answer);
  }

  Draft absorbed(String newTitle, String newText, List<Source> newSources) {
    return new Draft(id, newTitle, newText, version + 1, newSources, status, mergedInto,
        withdrawnReason, answer);
  }

  Draft asMergedInto(String into) {
    return new Draft(id, title, text, version, sources, DraftStatus.MERGED, into, null, answer);
  }

  Draft asWithdrawn(String reason) {
    return new Draft(id, title, text, version, sources, DraftStatus.WITHDRAWN, null, reason,
        answer);
  }

  Draft withAnswer(Answer newAnswer) {
    return new Draft(id, title, text, version, sources, status, mergedInto, withdrawnReason,
        newAnswer);
  }
}
