package org.tingsted.server.streams;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Reads a stream's seq at its owner without shipping the board: how followers check they are not behind. */
record ReadSeq() implements EntryProcessor<String, StreamEntry, Long>, ReadOnly {

  @Override
  public Long process(Map.Entry<String, StreamEntry> entry) {
    return entry.getValue() == null ? 0L : entry.getValue().seq();
  }

  @Override
  public EntryProcessor<String, StreamEntry, Long> getBackupProcessor() {
    return null;
  }
}
