package org.tingsted.server.deliberation;

import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rules.accept;
import static org.tingsted.server.deliberation.Rules.listEntry;
import static org.tingsted.server.deliberation.Rules.reject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.TableCommand.EndTurn;
import org.tingsted.server.deliberation.TableCommand.GiveFloor;
import org.tingsted.server.deliberation.TableCommand.LowerHand;
import org.tingsted.server.deliberation.TableCommand.ReorderQueue;
import org.tingsted.server.deliberation.TableEvent.FloorGiven;
import org.tingsted.server.deliberation.TableEvent.HandLowered;
import org.tingsted.server.deliberation.TableEvent.HandRaised;
import org.tingsted.server.deliberation.TableEvent.QueueReordered;
import org.tingsted.server.deliberation.TableEvent.TurnEnded;

/**
 * The rules of a table's speaking queue, for {@link Table}: members and facilitators raise
 * their hands, a facilitator gives the floor, orders the queue and ends turns, and a speaker may
 * end their own turn. {@code Table} turns away observers, administrators and the server, and
 * commands the server has not stamped with the time, before these rules are asked.
 *
 * <p>The floor goes only to someone in the queue: the board does not know who sits at the table,
 * so a hand raised is what shows that a person is there and wants to speak. The speaker is never
 * in the queue, and nobody is in it twice. A turn's length is the difference between the times
 * the server stamped on the commands that began and ended it, and never negative, should the
 * clock of a new owner of the stream run behind the old one's.
 */
final class SpeakingQueue {
  private SpeakingQueue() {}

  static Decision<TableEvent> raiseHand(Board board, Actor actor) {
    String me = actor.member();
    int place = board.hands().indexOf(me);
    if (place >= 0) {
      return reject(CONFLICT, "your hand is already raised, at place " + (place + 1)
          + " in the queue");
    }
    if (speaking(board, me)) {
      return reject(CONFLICT, "you have the floor");
    }
    return accept(new HandRaised(me));
  }

  static Decision<TableEvent> lowerHand(Board board, LowerHand c, Actor actor) {
    String member = c.member() == null ? actor.member() : c.member();
    boolean own = member.equals(actor.member());
    if (!own && !actor.role().facilitates()) {
      return reject(FORBIDDEN, "only a facilitator may lower someone else's hand");
    }
    if (!board.hands().contains(member)) {
      return reject(CONFLICT, own ? "your hand is not raised" : member + "'s hand is not raised");
    }
    return accept(new HandLowered(member, actor.member()));
  }

  static Decision<TableEvent> giveFloor(Board board, GiveFloor c, Actor actor) {
    if (!actor.role().facilitates()) {
      return reject(FORBIDDEN, "only a facilitator may give the floor");
    }
    String member = c.member();
    if (member == null) {
      if (board.hands().isEmpty()) {
        return reject(CONFLICT, "nobody has raised their hand");
      }
      member = board.hands().get(0);
    } else if (speaking(board, member)) {
      return reject(CONFLICT, member + " has the floor already");
    } else if (!board.hands().contains(member)) {
      return reject(CONFLICT, member + " has not raised their hand");
    }
    List<TableEvent> events = new ArrayList<>();
    if (board.floor() != null) {
      events.add(turnEnded(board.floor(), c.now()));
    }
    events.add(new FloorGiven(member, c.now()));
    return new Accepted<>(events);
  }

  static Decision<TableEvent> endTurn(Board board, EndTurn c, Actor actor) {
    if (board.floor() == null) {
      return reject(CONFLICT, "nobody has the floor");
    }
    if (!actor.role().facilitates() && !speaking(board, actor.member())) {
      return reject(FORBIDDEN, "only a facilitator or the speaker may end a turn");
    }
    return accept(turnEnded(board.floor(), c.now()));
  }

  static Decision<TableEvent> reorder(Board board, ReorderQueue c, Actor actor) {
    if (!actor.role().facilitates()) {
      return reject(FORBIDDEN, "only a facilitator may reorder the queue");
    }
    if (c.order() == null) {
      return reject(INVALID, "give the queue in its new order");
    }
    Set<String> seen = new HashSet<>();
    for (String member : c.order()) {
      Rejection entry = listEntry("members in the new order", seen, member, null);
      if (entry != null) {
        return new Rejected<>(entry);
      }
    }
    // A different set of people means the queue changed under the facilitator's eyes.
    if (!seen.equals(new HashSet<>(board.hands()))) {
      return reject(CONFLICT, "the new order must name exactly those in the queue ("
          + (board.hands().isEmpty() ? "nobody" : String.join(", ", board.hands())) + ")");
    }
    return accept(new QueueReordered(c.order()));
  }

  static Decision<TableEvent> favourLeastHeard(Board board, Actor actor) {
    if (!actor.role().facilitates()) {
      return reject(FORBIDDEN, "only a facilitator may reorder the queue");
    }
    List<String> order = new ArrayList<>(board.hands());
    // List.sort is stable, so those who have spoken equally long keep their places.
    order.sort(Comparator.comparingLong(member -> board.spokenMillis().getOrDefault(member, 0L)));
    return accept(new QueueReordered(order));
  }

  static Board raised(Board board, HandRaised e) {
    List<String> hands = new ArrayList<>(board.hands());
    if (hands.contains(e.member())) {
      throw new IllegalArgumentException(e.member() + " is already in the queue");
    }
    hands.add(e.member());
    return board.withSpeaking(hands, board.floor(), board.spokenMillis());
  }

  static Board lowered(Board board, HandLowered e) {
    return board.withSpeaking(leaving(board, e.member()), board.floor(), board.spokenMillis());
  }

  static Board floorGiven(Board board, FloorGiven e) {
    if (board.floor() != null) {
      throw new IllegalArgumentException(
          board.floor().member() + " still has the floor on table " + board.table());
    }
    return board.withSpeaking(leaving(board, e.member()), new Speaker(e.member(), e.at()),
        board.spokenMillis());
  }

  static Board turnEnded(Board board, TurnEnded e) {
    if (board.floor() == null || !board.floor().member().equals(e.member())) {
      throw new IllegalArgumentException(e.member() + " does not have the floor");
    }
    Map<String, Long> spoken = new LinkedHashMap<>(board.spokenMillis());
    spoken.merge(e.member(), e.millis(), Long::sum);
    return board.withSpeaking(board.hands(), null, spoken);
  }

  static Board reordered(Board board, QueueReordered e) {
    if (!new HashSet<>(e.queue()).equals(new HashSet<>(board.hands()))
        || e.queue().size() != board.hands().size()) {
      throw new IllegalArgumentException("the new order " + e.queue() + " is not a reordering of "
          + board.hands());
    }
    return board.withSpeaking(e.queue(), board.floor(), board.spokenMillis());
  }

  private static List<String> leaving(Board board, String member) {
    List<String> hands = new ArrayList<>(board.hands());
    if (!hands.remove(member)) {
      throw new IllegalArgumentException(member + " is not in the queue on table " + board.table());
    }
    return hands;
  }

  private static TurnEnded turnEnded(Speaker speaker, long now) {
    return new TurnEnded(speaker.member(), Math.max(0, now - speaker.since()));
  }

  private static boolean speaking(Board board, String member) {
    return board.floor() != null && board.floor().member().equals(member);
  }
}
