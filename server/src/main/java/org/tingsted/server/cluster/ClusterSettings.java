package org.tingsted.server.cluster;

import java.util.List;

/**
 * How this node finds the rest of its cluster. The default is an embedded single member that
 * joins nobody and listens on loopback only; a clustered node joins by a TCP/IP member list,
 * multicast, or Kubernetes discovery.
 *
 * @param name              the Hazelcast cluster name; nodes with different names never merge
 * @param join              how members find each other
 * @param members           for {@link Join#TCP}: the members to contact ({@code host} or {@code host:port})
 * @param host              the interface Hazelcast and the event bus bind to, or {@code *} for every interface
 * @param port              the first Hazelcast port tried (it auto-increments when taken)
 * @param quorum            the fewest members a side of a split cluster needs to accept writes
 * @param failureSeconds    how long a member may stay silent before the others count it as dead
 * @param kubernetesService for {@link Join#KUBERNETES}: the headless service's DNS name
 * @param publicAddress     the {@code host:port} other members reach this one at, when that is not
 *                          where it listens (behind NAT or a relay); null when it is
 * @param busPort           the port the Vert.x event bus listens on, so that a firewall can name it;
 *                          0 for one of the system's choosing
 */
public record ClusterSettings(String name, Join join, List<String> members, String host, int port, int quorum,
                              int failureSeconds, String kubernetesService, String publicAddress, int busPort) {

  /** How a member finds the others. */
  public enum Join {
    /** Nobody: one embedded member (the default). */
    NONE,
    /** A list of members' addresses. */
    TCP,
    /** IP multicast on the local network. */
    MULTICAST,
    /** The pods behind a Kubernetes headless service, found through DNS. */
    KUBERNETES;

    /** The join method named on the command line: none, tcp, multicast or kubernetes. */
    public static Join named(String word) {
      for (Join join : values()) {
        if (join.name().equalsIgnoreCase(word)) {
          return join;
        }
      }
      throw new IllegalArgumentException("the cluster join method is one of none, tcp, multicast, kubernetes; not '"
          + word + "'");
    }
  }

  /** Hazelcast's first port. */
  public static final int DEFAULT_PORT = 5701;
  /** A member silent this long is dead: quick enough for a session day, slow enough for a GC pause. */
  public static final int DEFAULT_FAILURE_SECONDS = 5;

  public ClusterSettings {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("cluster name is required");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("cluster host is required");
    }
    members = members == null ? List.of() : List.copyOf(members);
    if (join == Join.TCP && members.isEmpty()) {
      throw new IllegalArgumentException("joining by TCP/IP needs --cluster-members host[:port],...");
    }
    if (join == Join.KUBERNETES && (kubernetesService == null || kubernetesService.isBlank())) {
      throw new IllegalArgumentException("Kubernetes discovery needs --kubernetes-service <headless service DNS name>");
    }
    if (quorum < 1) {
      throw new IllegalArgumentException("the cluster quorum is at least 1, not " + quorum);
    }
    if (failureSeconds < 2) {
      throw new IllegalArgumentException("failure detection needs at least 2 seconds, not " + failureSeconds);
    }
    if (busPort < 0 || busPort > 65535) {
      throw new IllegalArgumentException("the event bus port is 0 (any) or a port number, not " + busPort);
    }
  }

  /** One member on loopback, joining nobody: the embedded default. */
  public static ClusterSettings embedded(String name) {
    return new ClusterSettings(name, Join.NONE, List.of(), "127.0.0.1", DEFAULT_PORT, 1, DEFAULT_FAILURE_SECONDS, null,
        null, 0);
  }

  /** Members that find each other by a TCP/IP list on {@code host}; the quorum is a majority of the list. */
  public static ClusterSettings tcp(String name, String host, int port, List<String> members) {
    return new ClusterSettings(name, Join.TCP, members, host, port, majorityOf(members.size()),
        DEFAULT_FAILURE_SECONDS, null, null, 0);
  }

  /** A majority of {@code n} members. */
  public static int majorityOf(int n) {
    return n / 2 + 1;
  }

  /** Whether this node joins other members (any join method but none). */
  public boolean clustered() {
    return join != Join.NONE;
  }

  /** Whether Hazelcast binds to every interface rather than one. */
  public boolean bindsEverywhere() {
    return "*".equals(host) || "0.0.0.0".equals(host);
  }

  /** These settings with another quorum. */
  public ClusterSettings withQuorum(int other) {
    return new ClusterSettings(name, join, members, host, port, other, failureSeconds, kubernetesService, publicAddress, busPort);
  }

  /** These settings with another public address. */
  public ClusterSettings withPublicAddress(String other) {
    return new ClusterSettings(name, join, members, host, port, quorum, failureSeconds, kubernetesService, other, busPort);
  }

  /** These settings with the event bus on another port. */
  public ClusterSettings withBusPort(int other) {
    return new ClusterSettings(name, join, members, host, port, quorum, failureSeconds, kubernetesService, publicAddress,
        other);
  }
}
