package org.tingsted.server.streams;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** The backup half of {@link RunCommand}: puts the entry the owner computed. */
record ReplaceEntry(StreamEntry entry) implements EntryProcessor<String, StreamEntry, Outcome> {

  @Override
  public Outcome process(Map.Entry<String, StreamEntry> target) {
    target.setValue(entry);
    return null;
  }

  @Override
  public EntryProcessor<String, StreamEntry, Outcome> getBackupProcessor() {
    return null;
  }
}
