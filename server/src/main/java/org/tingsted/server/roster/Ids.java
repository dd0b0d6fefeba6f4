package org.tingsted.server.roster;

import java.security.SecureRandom;

/** Short random identifiers: unguessable enough to be unique across a cluster, short to read. */
final class Ids {

  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {
  }

  static String next(char prefix) {
    var id = new StringBuilder(11).append(prefix);
    for (int i = 0; i < 10; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
