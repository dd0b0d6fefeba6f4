package org.tingsted.server.roster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.tingsted.server.deliberation.Role;

/**
 * The credentials people hold, signed with the {@link KeyRing}.
 *
 * <ul>
 *   <li>A <b>link credential</b> is what a join link, its QR code and its short code carry. It
 *       is bound to one assembly, one member, their role and their credential generation, and
 *       never expires: revoking the member's link (counting the generation up) ends it.</li>
 *   <li>A <b>session credential</b> is what the app gets for a link credential at once, and
 *       sends in every {@code hello}. It carries the same binding, a random session id and an
 *       expiry {@link #SESSION_LIFETIME} after it was issued.</li>
 * </ul>
 *
 * <p>Encoding, one spelling only: {@code v1.<kid>.<payload>.<mac>}, where payload is the
 * Base64url (no padding) of the UTF-8 of {@code link.<assembly>.<member>.<role>.<generation>}
 * or {@code session.<assembly>.<member>.<role>.<generation>.<session id>.<expiry, epoch
 * seconds>}, and mac the Base64url of HMAC-SHA256 under the kid's key of "tingsted
 * credential", U+001F, and {@code v1.<kid>.<payload>}. A text that is not exactly what this
 * class would write for its claim is refused, however it decodes.
 *
 * <p>Links issued before credentials had versions ({@link JoinTokens}) are still taken as link
 * credentials of generation 1 under the key {@link KeyRing#DEFAULT_KID}, so printed cards keep
 * working until their member's link is revoked.
 */
public final class Credentials {

  /** The version of the encoding. */
  public static final String VERSION = "v1";
  /**
   * How long a session credential is good for: a session day from early morning to late
   * evening, with room to spare, but not the next day.
   */
  public static final Duration SESSION_LIFETIME = Duration.ofHours(18);
  /** The longest credential text that is read at all. */
  public static final int MAX_LENGTH = 1024;

  private static final String LABEL = "tingsted credential";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a credential is for. */
  public enum Kind {
    /** A join link's: exchanged for a session, never sent in {@code hello}. */
    LINK,
    /** A session's: sent in {@code hello} and in the console's HTTP calls. */
    SESSION;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Why a credential is refused. */
  public enum Refusal {
    /** No credential, or an empty one. */
    MISSING,
    /** Not a credential: the wrong number of parts, an unknown version, bad Base64, bad fields. */
    MALFORMED,
    /** A credential spelt another way than the server writes it (padding, other unused bits, "01"). */
    NON_CANONICAL,
    /** Signed with a key that is not in this server's ring (retired, or another server's). */
    UNKNOWN_KEY,
    /** The signature does not match: changed, or made with another secret of the same kid. */
    TAMPERED,
    /** A link credential where a session credential is needed, or the other way round. */
    WRONG_KIND,
    /** A session credential past its expiry. */
    EXPIRED,
    /** For an assembly or a member this server does not know, or with another role. */
    UNKNOWN_MEMBER,
    /** Of an older generation than the member's: their link was revoked and reissued. */
    REVOKED;

    /** The name sent to clients, e.g. {@code non_canonical}. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What a valid credential says.
   *
   * @param role       null only for a legacy link, which binds no role
   * @param session    the session id; null for a link
   * @param expires    epoch seconds; 0 for a link
   */
  public record Claim(Kind kind, String assembly, String member, Role role, int generation, String session,
                      long expires) {
  }

  /** A credential read: its claim, or why it is refused. */
  public record Checked(Claim claim, Refusal refusal) {

    static Checked valid(Claim claim) {
      return new Checked(claim, null);
    }

    static Checked refused(Refusal refusal) {
      return new Checked(null, refusal);
    }

    public boolean valid() {
      return refusal == null;
    }
  }

  /** A session credential as issued: its text and when it expires. */
  public record Session(String credential, Claim claim) {
  }

  private final KeyRing ring;
  private final Clock clock;
  private final JoinTokens legacy;

  public Credentials(KeyRing ring, Clock clock) {
    this.ring = ring;
    this.clock = clock;
    this.legacy = ring.legacyTokens();
  }

  /** The key ring. */
  public KeyRing ring() {
    return ring;
  }

  /** The link credential of {@code member} of {@code assembly}, at their generation now. */
  public String link(String assembly, Member member) {
    return encode(new Claim(Kind.LINK, assembly, member.id(), member.role(), member.generation(), null, 0),
        ring.signingKid());
  }

  /**
   * A new session credential for {@code member} of {@code assembly}, as the roster has them
   * now, good for {@link #SESSION_LIFETIME}. What a link is exchanged for; also what any other
   * way of proving who someone is (a staff login) hands out, so that {@code hello} takes one
   * kind of credential only.
   */
  public Session session(String assembly, Member member) {
    byte[] id = new byte[12];
    RANDOM.nextBytes(id);
    long expires = clock.instant().plus(SESSION_LIFETIME).getEpochSecond();
    var claim = new Claim(Kind.SESSION, assembly, member.id(), member.role(), member.generation(),
        ENCODER.encodeToString(id), expires);
    return new Session(encode(claim, ring.signingKid()), claim);
  }

