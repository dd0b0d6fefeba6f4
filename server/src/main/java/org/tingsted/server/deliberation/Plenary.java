package org.tingsted.server.deliberation;

import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;
import static org.tingsted.server.deliberation.Rules.accept;
import static org.tingsted.server.deliberation.Rules.alreadyClosed;
import static org.tingsted.server.deliberation.Rules.blank;
import static org.tingsted.server.deliberation.Rules.editedWords;
import static org.tingsted.server.deliberation.Rules.incomplete;
import static org.tingsted.server.deliberation.Rules.listEntry;
import static org.tingsted.server.deliberation.Rules.mergeEnds;
import static org.tingsted.server.deliberation.Rules.newWords;
import static org.tingsted.server.deliberation.Rules.notFound;
import static org.tingsted.server.deliberation.Rules.outdated;
import static org.tingsted.server.deliberation.Rules.reject;
import static org.tingsted.server.deliberation.Rules.text;
import static org.tingsted.server.deliberation.Rules.tooLong;
import static org.tingsted.server.deliberation.Rules.tooManyItems;
import static org.tingsted.server.deliberation.Rules.unknownCommand;
import static org.tingsted.server.deliberation.Rules.votingClosed;
import static org.tingsted.server.deliberation.Rules.words;

import org.tingsted.protocol.Limits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.SessionCommand.CastFinalBallot;
import org.tingsted.server.deliberation.SessionCommand.CloseFinalVote;
import org.tingsted.server.deliberation.SessionCommand.EditDraft;
import org.tingsted.server.deliberation.SessionCommand.MergeDrafts;
import org.tingsted.server.deliberation.SessionCommand.OpenFinalVote;
import org.tingsted.server.deliberation.SessionCommand.PromoteDraft;
import org.tingsted.server.deliberation.SessionCommand.PublishReport;
import org.tingsted.server.deliberation.SessionCommand.RecordAnswer;
import org.tingsted.server.deliberation.SessionCommand.UnpublishReport;
import org.tingsted.server.deliberation.SessionCommand.WithdrawDraft;
import org.tingsted.server.deliberation.SessionEvent.Announced;
import org.tingsted.server.deliberation.SessionEvent.AnswerRecorded;
import org.tingsted.server.deliberation.SessionEvent.DraftEdited;
import org.tingsted.server.deliberation.SessionEvent.DraftPromoted;
import org.tingsted.server.deliberation.SessionEvent.DraftWithdrawn;
import org.tingsted.server.deliberation.SessionEvent.DraftsMerged;
import org.tingsted.server.deliberation.SessionEvent.FinalBallotCast;
import org.tingsted.server.deliberation.SessionEvent.FinalVoteClosed;
import org.tingsted.server.deliberation.SessionEvent.FinalVoteOpened;
import org.tingsted.server.deliberation.SessionEvent.ReportPublished;
import org.tingsted.server.deliberation.SessionEvent.ReportUnpublished;

