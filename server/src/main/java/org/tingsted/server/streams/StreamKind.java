package org.tingsted.server.streams;

import org.tingsted.protocol.StreamId;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.Decision;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.Plenary;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.deliberation.SessionEvent;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.deliberation.Table;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.deliberation.TableEvent;
import org.tingsted.server.deliberation.Visibility;

/**
 * What the streams need of one kind of stream's model: its empty state, its rules, and what a
 * viewer may see. A stream's {@link StreamId} says its kind.
 */
public interface StreamKind<S extends State, C extends Command, E extends Event> {

  /** The tables' boards. */
  StreamKind<Board, TableCommand, TableEvent> TABLE = new StreamKind<>() {
    @Override public Board empty(String id) {
      return Board.empty(id);
    }

    @Override public Class<TableCommand> commandType() {
      return TableCommand.class;
    }

    @Override public Decision<TableEvent> decide(Board state, TableCommand command, Actor actor) {
      return Table.decide(state, command, actor);
    }

    @Override public Board evolve(Board state, TableEvent event) {
      return Table.evolve(state, event);
    }

    @Override public Board visibleState(Board state, Actor viewer) {
      return Visibility.boardFor(state, viewer);
    }

    @Override public TableEvent visibleEvent(Board before, TableEvent event, Actor viewer) {
      return Visibility.eventFor(before, event, viewer);
    }
  };

  /** The sessions' plenaries. */
  StreamKind<SessionBoard, SessionCommand, SessionEvent> SESSION = new StreamKind<>() {
    @Override public SessionBoard empty(String id) {
      return SessionBoard.empty(id);
    }

    @Override public Class<SessionCommand> commandType() {
      return SessionCommand.class;
    }

    @Override public Decision<SessionEvent> decide(SessionBoard state, SessionCommand command, Actor actor) {
      return Plenary.decide(state, command, actor);
    }

    @Override public SessionBoard evolve(SessionBoard state, SessionEvent event) {
      return Plenary.evolve(state, event);
    }

    @Override public SessionBoard visibleState(SessionBoard state, Actor viewer) {
      return Plenary.boardFor(state, viewer);
    }

    @Override public SessionEvent visibleEvent(SessionBoard before, SessionEvent event, Actor viewer) {
      return Plenary.eventFor(before, event, viewer);
    }
  };

  /** The model of a stream's kind. */
  @SuppressWarnings("unchecked")
  static StreamKind<State, Command, Event> of(StreamId stream) {
    StreamKind<?, ?, ?> kind = switch (stream.kind()) {
      case TABLE -> TABLE;
      case SESSION -> SESSION;
    };
    // Every state, command and event of a stream is of its kind: the casts cannot fail.
    return (StreamKind<State, Command, Event>) kind;
  }

  /** The model of the kind of the stream a name names (one the server made). */
  static StreamKind<State, Command, Event> of(String stream) {
    return of(StreamId.of(stream));
  }

  S empty(String id);

  Class<C> commandType();

  Decision<E> decide(S state, C command, Actor actor);

  S evolve(S state, E event);

  S visibleState(S state, Actor viewer);

  /** The event as the viewer may see it, or null when they may not see it at all. */
  E visibleEvent(S before, E event, Actor viewer);
}
