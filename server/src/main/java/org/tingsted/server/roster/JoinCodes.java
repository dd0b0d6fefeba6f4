package org.tingsted.server.roster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

/**
 * Join codes: the short code printed on a person's card, to type when a QR code cannot be
 * scanned. "K7QM-3XWD": eight characters in two groups of four, from 30 letters and digits with
 * none that look alike (no 0, O, 1, I, L; no U, which reads as V), read case-insensitively with spaces and dashes
 * ignored.
 *
 * <p>A code is not stored: it is an HMAC-SHA256 of the assembly and member ids and the member's
 * credential generation, under a key of the {@link KeyRing} and a label of its own, so every
 * node that shares the keys and the roster finds the same person for it, nobody can work out
 * another person's code from their own, and revoking a member's link (a new generation) gives
 * them a new code and ends the old one. Codes are printed with the signing key and found with
 * any key of the ring, so they survive a rotation until the old key is removed. It has 30^8 (about 2^39) values: with a few hundred
 * people, one guess in about two thousand million hits someone, which the per-address limit on
 * wrong codes (see {@code http.JoinCodeRoutes}) keeps out of reach.
 */
public final class JoinCodes {

  /** The characters a code is written in. */
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  /** Characters in a code, without its dash. */
  public static final int LENGTH = 8;

  /**
   * What a code's signature is labelled with. The signed bytes are "tingsted join code",
   * U+001F, the assembly id, U+001F, the member id, and from the second generation on U+001F
   * and the generation: for generation 1 exactly as before codes had generations, so printed
   * cards keep working. Never change it.
   */
  private static final String LABEL = "tingsted join code";

  private final KeyRing ring;

  /** Codes signed with the keys of {@code ring}. */
  public JoinCodes(KeyRing ring) {
    this.ring = ring;
  }

  /** The code of {@code member} of {@code assembly} at their generation now, as printed: "K7QM-3XWD". */
  public String of(String assembly, Member member) {
    return dashed(bare(ring.signingKid(), assembly, member.id(), member.generation()));
  }

  /** The code of a member at generation 1 whose link was never revoked. */
  String of(String assembly, String member) {
    return dashed(bare(ring.signingKid(), assembly, member, 1));
  }

  private static String dashed(String bare) {
    return bare.substring(0, LENGTH / 2) + "-" + bare.substring(LENGTH / 2);
  }

  /**
   * What a person typed, as the eight characters of a code ("k7qm 3xwd" gives "K7QM3XWD"), or
   * null when it cannot be a code (wrong length, a character outside the alphabet).
   */
  public static String normalize(String typed) {
    if (typed == null || typed.length() > 64) {
      return null;
    }
    var out = new StringBuilder(LENGTH);
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || c == '\u2010' || c == '\u2013' || Character.isWhitespace(c)) {
        continue;
      }
      if (ALPHABET.indexOf(c) < 0) {
        return null;
      }
      out.append(c);
    }
    return out.length() == LENGTH ? out.toString() : null;
  }

  /**
   * The person in {@code assemblies} whose code this is, or null. A code that is not well
   * formed, made with another secret, of an older generation of its member (revoked), or of
   * someone no longer in the roster, finds nobody.
   */
  public JoinTokens.Claim resolve(Collection<Assembly> assemblies, String typed) {
    String code = normalize(typed);
    if (code == null) {
      return null;
    }
    byte[] wanted = code.getBytes(StandardCharsets.US_ASCII);
    JoinTokens.Claim found = null;
    for (Assembly assembly : assemblies) {
      for (Member member : assembly.members().values()) {
        for (String kid : ring.kids()) {
          // Compared in constant time, and every candidate is computed, so the time taken says
          // nothing of how near a guess came.
          byte[] candidate = bare(kid, assembly.id(), member.id(), member.generation()).getBytes(StandardCharsets.US_ASCII);
          if (java.security.MessageDigest.isEqual(candidate, wanted) && found == null) {
            found = new JoinTokens.Claim(assembly.id(), member.id());
          }
        }
      }
    }
    return found;
  }

  private String bare(String kid, String assembly, String member, int generation) {
    String message = LABEL + "\u001f" + assembly + "\u001f" + member + (generation == 1 ? "" : "\u001f" + generation);
    byte[] mac = ring.mac(kid, message.getBytes(StandardCharsets.UTF_8));
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (mac[i] & 0xff);
    }
    // 30^8 is far below 2^64, so the remainders are as good as uniform.
    var out = new char[LENGTH];
    int base = ALPHABET.length();
    for (int i = LENGTH - 1; i >= 0; i--) {
      out[i] = ALPHABET.charAt((int) Long.remainderUnsigned(value, base));
      value = Long.divideUnsigned(value, base);
    }
    return new String(out);
  }
}