/**
 * The rules of a session's stream: {@link #decide} checks a command against the session's board
 * and the actor and says which events it causes; {@link #evolve} applies one event; {@link
 * #boardFor} and {@link #eventFor} say what each viewer may see. This class keeps the plenary's
 * own rules (drafts, final votes, answers, the report); the rules of the day (agenda, phases,
 * timers, announcements, moving members) live in {@code Day}, to which both hand on.
 *
 * <p>Who may do what:
 *
 * <ul>
 *   <li>Only the lead facilitator promotes, edits, merges and withdraws drafts and opens and
 *       closes final votes.
 *   <li>Only members vote.
 *   <li>The lead facilitator or an administrator records the City Council's answers and publishes
 *       or unpublishes the report.
 *   <li>Table facilitators and observers may do none of this; for what a table facilitator may do
 *       on the day (their table's phase and timers) see {@code Day}.
 * </ul>
 *
 * <p>Decisions that the commands alone do not settle:
 *
 * <ul>
 *   <li>A draft on the ballot of an open final vote cannot be edited, merged (either way) or
 *       withdrawn: members are voting on its words. A draft adopted by the latest closed final
 *       vote that listed it is frozen for the same reason, since the report sends the City
 *       Council what the assembly voted for. A draft that was not adopted may be revised and put
 *       to a later vote. A draft the City Council has answered is frozen likewise, so that the
 *       answer always stands next to the words it answers.
 *   <li>Sources are the same when they name the same proposal or cluster of the same table; a
 *       merge appends only those sources of the merged draft that {@code into} does not have yet.
 *   <li>A ballot may leave drafts unmarked; an unmarked draft counts as not supported, like an
 *       abstention, but is counted in none of support, oppose and abstain.
 *   <li>A final vote takes at most as many ballots as its electorate: once every member entitled
 *       has voted, a ballot from someone new is refused (members may still change theirs), so that
 *       no share can exceed 1 because the electorate was given too low.
 *   <li>Answers may be replaced (the Council's "under consideration" becomes "adopted"), and may be
 *       recorded for withdrawn drafts, but not for merged ones: those are answered through the
 *       draft they went into.
 *   <li>Texts are stored stripped of surrounding whitespace; an empty answer text is stored as
 *       null.
 * </ul>
 *
 * <p>{@code decide} never throws and never changes anything: every problem with a command,
 * including missing fields, is answered with a {@link Rejection}.
 */
public final class Plenary {

  /**
   * How far a share may fall below the threshold and still meet it: half a unit in the fourth
   * decimal. A threshold is typically written rounded (0.6667 for two thirds), so it stands for
   * every fraction that rounds to it: 24 of 36 members (0.66666…) meet 0.6667 and 2.0 / 3, while
   * 23 of 36 (0.6389) do not. For electorates below 10,000 no share can fall inside the tolerance
   * without being the fraction the rounded threshold stands for.
   */
  public static final double THRESHOLD_TOLERANCE = 0.00005;

  /** Longest text of a City Council answer. */
  public static final int ANSWER_TEXT = 5000;

  /** Most items an agenda may have. */
  public static final int AGENDA_ITEMS = 50;

  /** Longest a timer may run, and an agenda item be planned, in seconds: a day. */
  public static final int TIMER_SECONDS = 86_400;

  /** Most tables one announcement may name. */
  public static final int ANNOUNCEMENT_TABLES = 100;

  private Plenary() {}

  /** Checks a command and returns the events it causes, or why it is refused. */
  public static Decision<SessionEvent> decide(
      SessionBoard board, SessionCommand command, Actor actor) {
    Decision<SessionEvent> incomplete = incomplete(board, "session", command, actor);
    if (incomplete != null) {
      return incomplete;
    }
    if (command instanceof PromoteDraft c) {
      return promote(board, c, actor);
    } else if (command instanceof EditDraft c) {
      return edit(board, c, actor);
    } else if (command instanceof MergeDrafts c) {
      return merge(board, c, actor);
    } else if (command instanceof WithdrawDraft c) {
      return withdraw(board, c, actor);
    } else if (command instanceof OpenFinalVote c) {
      return openVote(board, c, actor);
    } else if (command instanceof CastFinalBallot c) {
      return castBallot(board, c, actor);
    } else if (command instanceof CloseFinalVote c) {
      return closeVote(board, c, actor);
    } else if (command instanceof RecordAnswer c) {
      return recordAnswer(board, c, actor);
    } else if (command instanceof PublishReport) {
      return publish(board, true, actor);
    } else if (command instanceof UnpublishReport) {
      return publish(board, false, actor);
    }
    Decision<SessionEvent> day = Day.decide(board, command, actor);
    return day != null ? day : unknownCommand(command);
  }

