package org.tingsted.server.deliberation;

import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.NOT_FOUND;
import static org.tingsted.server.deliberation.Rejection.Reason.PHASE_CLOSED;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.tingsted.protocol.Limits;
import java.util.List;
import java.util.Set;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Decision.Rejected;

/**
 * The rules that a table ({@link Table}) and the plenary ({@link Plenary}) share, so that each
 * is written, and worded, once: what every command needs, how texts, lists of ids, edits,
 * merges and votes are checked, and how a decision is put.
 *
 * <p>Each check answers null when all is well; a check that answers a {@link Rejection} is one
 * that its callers combine with others before refusing.
 */
final class Rules {
  private Rules() {}

  /** Why {@code decide} cannot even look at the command: no board, no command or no actor. */
  static <E extends Event> Decision<E> incomplete(
      Object board, String boardName, Command command, Actor actor) {
    if (board == null) {
      return reject(INVALID, "there is no " + boardName + " to act on");
    }
    if (command == null) {
      return reject(INVALID, "the command is missing");
    }
    if (actor == null || actor.member() == null || actor.role() == null) {
      return reject(INVALID, "it is not known who is acting");
    }
    return null;
  }

  static <E extends Event> Decision<E> unknownCommand(Command command) {
    return reject(INVALID, "unknown command " + command.getClass().getSimpleName());
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** A required text: not blank, and at most {@code max} characters once stripped. */
  static Rejection text(String what, String value, int max) {
    if (blank(value)) {
      return new Rejection(INVALID, "the " + what + " is empty");
    }
    return tooLong(what, value, max);
  }

  /**
   * An optional text (null passes): at most {@code max} characters once stripped, counted in
   * code points as the protocol counts them (an emoji is one character, not two).
   */
  static Rejection tooLong(String what, String value, int max) {
    int length = value == null ? 0 : Limits.characters(value.strip());
    if (length > max) {
      return new Rejection(TOO_LARGE, "the " + what + " is " + length
          + " characters long; at most " + max + " are allowed");
    }
    return null;
  }

  /** The title and text of a new proposal or draft, both required. */
  static Rejection words(String title, String text, String textName) {
    Rejection wrong = text("title", title, Limits.TITLE);
    return wrong != null ? wrong : text(textName, text, Limits.PROPOSAL_TEXT);
  }

  /** A new title and text, each null when it stays as it is. */
  static Rejection newWords(String title, String text, String textName) {
    Rejection wrong = title == null ? null : text("title", title, Limits.TITLE);
    if (wrong == null && text != null) {
      wrong = text(textName, text, Limits.PROPOSAL_TEXT);
    }
    return wrong;
  }

  /** The words of an edit, which must change at least one of title and text. */
  static Rejection editedWords(String title, String text, String textName) {
    if (title == null && text == null) {
      return new Rejection(INVALID, "the edit changes neither the title nor the text");
    }
    return newWords(title, text, textName);
  }

  /** An edit made to an outdated version of {@code what} {@code id}. */
  static <E extends Event> Decision<E> outdated(String what, String id, int version, int edited) {
    return reject(CONFLICT, what + " " + id + " is at version " + version
        + ", but the edit was made to version " + edited);
  }

  /**
   * One entry of a list of ids, which may hold no empty entries and no id twice; {@code seen}
   * collects the entries so far. {@code what} names an id in the message, or is null when the
   * id speaks for itself.
   */
  static Rejection listEntry(String list, Set<String> seen, String id, String what) {
    if (id == null) {
      return new Rejection(INVALID, "the list of " + list + " has an empty entry");
    }
    if (!seen.add(id)) {
      return new Rejection(INVALID, (what == null ? "" : what + " ") + id + " is listed twice");
    }
    return null;
  }

  /** Which {@code what} to merge into which: both named, and not the same. */
  static <E extends Event> Decision<E> mergeEnds(String what, String from, String into) {
    if (from == null || into == null) {
      return reject(INVALID, "say which " + what + " to merge into which");
    }
    if (from.equals(into)) {
      return reject(INVALID, what + " " + from + " cannot be merged into itself");
    }
    return null;
  }

  /** A vote (of {@code vote}s) listing more than {@link Limits#VOTE_ITEMS} {@code items}. */
  static <E extends Event> Decision<E> tooManyItems(String vote, String items, int size) {
    return size > Limits.VOTE_ITEMS
        ? reject(TOO_LARGE, "a " + vote + " may list at most " + Limits.VOTE_ITEMS + " " + items
            + ", not " + size)
        : null;
  }

  /** A ballot for a vote that is closed. */
  static <E extends Event> Decision<E> votingClosed(String vote, String id) {
    return reject(PHASE_CLOSED, vote + " " + id + " is closed");
  }

  /** Closing a vote that is closed already. */
  static <E extends Event> Decision<E> alreadyClosed(String vote, String id) {
    return reject(CONFLICT, vote + " " + id + " is already closed");
  }

  static <E extends Event> Decision<E> notFound(String what, String id) {
    return reject(NOT_FOUND, "there is no " + what + " " + id);
  }

  static <E extends Event> Decision<E> reject(Rejection.Reason reason, String message) {
    return new Rejected<>(new Rejection(reason, message));
  }

  static <E extends Event> Decision<E> accept(E event) {
    return new Accepted<>(List.of(event));
  }
}
