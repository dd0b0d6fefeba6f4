package org.tingsted.server.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a staff account may do (ARCHITECTURE.md, "The people and the work"): administrators
 * create assemblies, add people, hand out join links and read reports and the audit;
 * facilitators and lead facilitators open the console of the people they are linked to.
 */
public enum StaffRole {
  ADMINISTRATOR, FACILITATOR, LEAD_FACILITATOR;

  /** The name on the wire and in configuration: {@code administrator}, {@code facilitator}, {@code lead_facilitator}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role of a wire name, failing with {@code invalid} for any other word. */
  @JsonCreator
  public static StaffRole named(String name) {
    for (StaffRole role : values()) {
      if (role.wireName().equals(name)) {
        return role;
      }
    }
    throw new StaffException(org.tingsted.protocol.ErrorCode.INVALID,
        "unknown staff role '" + name + "': administrator, facilitator or lead_facilitator");
  }
}
