package org.tingsted.server.staff;

import java.util.Set;

/**
 * A logged-in staff person, kept in Hazelcast under the SHA-256 of its token (the token itself
 * is never stored) until it expires, is logged out, or its account's epoch moves on.
 *
 * @param via {@code password} or {@code oidc}
 */
public record StaffSession(String username, Set<StaffRole> roles, int epoch, long issuedAt, long expiresAt, String via) {

  public StaffSession {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  public boolean is(StaffRole role) {
    return roles.contains(role);
  }
}
