package org.tingsted.server.staff;

import java.util.List;
import java.util.Set;

/**
 * A staff account as kept in the journal and in Hazelcast. The password hash never leaves the
 * server: what the API shows is {@link #view()}.
 *
 * @param username     the login name, lower case; the account's key
 * @param displayName  the name people see
 * @param roles        what the account may do
 * @param passwordHash Argon2id in PHC format, or null for an account that logs in through OpenID Connect only
 * @param disabled     a disabled account cannot log in, and its sessions are over
 * @param people       the roster people a facilitator's account acts as
 * @param sessionEpoch sessions carry the epoch they began in; raising it (disable, password reset) ends them all
 * @param oidcSubject  the provider's {@code iss} and {@code sub} this account is bound to after its first OpenID Connect login
 * @param createdAt    epoch milliseconds
 */
public record StaffAccount(String username, String displayName, Set<StaffRole> roles, String passwordHash,
                           boolean disabled, List<PersonLink> people, int sessionEpoch, String oidcSubject,
                           long createdAt) {

  public StaffAccount {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    people = people == null ? List.of() : List.copyOf(people);
  }

  public boolean is(StaffRole role) {
    return roles.contains(role);
  }

  /** What the API shows of an account: everything but the hash. */
  public record View(String username, String displayName, Set<StaffRole> roles, boolean disabled,
                     List<PersonLink> people, boolean password, boolean oidc, long createdAt) {
  }

  public View view() {
    return new View(username, displayName, roles, disabled, people, passwordHash != null, oidcSubject != null, createdAt);
  }

  StaffAccount withPassword(String hash) {
    return new StaffAccount(username, displayName, roles, hash, disabled, people, sessionEpoch + 1, oidcSubject, createdAt);
  }

  /** The same account with a renewed hash of the same password: its sessions go on. */
  StaffAccount withRehash(String hash) {
    return new StaffAccount(username, displayName, roles, hash, disabled, people, sessionEpoch, oidcSubject, createdAt);
  }

  StaffAccount withDisabled(boolean off) {
    return new StaffAccount(username, displayName, roles, passwordHash, off, people, off ? sessionEpoch + 1 : sessionEpoch,
        oidcSubject, createdAt);
  }

  StaffAccount with(String name, Set<StaffRole> newRoles, List<PersonLink> newPeople) {
    // Fewer roles end the sessions that carry the old ones.
    boolean narrower = !newRoles.containsAll(roles);
    return new StaffAccount(username, name, newRoles, passwordHash, disabled, newPeople,
        narrower ? sessionEpoch + 1 : sessionEpoch, oidcSubject, createdAt);
  }

  StaffAccount withOidc(String subject, Set<StaffRole> newRoles) {
    boolean narrower = !newRoles.containsAll(roles);
    return new StaffAccount(username, displayName, newRoles, passwordHash, disabled, people,
        narrower ? sessionEpoch + 1 : sessionEpoch, subject, createdAt);
  }
}
