package org.tingsted.server.streams;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.Offloadable;
import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Checks a stream's working copy at its (possibly new) owner against the journal and, where
 * the copy is behind (its last owner journaled events and died before its backup heard of
 * them), reloads it from the journal and publishes what followers may have missed. Run on
 * the streams a node owns after the cluster's membership changed. Returns the stream's seq.
 */
final class Reconcile implements EntryProcessor<String, StreamEntry, Long>, Offloadable, HazelcastInstanceAware {

  private transient Owner owner;
  private transient StreamEntry reloaded;

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    owner = Owner.of(hazelcast);
  }

  @Override
  public String getExecutorName() {
    return Offloadable.OFFLOADABLE_EXECUTOR;
  }

  @Override
  public Long process(Map.Entry<String, StreamEntry> entry) {
    String stream = entry.getKey();
    StreamEntry current = entry.getValue();
    long had = current == null ? 0 : current.seq();
    if (owner.journal().lastSeq(stream) <= had) {
      return had;
    }
    reloaded = new StreamLoader(owner.journal()).load(stream);
    if (reloaded == null) {
      return had;
    }
    entry.setValue(reloaded);
    owner.publisher().publish(stream, reloaded.recent().stream().filter(e -> e.seq() > had).toList(), reloaded.state());
    return reloaded.seq();
  }

  @Override
  public EntryProcessor<String, StreamEntry, Long> getBackupProcessor() {
    return reloaded == null ? null : new ReplaceEntry<>(reloaded);
  }
}
