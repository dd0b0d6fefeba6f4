package org.tingsted.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Join tokens")
class JoinTokensTest {

  private final JoinTokens tokens = new JoinTokens("a secret for tests only".getBytes(StandardCharsets.UTF_8));

  @Test
  @DisplayName("a token this server issued names its assembly and member; one signed by another key, or cut, names no one")
  void verify() {
    String token = tokens.issue("a1", "m7");
    assertThat(tokens.verify(token)).isEqualTo(new JoinTokens.Claim("a1", "m7"));
    assertThat(new JoinTokens("another key, also for tests".getBytes(StandardCharsets.UTF_8)).verify(token)).isNull();
    assertThat(tokens.verify(token.substring(0, token.length() - 1))).isNull();
    assertThat(tokens.verify("")).isNull();
    assertThat(tokens.verify(null)).isNull();
  }

  @Test
  @DisplayName("only the canonical spelling of a token is taken: with padding, or with other bits in a last character, it names no one")
  void canonicalOnly() {
    String token = tokens.issue("a1", "m7");
    int dot = token.indexOf('.');
    String payload = token.substring(0, dot);
    String signature = token.substring(dot + 1);
    // Padding, which the decoder accepts.
    String padded = payload + "=".repeat((4 - payload.length() % 4) % 4);
    if (!padded.equals(payload)) {
      assertThat(Base64.getUrlDecoder().decode(padded)).isEqualTo(Base64.getUrlDecoder().decode(payload));
      assertThat(tokens.verify(padded + "." + signature)).isNull();
    }
    // The signature (32 bytes: 43 characters) leaves two unused bits in its last character.
    char last = signature.charAt(signature.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
    String other = signature.substring(0, signature.length() - 1) + sibling;
    assertThat(Base64.getUrlDecoder().decode(other)).as("the same bytes").isEqualTo(Base64.getUrlDecoder().decode(signature));
    assertThat(tokens.verify(payload + "." + other)).isNull();
    assertThat(tokens.verify(token)).isNotNull();
  }
}
