package org.tingsted.server.roster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Adds a member to an assembly at the owner of its entry, so that two admins cannot race. */
record AddMember(Member member) implements EntryProcessor<String, Assembly, Boolean> {

  @Override
  public Boolean process(Map.Entry<String, Assembly> entry) {
    if (entry.getValue() == null) {
      return false;
    }
    entry.setValue(entry.getValue().with(member));
    return true;
  }
}
