package org.tingsted.server.streams;

import com.hazelcast.core.HazelcastInstance;
import org.tingsted.server.journal.Journal;

/** What an entry processor needs at the owner of its stream: the node's journal and publisher. */
record Owner(Journal journal, Publisher publisher) {

  /** The key under which they sit in Hazelcast's user context. */
  static final String KEY = "tingsted.owner";

  static Owner of(HazelcastInstance hazelcast) {
    return (Owner) hazelcast.getUserContext().get(KEY);
  }
}
