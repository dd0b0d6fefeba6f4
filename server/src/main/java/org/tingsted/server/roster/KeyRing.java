package org.tingsted.server.roster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that sign credentials and join codes, each with a key id (kid). One of them, the
 * signing key, signs what is issued now; every key in the ring verifies. An operator rotates
 * by adding a new key (verifying only), then making it the signing key on every node, and
 * removing the old one once no credential of it is needed (see docs/operations.md).
 */
public final class KeyRing {

  /** The kid of the single key of {@code --secret} (or the one kept in the journal). */
  public static final String DEFAULT_KID = "0";
  /** The shortest secret. */
  public static final int MIN_SECRET_BYTES = 16;
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
  private static final String ALGORITHM = "HmacSHA256";

  private final Map<String, SecretKeySpec> keys;
  private final Map<String, byte[]> secrets;
  private final String signing;

  /**
   * @param secrets every key by its kid, in the order the operator listed them
   * @param signing the kid of the key that signs; it must be in {@code secrets}
   */
  public KeyRing(Map<String, byte[]> secrets, String signing) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("the key ring needs at least one key");
    }
    var specs = new LinkedHashMap<String, SecretKeySpec>();
    var copies = new LinkedHashMap<String, byte[]>();
    secrets.forEach((kid, secret) -> {
      if (!validKid(kid)) {
        throw new IllegalArgumentException("a key id is 1 to 16 letters, digits, '-' or '_', not '" + kid + "'");
      }
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException("the key '" + kid + "' must have at least " + MIN_SECRET_BYTES + " bytes");
      }
      specs.put(kid, new SecretKeySpec(secret.clone(), ALGORITHM));
      copies.put(kid, secret.clone());
    });
    if (!specs.containsKey(signing)) {
      throw new IllegalArgumentException("the signing key '" + signing + "' is not among the keys " + specs.keySet());
    }
    this.keys = Collections.unmodifiableMap(specs);
    this.secrets = copies;
    this.signing = signing;
  }

  /** A ring of one key, {@link #DEFAULT_KID}: what a single {@code --secret} makes. */
  public static KeyRing single(byte[] secret) {
    return new KeyRing(Map.of(DEFAULT_KID, secret), DEFAULT_KID);
  }

  /**
   * The keys of {@code --keys}: {@code kid:secret} pairs separated by commas, e.g.
   * {@code 2026b:…,2026a:…}; a secret is text of at least 16 bytes and holds no comma.
   */
  public static Map<String, byte[]> parse(String spec) {
    var keys = new LinkedHashMap<String, byte[]>();
    for (String pair : spec.split(",")) {
      String entry = pair.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("a key is written kid:secret, e.g. 2026a:<at least 16 characters>");
      }
      String kid = entry.substring(0, colon);
      if (keys.put(kid, entry.substring(colon + 1).getBytes(StandardCharsets.UTF_8)) != null) {
        throw new IllegalArgumentException("the key id '" + kid + "' is listed twice");
      }
    }
    return keys;
  }

  static boolean validKid(String kid) {
    return kid != null && KID.matcher(kid).matches();
  }

  /** The kid of the key that signs. */
  public String signingKid() {
    return signing;
  }

  /** Every kid, in the order listed. */
  public Set<String> kids() {
    return keys.keySet();
  }

  /** Whether the ring holds {@code kid}. */
  public boolean has(String kid) {
    return keys.containsKey(kid);
  }

  /** The legacy join tokens signed with the default key, or null when the ring has none. */
  JoinTokens legacyTokens() {
    byte[] secret = secrets.get(DEFAULT_KID);
    return secret == null ? null : new JoinTokens(secret);
  }

  /** The HMAC-SHA256 of {@code message} under {@code kid}'s key; the kid must be in the ring. */
  byte[] mac(String kid, byte[] message) {
    SecretKeySpec key = keys.get(kid);
    if (key == null) {
      throw new IllegalArgumentException("no key " + kid);
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    // Never the secrets: a ring may end up in a log line.
    return "KeyRing" + keys.keySet() + " signing with " + signing;
  }
}
