package org.tingsted.server.roster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Seats a member at another table of their session, at the owner of the assembly's entry.
 * Returns the table they sat at before, or null if the move does not fit the roster.
 */
record MoveMember(String member, String toTable) implements EntryProcessor<String, Assembly, String> {

  @Override
  public String process(Map.Entry<String, Assembly> entry) {
    Assembly assembly = entry.getValue();
    Member m = assembly == null ? null : assembly.members().get(member);
    if (m == null || m.table() == null || m.table().equals(toTable)
        || assembly.session(m.session()).map(s -> !s.hasTable(toTable)).orElse(true)) {
      return null;
    }
    entry.setValue(assembly.seat(member, toTable));
    return m.table();
  }
}
