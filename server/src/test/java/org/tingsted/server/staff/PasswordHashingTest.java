package org.tingsted.server.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Staff passwords are hashed with Argon2id")
class PasswordHashingTest {

  /** Made by the reference implementation (Debian's argon2 tool): echo -n "correct horse battery staple" | argon2 tingsted-salt-16 -id -t 2 -k 19456 -p 1 -l 32 -e */
  static final String REFERENCE = "$argon2id$v=19$m=19456,t=2,p=1$dGluZ3N0ZWQtc2FsdC0xNg$X9ny+IAREw/A4FptEO7NStC7sWTuU5m6d8jA8mdkLUw";
  /** The same tool with other parameters: echo -n password | argon2 somesaltsomesalt -id -t 3 -k 4096 -p 4 -l 32 -e */
  static final String OTHER_PARAMETERS = "$argon2id$v=19$m=4096,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$yvKKzEjHWhSbUQUSeat6dyFfoycu1T5O/zahhmYuGLw";
  /** Argon2i (not id) of the same password and salt: another algorithm, never taken. */
  static final String ARGON2I = "$argon2i$v=19$m=4096,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$65CDBT38KinH7EPaMF7KnbHK3yjLeWR0uZDw3hatBvo";

  @Test
  @DisplayName("A hash made by the reference implementation verifies with its password, and with no other")
  void referenceHashVerifies() {
    assertThat(PasswordHashing.verify("correct horse battery staple", REFERENCE)).isTrue();
    assertThat(PasswordHashing.verify("correct horse battery stapl", REFERENCE)).isFalse();
    assertThat(PasswordHashing.verify("Correct horse battery staple", REFERENCE)).isFalse();
    assertThat(PasswordHashing.verify("", REFERENCE)).isFalse();
  }

  @Test
  @DisplayName("A hash keeps its own parameters: one made with others still verifies, and is marked for renewal")
  void ownParameters() {
    assertThat(PasswordHashing.verify("password", OTHER_PARAMETERS)).isTrue();
    assertThat(PasswordHashing.verify("passwort", OTHER_PARAMETERS)).isFalse();
    assertThat(PasswordHashing.needsRehash(OTHER_PARAMETERS)).isTrue();
    assertThat(PasswordHashing.needsRehash(REFERENCE)).as("made with today's parameters").isFalse();
  }

  @Test
  @DisplayName("A new hash is Argon2id with 19 MiB, two passes, one lane, a 16-byte salt and a 32-byte hash, salted anew each time")
  void parameters() {
    String hash = PasswordHashing.hash("a long enough password");

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    String[] parts = hash.split("\\$");
    assertThat(java.util.Base64.getDecoder().decode(parts[4])).hasSize(16);
    assertThat(java.util.Base64.getDecoder().decode(parts[5])).hasSize(32);
    assertThat(PasswordHashing.verify("a long enough password", hash)).isTrue();
    assertThat(PasswordHashing.verify("a long enough passwore", hash)).isFalse();
    assertThat(PasswordHashing.hash("a long enough password")).as("another salt").isNotEqualTo(hash);
    assertThat(PasswordHashing.needsRehash(hash)).isFalse();
  }

  @Test
  @DisplayName("Another algorithm, a malformed hash, absurd parameters or a too long password never verify")
  void neverVerifies() {
    assertThat(PasswordHashing.verify("password", ARGON2I)).isFalse();
    assertThat(PasswordHashing.verify("password", null)).isFalse();
    assertThat(PasswordHashing.verify("password", "")).isFalse();
    assertThat(PasswordHashing.verify("password", "$argon2id$v=19$m=4096,t=3,p=4$c29tZXNhbHRzb21lc2FsdA")).isFalse();
    assertThat(PasswordHashing.verify("password", OTHER_PARAMETERS.replace("m=4096", "m=99999999"))).isFalse();
    assertThat(PasswordHashing.verify("password", OTHER_PARAMETERS.replace("t=3", "t=1000"))).isFalse();
    assertThat(PasswordHashing.verify("password", OTHER_PARAMETERS.replace("yvKK", "yvKL"))).isFalse();
    assertThat(PasswordHashing.verify("x".repeat(PasswordHashing.PASSWORD_MAX + 1), REFERENCE)).isFalse();
  }

  @Test
  @DisplayName("A new password has 12 to 1024 characters")
  void weakness() {
    assertThat(PasswordHashing.weakness("short")).contains("at least 12");
    assertThat(PasswordHashing.weakness(null)).isNotNull();
    assertThat(PasswordHashing.weakness("x".repeat(1025))).contains("at most 1024");
    assertThat(PasswordHashing.weakness("twelve chars")).isNull();
  }
}