  private static Decision<SessionEvent> promote(
      SessionBoard board, PromoteDraft c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "promote a draft recommendation");
    if (forbidden != null) {
      return forbidden;
    }
    Rejection wrong = words(c.title(), c.text(), "draft text");
    if (wrong == null) {
      wrong = sources(c.sources());
    }
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    List<Source> sources = new ArrayList<>();
    for (Source source : c.sources()) {
      sources.add(source.stripped());
    }
    String id = "d" + (board.draftsMade() + 1);
    return accept(new DraftPromoted(id, c.title().strip(), c.text().strip(), sources));
  }

  private static Rejection sources(List<Source> sources) {
    if (sources == null || sources.isEmpty()) {
      return new Rejection(INVALID,
          "a draft recommendation needs at least one source: a table's proposal or cluster");
    }
    if (sources.size() > Limits.VOTE_ITEMS) {
      return new Rejection(TOO_LARGE, "a draft may name at most " + Limits.VOTE_ITEMS
          + " sources, not " + sources.size());
    }
    for (int i = 0; i < sources.size(); i++) {
      Source source = sources.get(i);
      if (source == null) {
        return new Rejection(INVALID, "the list of sources has an empty entry");
      }
      if (blank(source.table())) {
        return new Rejection(INVALID, "say which table source " + (i + 1) + " comes from");
      }
      if ((source.proposal() == null) == (source.cluster() == null)
          || blank(source.proposal() == null ? source.cluster() : source.proposal())) {
        return new Rejection(INVALID, "source " + (i + 1)
            + " must name either a proposal or a cluster of table " + source.table());
      }
      // The text is not limited here: the server copies it from the table's board, where each
      // part was already limited, and a cluster's text (its proposals' titles and texts) may be long.
      Rejection wrong = text("title of source " + (i + 1), source.title(), Limits.TITLE);
      if (wrong != null) {
        return wrong;
      }
      for (int j = 0; j < i; j++) {
        if (sources.get(j).sameOrigin(source)) {
          return new Rejection(INVALID, "source " + (i + 1) + " is listed twice");
        }
      }
    }
    return null;
  }

  private static Decision<SessionEvent> edit(SessionBoard board, EditDraft c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "edit a draft recommendation");
    if (forbidden != null) {
      return forbidden;
    }
    if (c.draft() == null) {
      return reject(INVALID, "say which draft to edit");
    }
    Rejection wrong = editedWords(c.title(), c.text(), "draft text");
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    Draft draft = board.drafts().get(c.draft());
    if (draft == null) {
      return notFound("draft", c.draft());
    }
    Decision<SessionEvent> frozen = changeable(board, draft, "edited");
    if (frozen != null) {
      return frozen;
    }
    if (c.version() != draft.version()) {
      return outdated("draft", draft.id(), draft.version(), c.version());
    }
    return accept(new DraftEdited(draft.id(), draft.version() + 1,
        c.title() == null ? draft.title() : c.title().strip(),
        c.text() == null ? draft.text() : c.text().strip()));
  }

  private static Decision<SessionEvent> merge(SessionBoard board, MergeDrafts c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "merge draft recommendations");
    if (forbidden != null) {
      return forbidden;
    }
    Decision<SessionEvent> ends = mergeEnds("draft", c.from(), c.into());
    if (ends != null) {
      return ends;
    }
    Rejection wrong = newWords(c.title(), c.text(), "draft text");
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    Draft from = board.drafts().get(c.from());
    if (from == null) {
      return notFound("draft", c.from());
    }
    Draft into = board.drafts().get(c.into());
    if (into == null) {
      return notFound("draft", c.into());
    }
    Decision<SessionEvent> frozen = changeable(board, from, "merged");
    if (frozen == null) {
      frozen = changeable(board, into, "merged into");
    }
    if (frozen != null) {
      return frozen;
    }
    List<Source> sources = new ArrayList<>(into.sources());
    for (Source source : from.sources()) {
      if (sources.stream().noneMatch(source::sameOrigin)) {
        sources.add(source);
      }
    }
    return accept(new DraftsMerged(from.id(), into.id(),
        c.title() == null ? into.title() : c.title().strip(),
        c.text() == null ? into.text() : c.text().strip(), sources));
  }

  private static Decision<SessionEvent> withdraw(
      SessionBoard board, WithdrawDraft c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "withdraw a draft recommendation");
    if (forbidden != null) {
      return forbidden;
    }
    if (c.draft() == null) {
      return reject(INVALID, "say which draft to withdraw");
    }
    Rejection wrong = text("reason", c.reason(), Limits.REASON);
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    Draft draft = board.drafts().get(c.draft());
    if (draft == null) {
      return notFound("draft", c.draft());
    }
    Decision<SessionEvent> frozen = changeable(board, draft, "withdrawn");
    return frozen != null ? frozen : accept(new DraftWithdrawn(draft.id(), c.reason().strip()));
  }

  private static Decision<SessionEvent> openVote(
      SessionBoard board, OpenFinalVote c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "open the final vote");
    if (forbidden != null) {
      return forbidden;
    }
    if (c.drafts() == null || c.drafts().isEmpty()) {
      return reject(INVALID, "a final vote needs at least one draft");
    }
    Decision<SessionEvent> tooMany = tooManyItems("final vote", "drafts", c.drafts().size());
    if (tooMany != null) {
      return tooMany;
    }
    if (!(c.threshold() > 0 && c.threshold() <= 1)) {
      return reject(INVALID, "the threshold is a share above 0 and at most 1, such as 0.6667 for"
          + " two thirds, not " + c.threshold());
    }
    if (c.electorate() < 1) {
      return reject(INVALID, "the electorate is how many members may vote, at least 1, not "
          + c.electorate());
    }
    Set<String> seen = new HashSet<>();
    for (String id : c.drafts()) {
      Rejection entry = listEntry("drafts", seen, id, "draft");
      if (entry != null) {
        return new Rejected<>(entry);
      }
    }
    for (String id : c.drafts()) {
      Draft draft = board.drafts().get(id);
      if (draft == null) {
        return notFound("draft", id);
      }
      if (draft.status() != DraftStatus.OPEN) {
        return reject(CONFLICT, notOpen(draft) + " and cannot be put to a vote");
      }
    }
    FinalVote open = openVote(board);
    if (open != null) {
      return reject(CONFLICT, "final vote " + open.id() + " is still open; close it first");
    }
    String id = "f" + (board.finalVotesOpened() + 1);
    return accept(new FinalVoteOpened(id, c.drafts(), c.threshold(), c.electorate()));
  }

  private static Decision<SessionEvent> castBallot(
      SessionBoard board, CastFinalBallot c, Actor actor) {
    if (actor.role() != Role.MEMBER) {
      return reject(FORBIDDEN, "only members vote; " + plural(actor.role()) + " do not");
    }
    if (c.vote() == null) {
      return reject(INVALID, "say which final vote the ballot is for");
    }
    if (c.choices() == null || c.choices().isEmpty()) {
      return reject(INVALID, "the ballot must mark at least one draft");
    }
    FinalVote vote = board.finalVotes().get(c.vote());
    if (vote == null) {
      return notFound("final vote", c.vote());
    }
    if (vote.status() == VoteStatus.CLOSED) {
      return votingClosed("final vote", vote.id());
    }
    for (Map.Entry<String, Choice> choice : c.choices().entrySet()) {
      if (choice.getKey() == null) {
        return reject(INVALID, "the ballot has an empty draft");
      }
      if (!vote.drafts().contains(choice.getKey())) {
        return reject(INVALID, "draft " + choice.getKey() + " is not on the ballot of final vote "
            + vote.id());
      }
      if (choice.getValue() == null) {
        return reject(INVALID, "say support, oppose or abstain for draft " + choice.getKey());
      }
    }
    boolean first = !vote.ballots().containsKey(actor.member());
    if (first && vote.ballots().size() >= vote.electorate()) {
      return reject(CONFLICT, "final vote " + vote.id() + " was opened for an electorate of "
          + vote.electorate() + ", and " + vote.ballots().size() + " members have voted");
    }
    Map<String, Choice> inOrder = new LinkedHashMap<>();
    for (String draft : vote.drafts()) {
      if (c.choices().containsKey(draft)) {
        inOrder.put(draft, c.choices().get(draft));
      }
    }
    int ballots = vote.ballots().size() + (first ? 1 : 0);
    return accept(new FinalBallotCast(vote.id(), actor.member(), inOrder, ballots));
  }

  private static Decision<SessionEvent> closeVote(
      SessionBoard board, CloseFinalVote c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOnly(actor, "close the final vote");
    if (forbidden != null) {
      return forbidden;
    }
    if (c.vote() == null) {
      return reject(INVALID, "say which final vote to close");
    }
    FinalVote vote = board.finalVotes().get(c.vote());
    if (vote == null) {
      return notFound("final vote", c.vote());
    }
    if (vote.status() == VoteStatus.CLOSED) {
      return alreadyClosed("final vote", vote.id());
    }
    return accept(new FinalVoteClosed(vote.id(), count(vote)));
  }

  /** Whether a share of the electorate meets a threshold, within {@link #THRESHOLD_TOLERANCE}. */
  public static boolean meets(double share, double threshold) {
    return share >= threshold - THRESHOLD_TOLERANCE;
  }

  private static FinalResult count(FinalVote vote) {
    List<DraftSupport> drafts = new ArrayList<>();
    for (String draft : vote.drafts()) {
      int support = 0;
      int oppose = 0;
      int abstain = 0;
      for (Map<String, Choice> ballot : vote.ballots().values()) {
        Choice choice = ballot.get(draft);
        if (choice == Choice.SUPPORT) {
          support++;
        } else if (choice == Choice.OPPOSE) {
          oppose++;
        } else if (choice == Choice.ABSTAIN) {
          abstain++;
        }
      }
      double share = (double) support / vote.electorate();
      drafts.add(new DraftSupport(
          draft, support, oppose, abstain, share, meets(share, vote.threshold())));
    }
    return new FinalResult(vote.electorate(), vote.ballots().size(), vote.threshold(), drafts);
  }

  private static Decision<SessionEvent> recordAnswer(
      SessionBoard board, RecordAnswer c, Actor actor) {
    Decision<SessionEvent> forbidden = leadOrAdministrator(actor, "record the Council's answer");
    if (forbidden != null) {
      return forbidden;
    }
    if (c.draft() == null) {
      return reject(INVALID, "say which draft the answer is for");
    }
    if (c.status() == null) {
      return reject(INVALID,
          "say whether the Council adopted, partly adopted, rejected or is still considering it");
    }
    Rejection wrong = tooLong("answer", c.text(), ANSWER_TEXT);
    if (wrong != null) {
      return new Rejected<>(wrong);
    }
    if (!IsoDate.valid(c.date())) {
      return reject(INVALID, "the date of the answer must be a real date written yyyy-mm-dd, "
          + "such as 2026-03-14, not " + c.date());
    }
    Draft draft = board.drafts().get(c.draft());
    if (draft == null) {
      return notFound("draft", c.draft());
    }
    if (draft.status() == DraftStatus.MERGED) {
      return reject(CONFLICT, "draft " + draft.id() + " was merged into " + draft.mergedInto()
          + "; record the answer there");
    }
    String text = c.text() == null || c.text().isBlank() ? null : c.text().strip();
    return accept(new AnswerRecorded(draft.id(), c.status(), text, c.date()));
  }

  private static Decision<SessionEvent> publish(
      SessionBoard board, boolean publish, Actor actor) {
    Decision<SessionEvent> forbidden =
        leadOrAdministrator(actor, publish ? "publish the report" : "unpublish the report");
    if (forbidden != null) {
      return forbidden;
    }
    if (board.reportPublished() == publish) {
      return reject(CONFLICT,
          publish ? "the report is already published" : "the report is not published");
    }
    return accept(publish ? new ReportPublished() : new ReportUnpublished());
  }

  /**
   * Why a draft may not change now, as a rejection, or null when it may: it must be open, not
   * answered by the Council, not on the ballot of an open final vote, and not adopted by the
   * latest closed vote that listed it.
   */
  private static Decision<SessionEvent> changeable(
      SessionBoard board, Draft draft, String verb) {
    if (draft.status() != DraftStatus.OPEN) {
      return reject(CONFLICT, notOpen(draft) + " and cannot be " + verb);
    }
    if (draft.answer() != null) {
      return reject(CONFLICT, "the City Council has answered draft " + draft.id()
          + ", so it cannot be " + verb + ": it stays as the Council read it");
    }
    FinalVote latest = null;
    for (FinalVote vote : board.finalVotes().values()) {
      if (!vote.drafts().contains(draft.id())) {
        continue;
      }
      if (vote.status() == VoteStatus.OPEN) {
        return reject(CONFLICT, "draft " + draft.id() + " is on the ballot of open final vote "
            + vote.id() + " and cannot be " + verb);
      }
      latest = vote;
    }
    if (latest != null && adopted(latest.result(), draft.id())) {
      return reject(CONFLICT, "draft " + draft.id() + " was adopted in final vote " + latest.id()
          + " and cannot be " + verb + ": it stays as the assembly voted for it");
    }
    return null;
  }

  private static boolean adopted(FinalResult result, String draft) {
    for (DraftSupport support : result.drafts()) {
      if (support.draft().equals(draft)) {
        return support.adopted();
      }
    }
    return false;
  }

  private static String notOpen(Draft draft) {
    return draft.status() == DraftStatus.MERGED
        ? "draft " + draft.id() + " was merged into " + draft.mergedInto()
        : "draft " + draft.id() + " is withdrawn";
  }

  private static FinalVote openVote(SessionBoard board) {
    for (FinalVote vote : board.finalVotes().values()) {
      if (vote.status() == VoteStatus.OPEN) {
        return vote;
      }
    }
    return null;
  }

  private static Decision<SessionEvent> leadOnly(Actor actor, String what) {
    return actor.role() == Role.LEAD_FACILITATOR
        ? null
        : reject(FORBIDDEN, "only the lead facilitator may " + what);
  }

  private static Decision<SessionEvent> leadOrAdministrator(Actor actor, String what) {
    return actor.role() == Role.LEAD_FACILITATOR || actor.role() == Role.ADMINISTRATOR
        ? null
        : reject(FORBIDDEN, "only the lead facilitator or an administrator may " + what);
  }

  private static String plural(Role role) {
    switch (role) {
      case FACILITATOR:
      case LEAD_FACILITATOR:
        return "facilitators run the vote and";
      case OBSERVER:
        return "observers";
      default:
        return "administrators";
    }
  }

  /**
   * Applies one event to the session's board. Events are trusted to come from {@link #decide} on
   * the same history; an event that does not fit the board is a corrupt journal and throws
   * IllegalArgumentException.
   */
  public static SessionBoard evolve(SessionBoard board, SessionEvent event) {
    if (event instanceof DraftPromoted e) {
      Map<String, Draft> next = new LinkedHashMap<>(board.drafts());
      next.put(e.draft(), new Draft(e.draft(), e.title(), e.text(), 1, e.sources(),
          DraftStatus.OPEN, null, null, null));
      return board.withDrafts(next, board.draftsMade() + 1);
    } else if (event instanceof DraftEdited e) {
      return board.withDraft(draft(board, e.draft()).edited(e.version(), e.title(), e.text()));
    } else if (event instanceof DraftsMerged e) {
      Draft into = draft(board, e.into());
      return board.withDraft(draft(board, e.from()).asMergedInto(into.id()))
          .withDraft(into.absorbed(e.title(), e.text(), e.sources()));
    } else if (event instanceof DraftWithdrawn e) {
      return board.withDraft(draft(board, e.draft()).asWithdrawn(e.reason()));
    } else if (event instanceof FinalVoteOpened e) {
      Map<String, FinalVote> next = new LinkedHashMap<>(board.finalVotes());
      next.put(e.vote(), new FinalVote(e.vote(), e.drafts(), e.threshold(), e.electorate(),
          VoteStatus.OPEN, Map.of(), 0, null));
      return board.withFinalVotes(next, board.finalVotesOpened() + 1);
    } else if (event instanceof FinalBallotCast e) {
      FinalVote vote = vote(board, e.vote());
      Map<String, Map<String, Choice>> ballots = new LinkedHashMap<>(vote.ballots());
      ballots.put(e.voter(), e.choices());
      // The count the event says, as for a table's ballots (Table.evolve).
      return board.withFinalVote(vote.withBallots(ballots, e.ballots()));
    } else if (event instanceof FinalVoteClosed e) {
      return board.withFinalVote(vote(board, e.vote()).closed(e.result()));
    } else if (event instanceof AnswerRecorded e) {
      return board.withDraft(
          draft(board, e.draft()).withAnswer(new Answer(e.status(), e.text(), e.date())));
    } else if (event instanceof ReportPublished) {
      return board.withReportPublished(true);
    } else if (event instanceof ReportUnpublished) {
      return board.withReportPublished(false);
    }
    SessionBoard day = event == null ? null : Day.evolve(board, event);
    if (day == null) {
      throw new IllegalArgumentException("unknown event " + event);
    }
    return day;
  }

  /**
   * The board as this viewer may see it: while a final vote is open, each viewer sees only their
   * own ballot, and everyone, facilitators included, sees how many members have voted. Once a
   * vote is closed its ballots are shown to all. An announcement for some tables is shown only
   * at those tables, and to the lead facilitator, administrators and observers of the whole
   * session. Everything else in the session is public to it.
   */
  public static SessionBoard boardFor(SessionBoard board, Actor viewer) {
    String me = viewer == null ? null : viewer.member();
    Map<String, FinalVote> votes = new LinkedHashMap<>();
    for (FinalVote vote : board.finalVotes().values()) {
      if (vote.status() == VoteStatus.OPEN) {
        Map<String, Map<String, Choice>> own = new LinkedHashMap<>();
        if (me != null && vote.ballots().containsKey(me)) {
          own.put(me, vote.ballots().get(me));
        }
        vote = vote.withBallots(own, vote.ballotCount());
      }
      votes.put(vote.id(), vote);
    }
    List<Announcement> announcements = new ArrayList<>();
    for (Announcement announcement : board.announcements()) {
      if (Day.sees(viewer, announcement.tables())) {
        announcements.add(announcement);
      }
    }
    return board.withFinalVotes(votes, board.finalVotesOpened())
        .withAnnouncements(announcements, board.announcementsMade());
  }

  /**
   * The event as this viewer may see it, or null when they may not see it at all: another
   * member's ballot arrives without voter and choices, as a new count only, and an announcement
   * for some tables reaches only those who see it on the board ({@link #boardFor}). Every other
   * event is seen by everyone as it is.
   *
   * @param before the full board the event applies to; unused today, and there so that the
   *     streams treat tables and sessions alike
   */
  public static SessionEvent eventFor(SessionBoard before, SessionEvent event, Actor viewer) {
    if (event instanceof FinalBallotCast e
        && (viewer == null || !Objects.equals(e.voter(), viewer.member()))) {
      return new FinalBallotCast(e.vote(), null, null, e.ballots());
    }
    if (event instanceof Announced e && !Day.sees(viewer, e.tables())) {
      return null;
    }
    return event;
  }

  private static Draft draft(SessionBoard board, String id) {
    Draft draft = board.drafts().get(id);
    if (draft == null) {
      throw new IllegalArgumentException("no draft " + id + " in session " + board.session());
    }
    return draft;
  }

  private static FinalVote vote(SessionBoard board, String id) {
    FinalVote vote = board.finalVotes().get(id);
    if (vote == null) {
      throw new IllegalArgumentException(
          "no final vote " + id + " in session " + board.session());
    }
    return vote;
  }
}
