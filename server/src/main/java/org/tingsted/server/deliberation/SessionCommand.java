package org.tingsted.server.deliberation;

import java.util.List;
import java.util.Map;

/**
 * Something a person asks of a session's plenary. Commands come from clients, so any field may
 * be missing (null); {@link Plenary#decide} answers that with a rejection rather than an
 * exception.
 */
public sealed interface SessionCommand extends Command {

  /**
   * Make a draft recommendation from table results. The server fills each source's title and
   * text from the table's board before the command is decided.
   */
  record PromoteDraft(List<Source> sources, String title, String text) implements SessionCommand {
    public PromoteDraft {
      sources = Frozen.listOrNull(sources);
    }
  }

  /**
   * Change a draft's title and/or text; null keeps the current value. {@code version} is the
   * version the lead facilitator was looking at, so that an edit made on an outdated copy is
   * refused.
   */
  record EditDraft(String draft, int version, String title, String text)
      implements SessionCommand {}

  /**
   * Fold draft {@code from} into draft {@code into}: {@code into} takes on {@code from}'s sources
   * and, when given, a new title and text; {@code from} stays listed as merged.
   */
  record MergeDrafts(String from, String into, String title, String text)
      implements SessionCommand {}

  /** Take a draft off the plenary's list, with a reason everyone can read. */
  record WithdrawDraft(String draft, String reason) implements SessionCommand {}

  /**
   * Open the final vote on these drafts, in this order. A draft is adopted when the share of the
   * {@code electorate} supporting it reaches {@code threshold} (e.g. 0.6667 for two thirds).
   */
  record OpenFinalVote(List<String> drafts, double threshold, int electorate)
      implements SessionCommand {
    public OpenFinalVote {
      drafts = Frozen.listOrNull(drafts);
    }
  }

  /**
   * Mark some or all of the vote's drafts; casting again while the vote is open replaces the
   * member's earlier ballot.
   */
  record CastFinalBallot(String vote, Map<String, Choice> choices) implements SessionCommand {
    public CastFinalBallot {
      choices = Frozen.mapOrNull(choices);
    }
  }

  /** Close a final vote and count it. */
  record CloseFinalVote(String vote) implements SessionCommand {}

  /**
   * Record (or correct) the City Council's answer to a draft recommendation.
   *
   * @param text the Council's words, or null
   * @param date yyyy-mm-dd
   */
  record RecordAnswer(String draft, AnswerStatus status, String text, String date)
      implements SessionCommand {}

  /** Publish the session's report. */
  record PublishReport() implements SessionCommand {}

  /** Take the session's report down again. */
  record UnpublishReport() implements SessionCommand {}
}
