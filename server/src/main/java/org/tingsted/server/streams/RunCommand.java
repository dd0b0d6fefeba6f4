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
import org.tingsted.server.deliberation.PhaseKind;
import org.tingsted.server.deliberation.Phases;
import org.tingsted.server.deliberation.Rejection;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.deliberation.TableCommand;
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
 * <p>A table command is decided against the phase its session's owner held when the command
 * was taken up ({@link Gate}, read by {@link ReadPhase} just before), not against a follower's
 * copy of the session. It is not read from here: with a map store, Hazelcast may run this
 * processor on a partition thread, and a call to another partition from there can wait on
 * itself.
 *
 * <p>The owner publishes the accepted events ({@link Publisher}), still holding the key, so
 * that they leave in seq order. The backup gets the accepted events, not the command, so that
 * a backup never decides again (with another clock) and both copies agree, and not the whole
 * entry, so that what crosses to the backup does not grow with the board.
 */
final class RunCommand implements EntryProcessor<String, StreamEntry, Outcome>, Offloadable, HazelcastInstanceAware {

  /** A stream keeps a snapshot in the journal every this many events, so restarts replay little. */
  static final int SNAPSHOT_EVERY = 200;
  private static final long JOURNAL_TIMEOUT_SECONDS = 30;


  private final String stream;
  private final Command command;
  private final Actor actor;
  private final String commandId;
  private final Gate gate;
  @JsonIgnore
  private transient EntryProcessor<String, StreamEntry, Outcome> backup;
  @JsonIgnore
  private transient Owner owner;

  /**
   * The phase that gates a table command: the one the owner of {@code session} held for the
   * table (null: none, everything open).
   */
  record Gate(String session, PhaseKind phase) {
  }

  /**
   * @param gate the phase that gates this table command, or null for none
   */
  @JsonCreator
  RunCommand(@JsonProperty("stream") String stream, @JsonProperty("command") Command command,
             @JsonProperty("actor") Actor actor, @JsonProperty("commandId") String commandId,
             @JsonProperty("gate") Gate gate) {
    this.stream = stream;
    this.command = command;
    this.actor = actor;
    this.commandId = commandId;
    this.gate = gate;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    owner = Owner.of(hazelcast);
  }

  /**
   * Asks to run off the partition thread, with the key locked, because it waits for the journal.
   * With a map store configured Hazelcast 5.7 may still run it on a partition thread (its step
   * engine), so it never calls another partition synchronously.
   */
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

  @JsonProperty public Gate gate() {
    return gate;
  }

  @Override
  public Outcome process(Map.Entry<String, StreamEntry> entry) {
    // A retry after a stale copy runs this same instance again: what the first run left for
    // the backup is not this run's.
    backup = null;
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
    if (gate != null && command instanceof TableCommand tableCommand) {
      Rejection closed = Phases.check(gate.phase(), tableCommand, actor.role());
      if (closed != null) {
        return Outcome.rejected(stream, closed);
      }
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
    Journal journal = owner.journal();
    try {
      journal.append(events.stream().map(e -> JournalCodec.row(e, commandId)).toList())
          .get(JOURNAL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof JournalException.Duplicate) {
        // Another writer holds this seq: our copy is stale. Drop it so that the next access
        // reloads the stream from the journal, and let the caller run the command again.
        entry.setValue(null);
        backup = new ReplaceEntry<>(null);
        return Outcome.stale(stream);
      }
      throw new JournalException.Unavailable("the journal refused " + stream + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalException.Unavailable("interrupted while journaling " + stream, e);
    } catch (TimeoutException e) {
      throw new JournalException.Unavailable("the journal did not answer within " + JOURNAL_TIMEOUT_SECONDS + " s", e);
    }
    StreamEntry after = current.append(events, state, ackKey);
    entry.setValue(after);
    backup = new ApplyEvents(events, ackKey);
    owner.publisher().publish(stream, events, state);
    if (current.seq() / SNAPSHOT_EVERY != after.seq() / SNAPSHOT_EVERY) {
      journal.saveSnapshot(new Journal.Snapshot(stream, after.seq(), JournalCodec.STATE_VERSION,
          JournalCodec.state(state)));
    }
    return Outcome.accepted(stream, events);
  }

  @Override
  public EntryProcessor<String, StreamEntry, Outcome> getBackupProcessor() {
    return backup;
  }
}
