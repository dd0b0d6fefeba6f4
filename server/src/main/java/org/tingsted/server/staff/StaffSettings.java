package org.tingsted.server.staff;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How staff log in: the lifetime of a session, and the municipality's OpenID Connect provider
 * when one is configured.
 *
 * @param sessionLifetime how long a staff session lasts after its login
 * @param oidc            the provider, or null for password logins only
 */
public record StaffSettings(Duration sessionLifetime, Oidc oidc) {

  public static StaffSettings defaults() {
    return new StaffSettings(Staff.DEFAULT_SESSION_LIFETIME, null);
  }

  public StaffSettings withOidc(Oidc other) {
    return new StaffSettings(sessionLifetime, other);
  }

  /**
   * An OpenID Connect provider, found by discovery at {@code <issuer>/.well-known/openid-configuration}.
   *
   * @param issuer        the issuer URL
   * @param clientId      Tingsted's client id there
   * @param clientSecret  its secret (a confidential client)
   * @param redirectUrl   the callback registered at the provider, {@code <public URL>/auth/oidc/callback};
   *                      null: derived from the public URL
   * @param usernameClaim the ID token's claim that names the account, by default {@code preferred_username}
   * @param rolesClaim    the claim (a string or a list of strings) that carries the person's roles, or null
   *                      when the provider names none and administrators give roles to the accounts here
   * @param roleValues    which values of the roles claim mean which role; by default the roles' own names
   */
  public record Oidc(String issuer, String clientId, String clientSecret, String redirectUrl, String usernameClaim,
                     String rolesClaim, Map<String, StaffRole> roleValues) {

    public Oidc {
      if (issuer == null || issuer.isBlank() || clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("OpenID Connect needs an issuer URL and a client id");
      }
      usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
      rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? null : rolesClaim;
      if (roleValues == null || roleValues.isEmpty()) {
        var identity = new LinkedHashMap<String, StaffRole>();
        for (StaffRole role : StaffRole.values()) {
          identity.put(role.wireName(), role);
        }
        roleValues = identity;
      }
      roleValues = Map.copyOf(roleValues);
    }

    /**
     * Reads {@code administrator=tingsted-admins,facilitator=tingsted-facilitators}: which value
     * of the roles claim grants which role (several values may grant one role).
     */
    public static Map<String, StaffRole> parseRoleValues(String text) {
      var values = new LinkedHashMap<String, StaffRole>();
      if (text == null || text.isBlank()) {
        return values;
      }
      for (String pair : text.split(",")) {
        String[] kv = pair.strip().split("=", 2);
        if (kv.length != 2 || kv[1].isBlank()) {
          throw new IllegalArgumentException("OpenID Connect roles are role=value pairs, e.g. administrator=tingsted-admins, not '" + pair + "'");
        }
        try {
          values.put(kv[1].strip(), StaffRole.named(kv[0].strip()));
        } catch (StaffException e) {
          throw new IllegalArgumentException(e.getMessage());
        }
      }
      return values;
    }
  }
}
