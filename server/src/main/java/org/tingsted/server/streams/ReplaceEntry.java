package org.tingsted.server.streams;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * A backup's half of an entry processor that replaced the owner's copy whole (a reload from
 * the journal), or dropped it ({@code entry} null): puts the same on the backup.
 */
record ReplaceEntry<R>(StreamEntry entry) implements EntryProcessor<String, StreamEntry, R> {

  @Override
  public R process(Map.Entry<String, StreamEntry> target) {
    target.setValue(entry);
    return null;
  }

  @Override
  public EntryProcessor<String, StreamEntry, R> getBackupProcessor() {
    return null;
  }
}
