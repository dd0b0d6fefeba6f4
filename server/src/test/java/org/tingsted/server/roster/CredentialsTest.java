package org.tingsted.server.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Credentials.Kind;
import org.tingsted.server.roster.Credentials.Refusal;

@DisplayName("Credentials")
class CredentialsTest {

  private static final byte[] OLD = "the old key, for tests only".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEW = "the new key, for tests only".getBytes(StandardCharsets.UTF_8);
  private static final Instant NINE = Instant.parse("2027-03-06T08:00:00Z");

  /** A clock the test moves. */
  private static final class Hands extends Clock {
    Instant now = NINE;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Hands clock = new Hands();
  private final Credentials credentials = new Credentials(KeyRing.single(OLD), clock);
  private final Member sofie = new Member("m7", "Sofie", Role.MEMBER, "s1", "t1");
  private final Assembly assembly = new Assembly("a1", "A", "Q?",
      List.of(new Session("s1", "Day", "2027-03-06", List.of(new TablePlace("t1", "Table 1")))), Map.of("m7", sofie));

  private static KeyRing ring(String signing, Object... kidAndSecret) {
    var keys = new LinkedHashMap<String, byte[]>();
    for (int i = 0; i < kidAndSecret.length; i += 2) {
      keys.put((String) kidAndSecret[i], (byte[]) kidAndSecret[i + 1]);
    }
    return new KeyRing(keys, signing);
  }

  @Test
  @DisplayName("a link names its version, key id, assembly, member, role and generation, and reads back as what it was issued for")
  void linkEncoding() {
    String link = credentials.link("a1", sofie);
    String[] parts = link.split("\\.");
    assertThat(parts).hasSize(4);
    assertThat(parts[0]).isEqualTo("v1");
    assertThat(parts[1]).isEqualTo("0");
    assertThat(new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8)).isEqualTo("link.a1.m7.member.1");
    assertThat(link).matches("[A-Za-z0-9._-]+");
    var read = credentials.read(link, Kind.LINK);
    assertThat(read.valid()).isTrue();
    assertThat(read.claim()).isEqualTo(new Credentials.Claim(Kind.LINK, "a1", "m7", Role.MEMBER, 1, null, 0));
    assertThat(Credentials.standing(read.claim(), assembly)).isNull();
    assertThat(credentials.link("a1", sofie)).as("a link is the same every time it is made").isEqualTo(link);
  }

  @Test
  @DisplayName("a session credential carries a random session id and expires 18 hours after it was made, not a second later")
  void sessionExpiry() {
    var one = credentials.session("a1", sofie);
    var two = credentials.session("a1", sofie);
    assertThat(one.credential()).isNotEqualTo(two.credential());
    assertThat(one.claim().session()).isNotEqualTo(two.claim().session()).hasSize(16);
    assertThat(one.claim().expires()).isEqualTo(NINE.plus(Duration.ofHours(18)).getEpochSecond());
    assertThat(credentials.read(one.credential(), Kind.SESSION).claim()).isEqualTo(one.claim());

    clock.now = NINE.plus(Duration.ofHours(18)).minusSeconds(1);
    assertThat(credentials.read(one.credential(), Kind.SESSION).valid()).isTrue();
    clock.now = NINE.plus(Duration.ofHours(18));
    assertThat(credentials.read(one.credential(), Kind.SESSION).refusal()).isEqualTo(Refusal.EXPIRED);
    assertThat(credentials.read(credentials.link("a1", sofie), Kind.LINK).valid()).as("a link does not expire").isTrue();
  }

  @Test
  @DisplayName("a link is no session and a session no link: each is refused where the other is needed")
  void wrongKind() {
    assertThat(credentials.read(credentials.link("a1", sofie), Kind.SESSION).refusal()).isEqualTo(Refusal.WRONG_KIND);
    assertThat(credentials.read(credentials.session("a1", sofie).credential(), Kind.LINK).refusal())
        .isEqualTo(Refusal.WRONG_KIND);
    String legacy = new JoinTokens(OLD).issue("a1", "m7");
    assertThat(credentials.read(legacy, Kind.SESSION).refusal()).as("a legacy link is a link").isEqualTo(Refusal.WRONG_KIND);
  }

