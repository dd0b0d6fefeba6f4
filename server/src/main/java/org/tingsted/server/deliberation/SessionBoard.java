package org.tingsted.server.deliberation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session day's plenary: the draft recommendations, the final votes on them, the City
 * Council's answers and whether the report is published. The counters are how many drafts and
 * final votes were ever made, from which the next id is taken ("d3", "f2"); ids are never
 * reused, even after a draft is merged away.
 *
 * <p>Maps keep insertion order, which is the order things happened in.
 */
public record SessionBoard(
    String session,
    int draftsMade,
    int finalVotesOpened,
    Map<String, Draft> drafts,
    Map<String, FinalVote> finalVotes,
    boolean reportPublished) implements State {

  public SessionBoard {
    drafts = Frozen.map(drafts);
    finalVotes = Frozen.map(finalVotes);
  }

  /** A plenary in which nothing has happened yet. */
  public static SessionBoard empty(String session) {
    return new SessionBoard(session, 0, 0, Map.of(), Map.of(), false);
  }

  SessionBoard withDrafts(Map<String, Draft> next, int made) {
    return new SessionBoard(session, made, finalVotesOpened, next, finalVotes, reportPublished);
  }

  SessionBoard withDraft(Draft draft) {
    Map<String, Draft> next = new LinkedHashMap<>(drafts);
    next.put(draft.id(), draft);
    return withDrafts(next, draftsMade);
  }

  SessionBoard withFinalVotes(Map<String, FinalVote> next, int opened) {
    return new SessionBoard(session, draftsMade, opened, drafts, next, reportPublished);
  }

  SessionBoard withFinalVote(FinalVote vote) {
    Map<String, FinalVote> next = new LinkedHashMap<>(finalVotes);
    next.put(vote.id(), vote);
    return withFinalVotes(next, finalVotesOpened);
  }

  SessionBoard withReportPublished(boolean published) {
    return new SessionBoard(session, draftsMade, finalVotesOpened, drafts, finalVotes, published);
  }
}