  /**
   * Reads a credential that must be of {@code expected} kind: its encoding, key, signature,
   * kind and expiry. Whether the roster still stands behind it is {@link #standing}'s part.
   */
  public Checked read(String text, Kind expected) {
    if (text == null || text.isBlank()) {
      return Checked.refused(Refusal.MISSING);
    }
    if (text.length() > MAX_LENGTH) {
      return Checked.refused(Refusal.MALFORMED);
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length == 2) {
      return legacy(text, expected);
    }
    if (parts.length != 4 || !VERSION.equals(parts[0]) || !KeyRing.validKid(parts[1])) {
      return Checked.refused(Refusal.MALFORMED);
    }
    String kid = parts[1];
    if (!ring.has(kid)) {
      return Checked.refused(Refusal.UNKNOWN_KEY);
    }
    byte[] payload;
    byte[] mac;
    try {
      payload = DECODER.decode(parts[2]);
      mac = DECODER.decode(parts[3]);
    } catch (IllegalArgumentException e) {
      return Checked.refused(Refusal.MALFORMED);
    }
    // Canonical Base64url before the signature: one credential, one spelling, so that comparing
    // them as text holds. (The signature covers the payload's text, so a respelt payload would
    // fail it too; a respelt signature would not.)
    if (!ENCODER.encodeToString(payload).equals(parts[2]) || !ENCODER.encodeToString(mac).equals(parts[3])) {
      return Checked.refused(Refusal.NON_CANONICAL);
    }
    if (!MessageDigest.isEqual(sign(kid, parts[2]), mac)) {
      return Checked.refused(Refusal.TAMPERED);
    }
    Claim claim = parse(new String(payload, StandardCharsets.UTF_8));
    if (claim == null) {
      return Checked.refused(Refusal.MALFORMED);
    }
    if (!encode(claim, kid).equals(text)) {
      return Checked.refused(Refusal.NON_CANONICAL);
    }
    if (claim.kind() != expected) {
      return Checked.refused(Refusal.WRONG_KIND);
    }
    if (claim.kind() == Kind.SESSION && clock.instant().getEpochSecond() >= claim.expires()) {
      return Checked.refused(Refusal.EXPIRED);
    }
    return Checked.valid(claim);
  }

  /**
   * Whether the roster stands behind a valid claim: null if it does, else why not. The
   * assembly is the one the claim names, as the roster holds it now, or null when there is none.
   */
  public static Refusal standing(Claim claim, Assembly assembly) {
    Member member = assembly == null || !assembly.id().equals(claim.assembly()) ? null
        : assembly.members().get(claim.member());
    // A pseudonymised person is no one any more: their link lets nobody in.
    if (member == null || member.wasPseudonymised() || claim.role() != null && claim.role() != member.role()) {
      return Refusal.UNKNOWN_MEMBER;
    }
    if (claim.generation() != member.generation()) {
      // A generation newer than the roster's was never issued by it: that is no revocation.
      return claim.generation() < member.generation() ? Refusal.REVOKED : Refusal.UNKNOWN_MEMBER;
    }
    return null;
  }

  private Checked legacy(String text, Kind expected) {
    JoinTokens.Claim old = legacy == null ? null : legacy.verify(text);
    if (old == null) {
      return Checked.refused(legacy == null ? Refusal.UNKNOWN_KEY : Refusal.TAMPERED);
    }
    if (expected != Kind.LINK) {
      return Checked.refused(Refusal.WRONG_KIND);
    }
    return Checked.valid(new Claim(Kind.LINK, old.assembly(), old.member(), null, 1, null, 0));
  }

  private String encode(Claim claim, String kid) {
    var fields = new StringBuilder()
        .append(claim.kind().wire()).append('.').append(claim.assembly()).append('.').append(claim.member())
        .append('.').append(claim.role().name().toLowerCase(Locale.ROOT)).append('.').append(claim.generation());
    if (claim.kind() == Kind.SESSION) {
      fields.append('.').append(claim.session()).append('.').append(claim.expires());
    }
    String payload = ENCODER.encodeToString(fields.toString().getBytes(StandardCharsets.UTF_8));
    return VERSION + "." + kid + "." + payload + "." + ENCODER.encodeToString(sign(kid, payload));
  }

  private byte[] sign(String kid, String payload) {
    return ring.mac(kid, (LABEL + "\u001f" + VERSION + "." + kid + "." + payload).getBytes(StandardCharsets.UTF_8));
  }

  /** The claim of a payload, or null when it is not one; its spelling is checked by re-encoding. */
  private static Claim parse(String payload) {
    String[] f = payload.split("\\.", -1);
    try {
      Kind kind = switch (f[0]) {
        case "link" -> Kind.LINK;
        case "session" -> Kind.SESSION;
        default -> null;
      };
      if (kind == null || f.length != (kind == Kind.LINK ? 5 : 7)) {
        return null;
      }
      for (String field : f) {
        if (field.isEmpty()) {
          return null;
        }
      }
      Role role = Role.valueOf(f[3].toUpperCase(Locale.ROOT));
      if (role == Role.ADMINISTRATOR || role == Role.SERVER) {
        return null;
      }
      int generation = Integer.parseInt(f[4]);
      if (generation < 1) {
        return null;
      }
      return kind == Kind.LINK
          ? new Claim(kind, f[1], f[2], role, generation, null, 0)
          : new Claim(kind, f[1], f[2], role, generation, f[5], Long.parseLong(f[6]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
