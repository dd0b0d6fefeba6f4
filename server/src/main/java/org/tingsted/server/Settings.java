package org.tingsted.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.tingsted.server.cluster.ClusterSettings;
import org.tingsted.server.http.TlsSettings;
import org.tingsted.server.journal.JournalSettings;

/**
 * How a node runs: from command-line flags, then environment variables, then defaults.
 *
 * @param host        the interface the HTTP server listens on
 * @param port        its port; 0 picks a free one
 * @param publicUrl   the address people open, used in join links (e.g. https://tingsted.kk.dk)
 * @param adminToken  the bearer token of the admin REST API
 * @param secret      the key that signs join tokens, or null to keep one in the journal
 * @param dataDir     the data folder: the embedded journal lives here
 * @param journal     where the journal lives; by default an H2 database in the data folder
 * @param cluster     how the node joins its cluster
 * @param demo        whether to create the demo assembly at start
 * @param tls         whether the HTTP server speaks TLS itself, with which certificate
 */
public record Settings(String host, int port, String publicUrl, String adminToken, byte[] secret,
                       Path dataDir, JournalSettings journal, ClusterSettings cluster, boolean demo,
                       TlsSettings tls) {

  /** Settings without TLS. */
  public Settings(String host, int port, String publicUrl, String adminToken, byte[] secret,
                  Path dataDir, JournalSettings journal, ClusterSettings cluster, boolean demo) {
    this(host, port, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, TlsSettings.OFF);
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Settings for tests and embedding: loopback, a free port, a fresh data folder. */
  public static Settings forTest(String clusterName) {
    try {
      Path dir = Files.createTempDirectory("tingsted-test-");
      return new Settings("127.0.0.1", 0, null, randomHex(16), null, dir, JournalSettings.embedded(dir),
          ClusterSettings.embedded(clusterName), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** These settings with another journal. */
  public Settings withJournal(JournalSettings other) {
    return new Settings(host, port, publicUrl, adminToken, secret, dataDir, other, cluster, demo, tls);
  }

  /** These settings on another port. */
  public Settings withPort(int other) {
    return new Settings(host, other, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, tls);
  }

  /** The public URL, defaulting to the local address (https when TLS is on) when none was configured. */
  public String publicUrlOr(int actualPort) {
    if (publicUrl != null) {
      return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
    String shown = "0.0.0.0".equals(host) ? "localhost" : host;
    return (tls.enabled() ? "https://" : "http://") + shown + ":" + actualPort;
  }

  /**
   * Reads {@code --host H --port P --public-url U --admin-token T --secret S --data DIR
   * --journal-url URL --journal-user U --journal-password P --cluster-name N --demo} over
   * {@code TINGSTED_HOST}, {@code TINGSTED_PORT}, {@code TINGSTED_PUBLIC_URL},
   * {@code TINGSTED_ADMIN_TOKEN}, {@code TINGSTED_SECRET}, {@code TINGSTED_DATA},
   * {@code TINGSTED_JOURNAL_URL}, {@code TINGSTED_JOURNAL_USER}, {@code TINGSTED_JOURNAL_PASSWORD},
   * {@code TINGSTED_CLUSTER_NAME}; and for a cluster {@code --cluster-join none|tcp|multicast|kubernetes
   * --cluster-members H[:P],... --cluster-interface I --cluster-port P --cluster-quorum N
   * --cluster-failure-seconds S --kubernetes-service DNS --cluster-public-address H:P} over {@code TINGSTED_CLUSTER_JOIN},
   * {@code TINGSTED_CLUSTER_MEMBERS}, {@code TINGSTED_CLUSTER_INTERFACE}, {@code TINGSTED_CLUSTER_PORT},
   * {@code TINGSTED_CLUSTER_QUORUM}, {@code TINGSTED_CLUSTER_FAILURE_SECONDS}, {@code TINGSTED_KUBERNETES_SERVICE},
   * {@code TINGSTED_CLUSTER_PUBLIC_ADDRESS}; and for TLS {@code --tls-cert FILE --tls-key FILE} over
   * {@code TINGSTED_TLS_CERT}, {@code TINGSTED_TLS_KEY} (PEM files).
   * Members given without a join method mean TCP/IP; a clustered node needs a PostgreSQL journal.
   */
  public static Settings parse(String[] args, Map<String, String> env) {
    String host = env.getOrDefault("TINGSTED_HOST", "0.0.0.0");
    String port = env.getOrDefault("TINGSTED_PORT", "8080");
    String publicUrl = env.get("TINGSTED_PUBLIC_URL");
    String adminToken = env.get("TINGSTED_ADMIN_TOKEN");
    String secret = env.get("TINGSTED_SECRET");
    String data = env.getOrDefault("TINGSTED_DATA", "data");
    String journalUrl = env.get("TINGSTED_JOURNAL_URL");
    String journalUser = env.get("TINGSTED_JOURNAL_USER");
    String journalPassword = env.get("TINGSTED_JOURNAL_PASSWORD");
    String clusterName = env.getOrDefault("TINGSTED_CLUSTER_NAME", "tingsted");
    String clusterJoin = env.get("TINGSTED_CLUSTER_JOIN");
    String clusterMembers = env.get("TINGSTED_CLUSTER_MEMBERS");
    String clusterInterface = env.get("TINGSTED_CLUSTER_INTERFACE");
    String clusterPort = env.getOrDefault("TINGSTED_CLUSTER_PORT", String.valueOf(ClusterSettings.DEFAULT_PORT));
    String clusterQuorum = env.get("TINGSTED_CLUSTER_QUORUM");
    String failureSeconds = env.getOrDefault("TINGSTED_CLUSTER_FAILURE_SECONDS",
        String.valueOf(ClusterSettings.DEFAULT_FAILURE_SECONDS));
    String kubernetesService = env.get("TINGSTED_KUBERNETES_SERVICE");
    String publicAddress = env.get("TINGSTED_CLUSTER_PUBLIC_ADDRESS");
    String tlsCert = env.get("TINGSTED_TLS_CERT");
    String tlsKey = env.get("TINGSTED_TLS_KEY");
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
        case "--data" -> data = value(args, ++i, arg);
        case "--journal-url" -> journalUrl = value(args, ++i, arg);
        case "--journal-user" -> journalUser = value(args, ++i, arg);
        case "--journal-password" -> journalPassword = value(args, ++i, arg);
        case "--cluster-name" -> clusterName = value(args, ++i, arg);
        case "--cluster-join" -> clusterJoin = value(args, ++i, arg);
        case "--cluster-members" -> clusterMembers = value(args, ++i, arg);
        case "--cluster-interface" -> clusterInterface = value(args, ++i, arg);
        case "--cluster-port" -> clusterPort = value(args, ++i, arg);
        case "--cluster-quorum" -> clusterQuorum = value(args, ++i, arg);
        case "--cluster-failure-seconds" -> failureSeconds = value(args, ++i, arg);
        case "--kubernetes-service" -> kubernetesService = value(args, ++i, arg);
        case "--cluster-public-address" -> publicAddress = value(args, ++i, arg);
        case "--tls-cert" -> tlsCert = value(args, ++i, arg);
        case "--tls-key" -> tlsKey = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
      }
    }
    int portNumber = number("port", port);
    byte[] secretBytes = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    if (secretBytes != null && secretBytes.length < 16) {
      throw new IllegalArgumentException("the secret must be at least 16 characters long");
    }
    Path dataDir = Path.of(data);
    JournalSettings journal = journalUrl == null
        ? JournalSettings.embedded(dataDir)
        : new JournalSettings(journalUrl, journalUser, journalPassword, null);
    List<String> members = clusterMembers == null ? List.of()
        : Arrays.stream(clusterMembers.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
    ClusterSettings.Join join = clusterJoin != null ? ClusterSettings.Join.named(clusterJoin)
        : members.isEmpty() ? ClusterSettings.Join.NONE : ClusterSettings.Join.TCP;
    ClusterSettings cluster;
    if (join == ClusterSettings.Join.NONE) {
      cluster = ClusterSettings.embedded(clusterName);
    } else {
      int quorum = clusterQuorum != null ? number("cluster quorum", clusterQuorum)
          : join == ClusterSettings.Join.TCP ? ClusterSettings.majorityOf(members.size()) : 1;
      cluster = new ClusterSettings(clusterName, join, members, clusterInterface != null ? clusterInterface : "*",
          number("cluster port", clusterPort), quorum, number("cluster failure seconds", failureSeconds),
          kubernetesService, publicAddress);
    }
    var tls = new TlsSettings(tlsCert == null ? null : Path.of(tlsCert), tlsKey == null ? null : Path.of(tlsKey));
    var settings = new Settings(host, portNumber, publicUrl, adminToken != null ? adminToken : randomHex(16),
        secretBytes, dataDir, journal, cluster, demo, tls);
    settings.requireSharedJournal();
    return settings;
  }

  /**
   * A clustered node refuses the embedded journal: each node would keep its own H2 file, and
   * the journal could no longer decide between two nodes that both believe they own a table.
   */
  public void requireSharedJournal() {
    if (cluster.clustered() && journal.isEmbedded()) {
      throw new IllegalArgumentException("a clustered node needs a shared PostgreSQL journal (--journal-url "
          + "jdbc:postgresql://...); the embedded H2 journal serves a single node only");
    }
  }

  /** These settings in another cluster. */
  public Settings withCluster(ClusterSettings other) {
    return new Settings(host, port, publicUrl, adminToken, secret, dataDir, journal, other, demo, tls);
  }

  /** These settings with TLS on (or off). */
  public Settings withTls(TlsSettings other) {
    return new Settings(host, port, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, other);
  }

  private static int number(String what, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a number, not '" + value + "'");
    }
  }

  /** What the command line accepts. */
  public static String usage() {
    return """
        usage: java -jar tingsted.jar [--demo] [--host H] [--port P] [--public-url URL]
                                      [--admin-token T] [--secret S] [--data DIR]
                                      [--journal-url JDBC-URL] [--journal-user U] [--journal-password P]
                                      [--cluster-name N] [--cluster-join none|tcp|multicast|kubernetes]
                                      [--cluster-members H[:P],...] [--cluster-interface I] [--cluster-port P]
                                      [--cluster-quorum N] [--cluster-failure-seconds S]
                                      [--kubernetes-service DNS-NAME] [--cluster-public-address H:P]
                                      [--tls-cert CERT.pem --tls-key KEY.pem]
        """;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage());
    }
    return args[i];
  }

  static String randomHex(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
