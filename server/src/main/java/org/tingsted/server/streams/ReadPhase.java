package org.tingsted.server.streams;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import org.tingsted.server.deliberation.PhaseKind;
import org.tingsted.server.deliberation.SessionBoard;

/**
 * Reads the phase a session's owner holds for one table, the phase in force: read just before
 * a table command is submitted, so that it is decided against the owner's phase, not against
 * a follower's copy of the session.
 */
record ReadPhase(String table) implements EntryProcessor<String, StreamEntry, PhaseKind>, ReadOnly {

  @Override
  public PhaseKind process(Map.Entry<String, StreamEntry> entry) {
    return entry.getValue() != null && entry.getValue().state() instanceof SessionBoard session
        ? session.phaseFor(table)
        : null;
  }

  @Override
  public EntryProcessor<String, StreamEntry, PhaseKind> getBackupProcessor() {
    return null;
  }
}
