package org.tingsted.server.roster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Puts a person of an assembly under a pseudonym, at the owner of the assembly's entry, so that
 * two pseudonyms are never counted the same. Returns the person as they are now, or null when
 * the assembly has no such person; someone pseudonymised already is returned unchanged.
 */
record PseudonymiseMember(String member, long at) implements EntryProcessor<String, Assembly, Member> {

  @Override
  public Member process(Map.Entry<String, Assembly> entry) {
    Assembly assembly = entry.getValue();
    if (assembly == null || !assembly.members().containsKey(member)) {
      return null;
    }
    if (assembly.members().get(member).wasPseudonymised()) {
      return assembly.members().get(member);
    }
    Assembly next = assembly.pseudonymise(member, at);
    entry.setValue(next);
    return next.members().get(member);
  }
}
