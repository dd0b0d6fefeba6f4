package org.tingsted.server.staff;

/** A person of the roster whom a facilitator's account acts as: their console is the account's. */
public record PersonLink(String assembly, String member) {

  public PersonLink {
    if (assembly == null || assembly.isBlank() || member == null || member.isBlank()) {
      throw new StaffException(org.tingsted.protocol.ErrorCode.INVALID, "a person link names an assembly and a member");
    }
  }
}
