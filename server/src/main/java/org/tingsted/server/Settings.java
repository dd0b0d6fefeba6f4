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
import org.tingsted.server.roster.KeyRing;
import org.tingsted.server.staff.Staff;
import org.tingsted.server.staff.StaffSettings;

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
 * @param personalDataDays how many days after an assembly's last session day its people's
 *                    personal data (legal name, contact, demographics) is deleted; 0 keeps it
 * @param keys        the key ring of {@code --keys} by key id, in the order listed; empty when
 *                    only {@code secret} (or the journal's key) signs, as key id "0"
 * @param signingKey  the key id that signs new credentials; null for the first of {@code keys}
 * @param staff       staff sessions and the OpenID Connect provider
 * @param tls         whether the HTTP server speaks TLS itself, with which certificate
 */
public record Settings(String host, int port, String publicUrl, String adminToken, byte[] secret,
                       Path dataDir, JournalSettings journal, ClusterSettings cluster, boolean demo,
                       int personalDataDays, Map<String, byte[]> keys, String signingKey, StaffSettings staff,
                       TlsSettings tls) {

  /** The default of {@link #personalDataDays}. */
  public static final int PERSONAL_DATA_DAYS = 90;

  public Settings {
    keys = keys == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys));
    staff = staff == null ? StaffSettings.defaults() : staff;
    tls = tls == null ? TlsSettings.OFF : tls;
  }

  /** Settings without TLS. */
  public Settings(String host, int port, String publicUrl, String adminToken, byte[] secret,
                  Path dataDir, JournalSettings journal, ClusterSettings cluster, boolean demo,
                  int personalDataDays, Map<String, byte[]> keys, String signingKey, StaffSettings staff) {
    this(host, port, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, personalDataDays, keys, signingKey,
        staff, TlsSettings.OFF);
  }

  /** Settings with one key ({@code secret}, or the journal's when null) and the default staff logins. */
  public Settings(String host, int port, String publicUrl, String adminToken, byte[] secret,
                  Path dataDir, JournalSettings journal, ClusterSettings cluster, boolean demo, int personalDataDays) {
    this(host, port, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, personalDataDays, Map.of(), null,
        StaffSettings.defaults());
  }

  /** Settings with the default retention of personal data, one key and the default staff logins. */
  public Settings(String host, int port, String publicUrl, String adminToken, byte[] secret,
                  Path dataDir, JournalSettings journal, ClusterSettings cluster, boolean demo) {
    this(host, port, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, PERSONAL_DATA_DAYS);
  }

  /** These settings with other staff logins. */
  public Settings withStaff(StaffSettings other) {
    return new Settings(host, port, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, personalDataDays,
        keys, signingKey, other, tls);
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Settings for tests and embedding: loopback, a free port, a fresh data folder. */
  public static Settings forTest(String clusterName) {
    try {
      Path dir = Files.createTempDirectory("tingsted-test-");
      return new Settings("127.0.0.1", 0, null, randomHex(16), null, dir, JournalSettings.embedded(dir),
          ClusterSettings.embedded(clusterName), false, PERSONAL_DATA_DAYS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** These settings with another journal. */
  public Settings withJournal(JournalSettings other) {
    return new Settings(host, port, publicUrl, adminToken, secret, dataDir, other, cluster, demo, personalDataDays,
        keys, signingKey, staff, tls);
  }

  /** These settings on another port. */
  public Settings withPort(int other) {
    return new Settings(host, other, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, personalDataDays,
        keys, signingKey, staff, tls);
  }

  /** These settings with the key ring {@code ring} (kid to secret), signing with {@code signing}. */
  public Settings withKeys(Map<String, byte[]> ring, String signing) {
    return new Settings(host, port, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, personalDataDays,
        ring, signing, staff, tls);
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
   * Reads {@code --host H --port P --public-url U --admin-token T --secret S --keys KID:S,...
   * --signing-key KID --data DIR
   * --journal-url URL --journal-user U --journal-password P --cluster-name N --demo} over
   * {@code TINGSTED_HOST}, {@code TINGSTED_PORT}, {@code TINGSTED_PUBLIC_URL},
   * {@code TINGSTED_ADMIN_TOKEN}, {@code TINGSTED_SECRET}, {@code TINGSTED_KEYS},
   * {@code TINGSTED_SIGNING_KEY}, {@code TINGSTED_DATA},
   * {@code TINGSTED_JOURNAL_URL}, {@code TINGSTED_JOURNAL_USER}, {@code TINGSTED_JOURNAL_PASSWORD},
   * {@code TINGSTED_CLUSTER_NAME}; and for a cluster {@code --cluster-join none|tcp|multicast|kubernetes
   * --cluster-members H[:P],... --cluster-interface I --cluster-port P --cluster-quorum N
   * --cluster-failure-seconds S --kubernetes-service DNS --cluster-public-address H:P --cluster-bus-port P} over
   * {@code TINGSTED_CLUSTER_JOIN},
   * {@code TINGSTED_CLUSTER_MEMBERS}, {@code TINGSTED_CLUSTER_INTERFACE}, {@code TINGSTED_CLUSTER_PORT},
   * {@code TINGSTED_CLUSTER_QUORUM}, {@code TINGSTED_CLUSTER_FAILURE_SECONDS}, {@code TINGSTED_KUBERNETES_SERVICE},
   * {@code TINGSTED_CLUSTER_PUBLIC_ADDRESS}, {@code TINGSTED_CLUSTER_BUS_PORT}; {@code --personal-data-days N} over
   * {@code TINGSTED_PERSONAL_DATA_DAYS}; for staff logins {@code --staff-session-hours H --oidc-issuer URL
   * --oidc-client-id ID --oidc-client-secret S --oidc-redirect-url URL --oidc-username-claim C --oidc-roles-claim C
   * --oidc-roles role=value,...} over {@code TINGSTED_STAFF_SESSION_HOURS}, {@code TINGSTED_OIDC_ISSUER},
   * {@code TINGSTED_OIDC_CLIENT_ID}, {@code TINGSTED_OIDC_CLIENT_SECRET}, {@code TINGSTED_OIDC_REDIRECT_URL},
   * {@code TINGSTED_OIDC_USERNAME_CLAIM}, {@code TINGSTED_OIDC_ROLES_CLAIM}, {@code TINGSTED_OIDC_ROLES}; and for TLS
   * {@code --tls-cert FILE --tls-key FILE} over {@code TINGSTED_TLS_CERT}, {@code TINGSTED_TLS_KEY} (PEM files).
   * Members given without a join method mean TCP/IP; a clustered node needs a PostgreSQL journal.
   */
  public static Settings parse(String[] args, Map<String, String> env) {
    String host = env.getOrDefault("TINGSTED_HOST", "0.0.0.0");
    String port = env.getOrDefault("TINGSTED_PORT", "8080");
    String publicUrl = env.get("TINGSTED_PUBLIC_URL");
    String adminToken = env.get("TINGSTED_ADMIN_TOKEN");
    String secret = env.get("TINGSTED_SECRET");
    String keys = env.get("TINGSTED_KEYS");
    String signingKey = env.get("TINGSTED_SIGNING_KEY");
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
    String busPort = env.getOrDefault("TINGSTED_CLUSTER_BUS_PORT", "0");
    String personalDataDays = env.getOrDefault("TINGSTED_PERSONAL_DATA_DAYS", String.valueOf(PERSONAL_DATA_DAYS));
    String sessionHours = env.get("TINGSTED_STAFF_SESSION_HOURS");
    String oidcIssuer = env.get("TINGSTED_OIDC_ISSUER");
    String oidcClientId = env.get("TINGSTED_OIDC_CLIENT_ID");
    String oidcClientSecret = env.get("TINGSTED_OIDC_CLIENT_SECRET");
    String oidcRedirectUrl = env.get("TINGSTED_OIDC_REDIRECT_URL");
    String oidcUsernameClaim = env.get("TINGSTED_OIDC_USERNAME_CLAIM");
    String oidcRolesClaim = env.get("TINGSTED_OIDC_ROLES_CLAIM");
    String oidcRoles = env.get("TINGSTED_OIDC_ROLES");
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
        case "--keys" -> keys = value(args, ++i, arg);
        case "--signing-key" -> signingKey = value(args, ++i, arg);
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
        case "--cluster-bus-port" -> busPort = value(args, ++i, arg);
        case "--personal-data-days" -> personalDataDays = value(args, ++i, arg);
        case "--staff-session-hours" -> sessionHours = value(args, ++i, arg);
        case "--oidc-issuer" -> oidcIssuer = value(args, ++i, arg);
        case "--oidc-client-id" -> oidcClientId = value(args, ++i, arg);
        case "--oidc-client-secret" -> oidcClientSecret = value(args, ++i, arg);
        case "--oidc-redirect-url" -> oidcRedirectUrl = value(args, ++i, arg);
        case "--oidc-username-claim" -> oidcUsernameClaim = value(args, ++i, arg);
        case "--oidc-roles-claim" -> oidcRolesClaim = value(args, ++i, arg);
        case "--oidc-roles" -> oidcRoles = value(args, ++i, arg);
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
    // It makes the first administrator: as hard to guess as the secret.
    if (adminToken != null && adminToken.strip().length() < 16) {
      throw new IllegalArgumentException("the admin token must be at least 16 characters long");
    }
    Map<String, byte[]> ring = keys == null ? Map.of() : org.tingsted.server.roster.KeyRing.parse(keys);
    if (ring.containsKey(org.tingsted.server.roster.KeyRing.DEFAULT_KID)) {
      throw new IllegalArgumentException("the key id '0' is the one of --secret; give the keys of --keys other ids");
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
          kubernetesService, publicAddress, number("event bus port", busPort));
    }
    int hours = sessionHours == null ? (int) Staff.DEFAULT_SESSION_LIFETIME.toHours() : number("staff session hours", sessionHours);
    if (hours < 1 || hours > 24 * 7) {
      throw new IllegalArgumentException("staff sessions last 1 to 168 hours, not " + hours);
    }
    StaffSettings.Oidc oidc = null;
    if (oidcIssuer != null || oidcClientId != null) {
      oidc = new StaffSettings.Oidc(oidcIssuer, oidcClientId, oidcClientSecret, oidcRedirectUrl, oidcUsernameClaim,
          oidcRolesClaim, StaffSettings.Oidc.parseRoleValues(oidcRoles));
    }
    var tls = new TlsSettings(tlsCert == null ? null : Path.of(tlsCert), tlsKey == null ? null : Path.of(tlsKey));
    var settings = new Settings(host, portNumber, publicUrl, adminToken != null ? adminToken : randomHex(16),
        secretBytes, dataDir, journal, cluster, demo, days("personal data days", personalDataDays), ring, signingKey,
        new StaffSettings(java.time.Duration.ofHours(hours), oidc), tls);
    // The keys are checked now, at start, rather than when the first link is made.
    settings.keyRing(settings.secret() != null ? settings.secret() : new byte[KeyRing.MIN_SECRET_BYTES]);
    settings.requireSharedJournal();
    return settings;
  }

  /**
   * The key ring: the keys of {@code --keys}, and the key "0" of {@code --secret}, or of
   * {@code stored} (the journal's) when there are no other keys; signing with
   * {@code --signing-key}, else the first of {@code --keys}, else "0".
   */
  public KeyRing keyRing(byte[] stored) {
    var ring = new java.util.LinkedHashMap<String, byte[]>(keys);
    if (secret != null || keys.isEmpty()) {
      ring.put(KeyRing.DEFAULT_KID, secret != null ? secret : stored);
    }
    String signing = signingKey != null ? signingKey : keys.isEmpty() ? KeyRing.DEFAULT_KID : keys.keySet().iterator().next();
    return new KeyRing(ring, signing);
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
    return new Settings(host, port, publicUrl, adminToken, secret, dataDir, journal, other, demo, personalDataDays,
        keys, signingKey, staff, tls);
  }

  private static int days(String what, String value) {
    int days = number(what, value);
    if (days < 0) {
      throw new IllegalArgumentException(what + " must be 0 (keep) or more, not " + days);
    }
    return days;
  }

  /** These settings with another retention of personal data. */
  public Settings withPersonalDataDays(int days) {
    return new Settings(host, port, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, days, keys,
        signingKey, staff, tls);
  }

  /** These settings with another public address. */
  public Settings withPublicUrl(String other) {
    return new Settings(host, port, other, adminToken, secret, dataDir, journal, cluster, demo, personalDataDays,
        keys, signingKey, staff, tls);
  }

  /** These settings with TLS on (or off). */
  public Settings withTls(TlsSettings other) {
    return new Settings(host, port, publicUrl, adminToken, secret, dataDir, journal, cluster, demo, personalDataDays,
        keys, signingKey, staff, other);
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
                                      [--admin-token T] [--secret S] [--keys KID:SECRET,...]
                                      [--signing-key KID] [--data DIR]
                                      [--journal-url JDBC-URL] [--journal-user U] [--journal-password P]
                                      [--cluster-name N] [--cluster-join none|tcp|multicast|kubernetes]
                                      [--cluster-members H[:P],...] [--cluster-interface I] [--cluster-port P]
                                      [--cluster-quorum N] [--cluster-failure-seconds S]
                                      [--kubernetes-service DNS-NAME] [--cluster-public-address H:P]
                                      [--cluster-bus-port P]
                                      [--personal-data-days N]
                                      [--staff-session-hours H] [--oidc-issuer URL] [--oidc-client-id ID]
                                      [--oidc-client-secret S] [--oidc-redirect-url URL]
                                      [--oidc-username-claim C] [--oidc-roles-claim C] [--oidc-roles role=value,...]
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