  @Test
  @DisplayName("missing, empty, cut, changed or foreign credentials are refused, each for its reason")
  void refusals() {
    String link = credentials.link("a1", sofie);
    String[] p = link.split("\\.");
    assertThat(credentials.read(null, Kind.LINK).refusal()).isEqualTo(Refusal.MISSING);
    assertThat(credentials.read("", Kind.LINK).refusal()).isEqualTo(Refusal.MISSING);
    assertThat(credentials.read("  ", Kind.LINK).refusal()).isEqualTo(Refusal.MISSING);
    assertThat(credentials.read("v1.0." + p[2], Kind.LINK).refusal()).isEqualTo(Refusal.MALFORMED);
    assertThat(credentials.read("v2.0." + p[2] + "." + p[3], Kind.LINK).refusal()).isEqualTo(Refusal.MALFORMED);
    assertThat(credentials.read("v1.0." + p[2] + "." + p[3] + "!", Kind.LINK).refusal()).isEqualTo(Refusal.MALFORMED);
    assertThat(credentials.read("x".repeat(Credentials.MAX_LENGTH + 1), Kind.LINK).refusal()).isEqualTo(Refusal.MALFORMED);
    assertThat(credentials.read("v1.9." + p[2] + "." + p[3], Kind.LINK).refusal()).isEqualTo(Refusal.UNKNOWN_KEY);

    // Another member, another role, another generation: each a changed payload under the old signature.
    for (String changed : List.of("link.a1.m8.member.1", "link.a1.m7.lead_facilitator.1", "link.a1.m7.member.2",
        "link.a2.m7.member.1", "session.a1.m7.member.1.abc.99999999999")) {
      String forged = "v1.0." + b64(changed) + "." + p[3];
      assertThat(credentials.read(forged, Kind.LINK).refusal()).as(changed).isEqualTo(Refusal.TAMPERED);
    }
    // Signed by another server with the same key id.
    String foreign = new Credentials(KeyRing.single(NEW), clock).link("a1", sofie);
    assertThat(credentials.read(foreign, Kind.LINK).refusal()).isEqualTo(Refusal.TAMPERED);
    // A session credential's expiry moved: the signature no longer fits.
    var session = credentials.session("a1", sofie).credential().split("\\.");
    String later = new String(Base64.getUrlDecoder().decode(session[2]), StandardCharsets.UTF_8).replaceAll("\\d+$", "99999999999");
    assertThat(credentials.read("v1.0." + b64(later) + "." + session[3], Kind.SESSION).refusal()).isEqualTo(Refusal.TAMPERED);
  }

