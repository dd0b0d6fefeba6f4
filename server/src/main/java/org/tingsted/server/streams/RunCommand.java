package org.tingsted.server.streams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.hazelcast.map.EntryProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Decision;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.Table;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.deliberation.TableEvent;

/**
 * Runs one command against a table's stream, on the partition thread of the member that owns
 * the stream: dedupe, decide, evolve, number the events. Hazelcast runs entry processors of
 * one key one at a time, so the stream needs no lock.
 *
 * <p>The backup gets the resulting entry, not the command, so that a backup never decides
 * again (with another clock) and both copies agree.
 */
final class RunCommand implements EntryProcessor<String, StreamEntry, Outcome> {

  private final String stream;
  private final String table;
  private final TableCommand command;
  private final Actor actor;
  private final String commandId;
  @JsonIgnore
  private transient StreamEntry after;

  @JsonCreator
  RunCommand(@JsonProperty("stream") String stream, @JsonProperty("table") String table,
             @JsonProperty("command") TableCommand command, @JsonProperty("actor") Actor actor,
             @JsonProperty("commandId") String commandId) {
    this.stream = stream;
    this.table = table;
    this.command = command;
    this.actor = actor;
    this.commandId = commandId;
  }

  @JsonProperty public String stream() {
    return stream;
  }

  @JsonProperty public String table() {
    return table;
  }

  @JsonProperty public TableCommand command() {
    return command;
  }

  @JsonProperty public Actor actor() {
    return actor;
  }

  @JsonProperty public String commandId() {
    return commandId;
  }

  @Override
  public Outcome process(Map.Entry<String, StreamEntry> entry) {
    StreamEntry current = entry.getValue() != null ? entry.getValue() : StreamEntry.empty(stream, table);
    String ackKey = StreamEntry.ackKey(actor.member(), commandId);
    Long original = current.acks().get(ackKey);
    if (original != null) {
      return Outcome.duplicate(stream, original);
    }
    Decision decision = Table.decide(current.board(), command, actor);
    if (decision instanceof Rejected rejected) {
      return Outcome.rejected(stream, rejected.rejection());
    }
    List<TableEvent> made = ((Accepted) decision).events();
    long at = System.currentTimeMillis();
    long seq = current.seq();
    Board board = current.board();
    var events = new ArrayList<StreamEvent>(made.size());
    for (TableEvent event : made) {
      board = Table.evolve(board, event);
      events.add(new StreamEvent(stream, ++seq, at, actor.member(), event));
    }
    after = current.append(events, board, ackKey);
    entry.setValue(after);
    return Outcome.accepted(stream, events);
  }

  @Override
  public EntryProcessor<String, StreamEntry, Outcome> getBackupProcessor() {
    return after == null ? null : new ReplaceEntry(after);
  }
}
