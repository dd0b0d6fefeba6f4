package org.tingsted.server;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.tingsted.server.cluster.ClusterSettings;

/**
 * How a node runs: from command-line flags, then environment variables, then defaults.
 *
 * @param host        the interface the HTTP server listens on
 * @param port        its port; 0 picks a free one
 * @param publicUrl   the address people open, used in join links (e.g. https://tingsted.kk.dk)
 * @param adminToken  the bearer token of the admin REST API
 * @param secret      the key that signs join tokens
 * @param cluster     how the node joins its cluster
 * @param demo        whether to create the demo assembly at start
 */
public record Settings(String host, int port, String publicUrl, String adminToken, byte[] secret,
                       ClusterSettings cluster, boolean demo) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Settings for tests and embedding: loopback, a free port, fresh secrets. */
  public static Settings forTest(String clusterName) {
    return new Settings("127.0.0.1", 0, null, randomHex(16), randomBytes(32),
        ClusterSettings.embedded(clusterName), false);
  }

  /** The public URL, defaulting to the local address when none was configured. */
  public String publicUrlOr(int actualPort) {
    if (publicUrl != null) {
      return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
    String shown = "0.0.0.0".equals(host) ? "localhost" : host;
    return "http://" + shown + ":" + actualPort;
  }

  /**
   * Reads {@code --host H --port P --public-url U --admin-token T --secret S --cluster-name N
   * --demo} over {@code TINGSTED_HOST}, {@code TINGSTED_PORT}, {@code TINGSTED_PUBLIC_URL},
   * {@code TINGSTED_ADMIN_TOKEN}, {@code TINGSTED_SECRET}, {@code TINGSTED_CLUSTER_NAME}.
   */
  public static Settings parse(String[] args, Map<String, String> env) {
    String host = env.getOrDefault("TINGSTED_HOST", "0.0.0.0");
    String port = env.getOrDefault("TINGSTED_PORT", "8080");
    String publicUrl = env.get("TINGSTED_PUBLIC_URL");
    String adminToken = env.get("TINGSTED_ADMIN_TOKEN");
    String secret = env.get("TINGSTED_SECRET");
    String clusterName = env.getOrDefault("TINGSTED_CLUSTER_NAME", "tingsted");
    boolean demo = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--demo" -> demo = true;
        case "--host" -> host = value(args, ++i, arg);
        case "--port" -> port = value(args, ++i, arg);
        case "--public-url" -> publicUrl = value(args, ++i, arg);
        case "--admin-token" -> adminToken = value(args, ++i, arg);
        case "--secret" -> secret = value(args, ++i, arg);
        case "--cluster-name" -> clusterName = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
      }
    }
    int portNumber;
    try {
      portNumber = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port must be a number, not '" + port + "'");
    }
    byte[] secretBytes = secret != null ? secret.getBytes(java.nio.charset.StandardCharsets.UTF_8) : randomBytes(32);
    if (secretBytes.length < 16) {
      throw new IllegalArgumentException("the secret must be at least 16 characters long");
    }
    return new Settings(host, portNumber, publicUrl, adminToken != null ? adminToken : randomHex(16),
        secretBytes, ClusterSettings.embedded(clusterName), demo);
  }

  /** What the command line accepts. */
  public static String usage() {
    return """
        usage: java -jar tingsted.jar [--demo] [--host H] [--port P] [--public-url URL]
                                      [--admin-token T] [--secret S] [--cluster-name N]
        """;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return args[i];
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String randomHex(int n) {
    return HexFormat.of().formatHex(randomBytes(n));
  }
}
