package org.tingsted.server.roster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Join tokens as links carried them before {@link Credentials}: a token names an assembly and a
 * member and is signed with the server's secret (HMAC-SHA256), so nobody can forge one for
 * another member. Only read now, as a link credential of generation 1 under the key
 * {@link KeyRing#DEFAULT_KID}, so that cards printed before keep working until revoked.
 *
 * <p>Format: {@code base64url(assembly "." member) "." base64url(hmac)}. Ids contain no dot.
 */
public final class JoinTokens {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public JoinTokens(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the join token secret must have at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /** Who a valid token lets in. */
  public record Claim(String assembly, String member) {
  }

  /** A token for {@code member} of {@code assembly}. */
  public String issue(String assembly, String member) {
    byte[] payload = (assembly + "." + member).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
  }

  /** The claim of a token whose signature is ours, or null for anything else. */
  public Claim verify(String token) {
    if (token == null) {
      return null;
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return null;
    }
    try {
      String payloadText = token.substring(0, dot);
      String signatureText = token.substring(dot + 1);
      byte[] payload = DECODER.decode(payloadText);
      byte[] signature = DECODER.decode(signatureText);
      // Canonical encoding only: one token, one spelling, so that comparing or revoking tokens
      // as text holds (the decoder also takes padding and other bits in the last character).
      if (!ENCODER.encodeToString(payload).equals(payloadText) || !ENCODER.encodeToString(signature).equals(signatureText)) {
        return null;
      }
      if (!MessageDigest.isEqual(sign(payload), signature)) {
        return null;
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\.", -1);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        return null;
      }
      return new Claim(parts[0], parts[1]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
