package org.tingsted.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.Role;

@DisplayName("A join code")
class JoinCodesTest {

  private static final byte[] SECRET = "a secret of the server, long enough".getBytes(StandardCharsets.UTF_8);
  private final JoinCodes codes = new JoinCodes(KeyRing.single(SECRET));

  private static Assembly assembly(String id, int people) {
    Map<String, Member> members = new LinkedHashMap<>();
    for (int i = 0; i < people; i++) {
      members.put("m" + i, new Member("m" + i, "Person " + i, Role.MEMBER, "s1", "t1"));
    }
    return new Assembly(id, "Assembly " + id, "?", List.of(new Session("s1", "Dag 1", null, List.of(new TablePlace("t1", "Bord 1")))),
        members);
  }

  @Test
  @DisplayName("has eight characters in two groups of four, none of them look-alikes")
  void format() {
    String code = codes.of("a1", "m1");
    assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}");
    assertThat(code.replace("-", "")).doesNotContain("0", "O", "1", "I", "L", "U");
    assertThat(JoinCodes.ALPHABET).hasSize(30).doesNotContain("0", "O", "1", "I", "L", "U");
  }

  @Test
  @DisplayName("is the same every time for the same person and secret")
  void stable() {
    assertThat(new JoinCodes(KeyRing.single(SECRET)).of("a1", "m1")).isEqualTo(codes.of("a1", "m1"));
  }

  /**
   * The codes of a few people under two secrets. These values were taken from the
   * implementation before JoinCodes signed through JoinTokens (when it set up its own HMAC key),
   * so that cards printed then still let their people in: they must never change.
   */
  @Test
  @DisplayName("is the same as on the cards already printed")
  void printedCards() {
    byte[] second = new byte[16];
    for (int i = 0; i < second.length; i++) {
      second[i] = (byte) (i * 17);
    }
    var first = new JoinCodes(KeyRing.single(SECRET));
    var other = new JoinCodes(KeyRing.single(second));
    assertThat(first.of("a1", "m1")).isEqualTo("8ESW-JD7A");
    assertThat(first.of("a1", "m2")).isEqualTo("ERQV-TQ7Z");
    assertThat(first.of("a2", "m1")).isEqualTo("S3JX-YXEC");
    assertThat(first.of("a1", "m399")).isEqualTo("K5A2-SQMR");
    assertThat(first.of("assembly-2025", "member-42")).isEqualTo("GT5E-AY5W");
    assertThat(other.of("a1", "m1")).isEqualTo("MCQ8-8WWH");
    assertThat(other.of("a1", "m2")).isEqualTo("VD8F-45YD");
    assertThat(other.of("a2", "m1")).isEqualTo("RACS-FQ63");
    assertThat(other.of("a1", "m399")).isEqualTo("2FZK-CCE6");
    assertThat(other.of("assembly-2025", "member-42")).isEqualTo("49KV-B78D");
  }

  @Test
  @DisplayName("is read in small letters, with spaces and without its dash")
  void lenient() {
    String code = codes.of("a1", "m3");
    String bare = code.replace("-", "");
    var all = List.of(assembly("a1", 5));
    for (String typed : List.of(code, code.toLowerCase(), bare, bare.toLowerCase(), " " + bare.substring(0, 4) + " " + bare.substring(4) + " ",
        bare.substring(0, 2) + "-" + bare.substring(2, 6) + " - " + bare.substring(6))) {
      assertThat(codes.resolve(all, typed)).as(typed).isEqualTo(new JoinTokens.Claim("a1", "m3"));
    }
  }

  @Test
  @DisplayName("that is too short, too long or has a look-alike character finds nobody")
  void malformed() {
    String bare = codes.of("a1", "m0").replace("-", "");
    var all = List.of(assembly("a1", 1));
    assertThat(codes.resolve(all, bare)).isNotNull();
    assertThat(codes.resolve(all, bare.substring(1))).isNull();
    assertThat(codes.resolve(all, bare + "A")).isNull();
    assertThat(codes.resolve(all, "O" + bare.substring(1))).isNull();
    assertThat(codes.resolve(all, null)).isNull();
    assertThat(JoinCodes.normalize("k7qm 3xwd")).isEqualTo("K7QM3XWD");
    assertThat(JoinCodes.normalize("K7QM-3XW0")).isNull();
  }

  @Test
  @DisplayName("differs between the people of an assembly of four hundred, and between assemblies")
  void distinct() {
    var seen = new HashSet<String>();
    for (String a : List.of("a1", "a2")) {
      for (int i = 0; i < 400; i++) {
        seen.add(codes.of(a, "m" + i));
      }
    }
    assertThat(seen).hasSize(800);
    var all = List.of(assembly("a1", 400), assembly("a2", 400));
    assertThat(codes.resolve(all, codes.of("a2", "m399"))).isEqualTo(new JoinTokens.Claim("a2", "m399"));
    assertThat(codes.resolve(all, codes.of("a1", "m7"))).isEqualTo(new JoinTokens.Claim("a1", "m7"));
  }

  @Test
  @DisplayName("made with another secret, of another assembly, or of someone not in the roster finds nobody")
  void foreign() {
    var all = List.of(assembly("a1", 50));
    var other = new JoinCodes(KeyRing.single("another server's secret, also long".getBytes(StandardCharsets.UTF_8)));
    assertThat(other.of("a1", "m1")).isNotEqualTo(codes.of("a1", "m1"));
    assertThat(codes.resolve(all, other.of("a1", "m1"))).isNull();
    assertThat(codes.resolve(all, codes.of("a9", "m1"))).isNull();
    assertThat(codes.resolve(all, codes.of("a1", "m50"))).isNull();
    assertThat(codes.resolve(all, codes.of("a1", "m49"))).isNotNull();
  }
}
