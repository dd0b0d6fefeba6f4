package org.tingsted.server.roster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Counts a member's credential generation up, at the owner of the assembly's entry, so that
 * two reissues never give the same generation. Returns the member as they are now, or null
 * when there is no such member.
 */
record ReissueMember(String member) implements EntryProcessor<String, Assembly, Member> {

  @Override
  public Member process(Map.Entry<String, Assembly> entry) {
    Assembly assembly = entry.getValue();
    if (assembly == null || !assembly.members().containsKey(member)) {
      return null;
    }
    Assembly next = assembly.reissue(member);
    entry.setValue(next);
    return next.members().get(member);
  }
}
