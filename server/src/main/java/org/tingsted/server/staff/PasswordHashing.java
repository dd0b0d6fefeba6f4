package org.tingsted.server.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Staff passwords hashed with Argon2id (RFC 9106) by BouncyCastle's {@link Argon2BytesGenerator},
 * written in the PHC string format that other tools read:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded Base64).
 *
 * <p>The parameters are OWASP's first recommendation for Argon2id: 19 MiB of memory, two passes,
 * one lane, a 16-byte random salt and a 32-byte hash. A hash keeps its own parameters, so raising
 * them later still verifies the old hashes ({@link #needsRehash} says which to renew at login).
 * Hashing takes tens of milliseconds by design: call it on a worker thread, never an event loop.
 */
public final class PasswordHashing {

  /** Memory in KiB. */
  public static final int MEMORY_KIB = 19 * 1024;
  /** Passes over the memory. */
  public static final int ITERATIONS = 2;
  /** Lanes. */
  public static final int PARALLELISM = 1;
  public static final int SALT_BYTES = 16;
  public static final int HASH_BYTES = 32;
  /** The longest password taken: a longer one is refused before hashing, so nobody makes the server hash megabytes. */
  public static final int PASSWORD_MAX = 1024;
  /** The shortest password an account may be given. */
  public static final int PASSWORD_MIN = 12;

  private static final String PREFIX = "$argon2id$v=19$";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

  private PasswordHashing() {
  }

  /** The PHC string of {@code password} with a fresh salt and the current parameters. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return PREFIX + "m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
        + "$" + B64.encodeToString(hash);
  }

  /**
   * Whether {@code password} is the one {@code phc} was made from. A malformed hash, or one
   * of another algorithm, never verifies. The comparison takes the same time wherever the
   * bytes differ.
   */
  public static boolean verify(String password, String phc) {
    Parsed parsed = parse(phc);
    if (parsed == null || password == null || password.length() > PASSWORD_MAX) {
      return false;
    }
    byte[] computed = derive(password, parsed.salt, parsed.memory, parsed.iterations, parsed.parallelism,
        parsed.hash.length);
    return MessageDigest.isEqual(computed, parsed.hash);
  }

  /** Whether a hash was made with other parameters than today's, so that a login should renew it. */
  public static boolean needsRehash(String phc) {
    Parsed parsed = parse(phc);
    return parsed == null || parsed.memory != MEMORY_KIB || parsed.iterations != ITERATIONS
        || parsed.parallelism != PARALLELISM || parsed.hash.length != HASH_BYTES || parsed.salt.length != SALT_BYTES;
  }

  /** Why a new password is not acceptable, or null when it is. */
  public static String weakness(String password) {
    if (password == null || password.isEmpty()) {
      return "a password is required";
    }
    int length = password.codePointCount(0, password.length());
    if (length < PASSWORD_MIN) {
      return "a password needs at least " + PASSWORD_MIN + " characters";
    }
    if (password.length() > PASSWORD_MAX) {
      return "a password has at most " + PASSWORD_MAX + " characters";
    }
    return null;
  }

  private record Parsed(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {
  }

  private static Parsed parse(String phc) {
    if (phc == null || !phc.startsWith(PREFIX)) {
      return null;
    }
    String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
    if (parts.length != 3) {
      return null;
    }
    int memory = -1;
    int iterations = -1;
    int parallelism = -1;
    try {
      for (String parameter : parts[0].split(",")) {
        String[] kv = parameter.split("=", 2);
        if (kv.length != 2) {
          return null;
        }
        int value = Integer.parseInt(kv[1]);
        switch (kv[0]) {
          case "m" -> memory = value;
          case "t" -> iterations = value;
          case "p" -> parallelism = value;
          default -> {
            return null;
          }
        }
      }
      byte[] salt = B64_DECODE.decode(parts[1]);
      byte[] hash = B64_DECODE.decode(parts[2]);
      // Bounds that keep a tampered document from making the server hash for minutes.
      if (memory < 8 || memory > 1024 * 1024 || iterations < 1 || iterations > 16 || parallelism < 1 || parallelism > 16
          || salt.length < 8 || hash.length < 16 || hash.length > 64) {
        return null;
      }
      return new Parsed(memory, iterations, parallelism, salt, hash);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
    var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt)
        .withMemoryAsKB(memory)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .build();
    var generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