  @Test
  @DisplayName("only the canonical spelling is taken: padding, other unused bits, or a payload that is signed but not as the server writes it, are refused")
  void canonicalOnly() {
    String link = credentials.link("a1", sofie);
    String[] p = link.split("\\.");
    String padded = p[3] + "=".repeat((4 - p[3].length() % 4) % 4);
    assertThat(padded).isNotEqualTo(p[3]);
    assertThat(credentials.read("v1.0." + p[2] + "." + padded, Kind.LINK).refusal()).isIn(Refusal.NON_CANONICAL, Refusal.MALFORMED);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char last = p[3].charAt(p[3].length() - 1);
    String sibling = p[3].substring(0, p[3].length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
    assertThat(Base64.getUrlDecoder().decode(sibling)).isEqualTo(Base64.getUrlDecoder().decode(p[3]));
    assertThat(credentials.read("v1.0." + p[2] + "." + sibling, Kind.LINK).refusal()).isEqualTo(Refusal.NON_CANONICAL);

    // Signed properly (a server that wrote "01" or "MEMBER"), but not the one spelling: refused all the same.
    for (String odd : List.of("link.a1.m7.member.01", "link.a1.m7.MEMBER.1", "link.a1.m7.member.+1")) {
      String payload = b64(odd);
      String mac = Base64.getUrlEncoder().withoutPadding().encodeToString(
          KeyRing.single(OLD).mac("0", ("tingsted credential\u001fv1.0." + payload).getBytes(StandardCharsets.UTF_8)));
      assertThat(credentials.read("v1.0." + payload + "." + mac, Kind.LINK).refusal()).as(odd).isEqualTo(Refusal.NON_CANONICAL);
    }
    assertThat(credentials.read(link, Kind.LINK).valid()).isTrue();
  }

  @Test
  @DisplayName("rotation: a new key verifies before it signs, the old one keeps verifying until it is removed, and then its credentials are refused as of an unknown key")
  void rotation() {
    String before = credentials.link("a1", sofie);
    var adding = new Credentials(ring("0", "0", OLD, "k2", NEW), clock);
    assertThat(adding.link("a1", sofie)).as("still signed with the old key").isEqualTo(before);
    String newSigned = new Credentials(ring("k2", "k2", NEW), clock).link("a1", sofie);
    assertThat(adding.read(newSigned, Kind.LINK).valid()).as("the new key verifies before it signs").isTrue();

    var switched = new Credentials(ring("k2", "0", OLD, "k2", NEW), clock);
    assertThat(switched.link("a1", sofie)).startsWith("v1.k2.").isEqualTo(newSigned);
    assertThat(switched.read(before, Kind.LINK).valid()).as("the old key still verifies").isTrue();

    var retired = new Credentials(ring("k2", "k2", NEW), clock);
    assertThat(retired.read(before, Kind.LINK).refusal()).isEqualTo(Refusal.UNKNOWN_KEY);
    assertThat(retired.read(new JoinTokens(OLD).issue("a1", "m7"), Kind.LINK).refusal())
        .as("a legacy link needs the key 0").isEqualTo(Refusal.UNKNOWN_KEY);
    assertThat(retired.read(newSigned, Kind.LINK).valid()).isTrue();
  }

  @Test
  @DisplayName("the roster decides the rest: an older generation is revoked; another assembly, an unknown member, another role or a generation never issued is nobody")
  void standing() {
    var link = credentials.read(credentials.link("a1", sofie), Kind.LINK).claim();
    Assembly reissued = assembly.reissue("m7");
    assertThat(reissued.members().get("m7").generation()).isEqualTo(2);
    assertThat(Credentials.standing(link, reissued)).isEqualTo(Refusal.REVOKED);
    assertThat(Credentials.standing(credentials.read(credentials.link("a1", reissued.members().get("m7")), Kind.LINK).claim(),
        reissued)).isNull();
    assertThat(Credentials.standing(credentials.read(credentials.link("a1", reissued.members().get("m7")), Kind.LINK).claim(),
        assembly)).as("generation 2 where the roster has 1").isEqualTo(Refusal.UNKNOWN_MEMBER);
    assertThat(Credentials.standing(link, null)).isEqualTo(Refusal.UNKNOWN_MEMBER);
    assertThat(Credentials.standing(link, new Assembly("a2", "B", "Q", assembly.sessions(), assembly.members())))
        .isEqualTo(Refusal.UNKNOWN_MEMBER);
    var lead = new Member("m7", "Sofie", Role.LEAD_FACILITATOR, "s1", null);
    assertThat(Credentials.standing(credentials.read(credentials.link("a1", lead), Kind.LINK).claim(), assembly))
        .isEqualTo(Refusal.UNKNOWN_MEMBER);
    var legacy = credentials.read(new JoinTokens(OLD).issue("a1", "m7"), Kind.LINK);
    assertThat(legacy.valid()).as("cards printed before credentials had versions").isTrue();
    assertThat(Credentials.standing(legacy.claim(), assembly)).isNull();
    assertThat(Credentials.standing(legacy.claim(), reissued)).isEqualTo(Refusal.REVOKED);
  }

  @Test
  @DisplayName("join codes: generation 1 keeps the code printed before; a reissue gives a new code and the old one finds nobody; a code of a listed older key still finds its person")
  void codes() {
    var codes = new JoinCodes(KeyRing.single(OLD));
    String first = codes.of("a1", sofie);
    assertThat(first).isEqualTo(codes.of("a1", "m7"));
    assertThat(codes.resolve(List.of(assembly), first)).isEqualTo(new JoinTokens.Claim("a1", "m7"));
    Assembly reissued = assembly.reissue("m7");
    String second = codes.of("a1", reissued.members().get("m7"));
    assertThat(second).isNotEqualTo(first);
    assertThat(codes.resolve(List.of(reissued), first)).isNull();
    assertThat(codes.resolve(List.of(reissued), second)).isEqualTo(new JoinTokens.Claim("a1", "m7"));
    var rotated = new JoinCodes(ring("k2", "0", OLD, "k2", NEW));
    assertThat(rotated.of("a1", sofie)).isNotEqualTo(first);
    assertThat(rotated.resolve(List.of(assembly), first)).isEqualTo(new JoinTokens.Claim("a1", "m7"));
    assertThat(new JoinCodes(ring("k2", "k2", NEW)).resolve(List.of(assembly), first)).isNull();
  }

  @Test
  @DisplayName("the key ring refuses short secrets, odd key ids and a signing key it does not hold, and never prints a secret")
  void keyRing() {
    assertThatThrownBy(() -> ring("0", "0", "short".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> ring("a.b", "a.b", NEW)).hasMessageContaining("key id");
    assertThatThrownBy(() -> ring("k3", "k2", NEW)).hasMessageContaining("signing key");
    var parsed = KeyRing.parse("k2:a new secret of 2027 for tests, k1:an old secret of 2026 for tests");
    assertThat(parsed).containsOnlyKeys("k2", "k1");
    assertThat(new String(parsed.get("k1"), StandardCharsets.UTF_8)).isEqualTo("an old secret of 2026 for tests");
    assertThatThrownBy(() -> KeyRing.parse("k2:a new secret of 2027 for tests,k2:an old secret of 2026 for tests"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> KeyRing.parse("a secret without a key id")).hasMessageContaining("kid:secret");
    assertThat(ring("k2", "0", OLD, "k2", NEW).toString()).doesNotContain("key, for tests").contains("k2");
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
