package org.tingsted.server.streams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.Offloadable;
import com.hazelcast.map.EntryProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Command;
import org.tingsted.server.deliberation.Decision;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.Rejection;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.deliberation.Timed;
import org.tingsted.server.journal.Journal;
import org.tingsted.server.journal.JournalException;

/**
 * Runs one command against a stream (a table's or a session's) at the member that owns the stream: dedupe,
 * decide, evolve, number the events, journal them, and only then change the working copy.
 * Hazelcast runs entry processors of one key one at a time (the key stays locked while this
 * one waits for the journal), so the stream needs no lock of its own, and the working copy
 * never holds an event that the journal does not.
 *
 * <p>The backup gets the resulting entry, not the command, so that a backup never decides
 * again (with another clock) and both copies agree.
 */
final class RunCommand implements EntryProcessor<String, StreamEntry, Outcome>, Offloadable, HazelcastInstanceAware {

  /** The key under which a node's {@link Journal} sits in Hazelcast's user context. */
  static final String JOURNAL = "tingsted.journal";
  /** A stream keeps a snapshot in the journal every this many events, so restarts replay little. */
  static final int SNAPSHOT_EVERY = 200;
  private static final long JOURNAL_TIMEOUT_SECONDS = 30;


  private final String stream;
  private final Command command;
  private final Actor actor;
  private final String commandId;
  @JsonIgnore
  private transient StreamEntry after;
  @JsonIgnore
  private transient Journal journal;

  @JsonCreator
  RunCommand(@JsonProperty("stream") String stream, @JsonProperty("command") Command command,
             @JsonProperty("actor") Actor actor, @JsonProperty("commandId") String commandId) {
    this.stream = stream;
    this.command = command;
    this.actor = actor;
    this.commandId = commandId;
  }

  RunCommand(String stream, Command command, Actor actor, String commandId, Journal journal) {
    this(stream, command, actor, commandId);
    this.journal = journal;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    if (journal == null) {
      journal = (Journal) hazelcast.getUserContext().get(JOURNAL);
    }
  }

  /** Runs off the partition thread, with the key locked, because it waits for the journal. */
  @Override
  public String getExecutorName() {
    return Offloadable.OFFLOADABLE_EXECUTOR;
  }

  @JsonProperty public String stream() {
    return stream;
  }

  @JsonProperty public Command command() {
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
    StreamEntry current = entry.getValue() != null ? entry.getValue() : StreamEntry.empty(stream);
    String ackKey = StreamEntry.ackKey(actor.member(), commandId);
    Long original = current.acks().get(ackKey);
    if (original != null) {
      return Outcome.duplicate(stream, original);
    }
    StreamKind<State, Command, Event> kind = StreamKind.of(stream);
    if (!kind.commandType().isInstance(command)) {
      return Outcome.rejected(stream, new Rejection(Rejection.Reason.INVALID,
          command.getClass().getSimpleName() + " is not a command for " + stream));
    }
    long at = System.currentTimeMillis();
    // The owner's clock is the one clock: commands that depend on time get it stamped here.
    Command stamped = command instanceof Timed timed ? timed.at(at) : command;
    Decision<Event> decision = kind.decide(current.state(), stamped, actor);
    if (decision instanceof Decision.Rejected<Event> rejected) {
      return Outcome.rejected(stream, rejected.rejection());
    }
    List<Event> made = ((Decision.Accepted<Event>) decision).events();
    long seq = current.seq();
    State state = current.state();
    var events = new ArrayList<StreamEvent>(made.size());
    // Administrators act under one shared token, the server by its clock: no person to name.
    String by = actor.role() == Role.ADMINISTRATOR || actor.role() == Role.SERVER ? null : actor.member();
    for (Event event : made) {
      state = kind.evolve(state, event);
      events.add(new StreamEvent(stream, ++seq, at, by, event));
    }
    try {
      journal.append(events.stream().map(e -> JournalCodec.row(e, commandId)).toList())
          .get(JOURNAL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof JournalException.Duplicate) {
        // Another writer holds this seq: our copy is stale. Drop it so that the next access
        // reloads the stream from the journal, and let the caller run the command again.
        entry.setValue(null);
        return Outcome.stale(stream);
      }
      throw new JournalException.Unavailable("the journal refused " + stream + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalException.Unavailable("interrupted while journaling " + stream, e);
    } catch (TimeoutException e) {
      throw new JournalException.Unavailable("the journal did not answer within " + JOURNAL_TIMEOUT_SECONDS + " s", e);
    }
    after = current.append(events, state, ackKey);
    entry.setValue(after);
    if (current.seq() / SNAPSHOT_EVERY != after.seq() / SNAPSHOT_EVERY) {
      journal.saveSnapshot(new Journal.Snapshot(stream, after.seq(), JournalCodec.state(state)));
    }
    return Outcome.accepted(stream, events);
  }

  @Override
  public EntryProcessor<String, StreamEntry, Outcome> getBackupProcessor() {
    return after == null ? null : new ReplaceEntry(after);
  }
}
