package org.tingsted.server.cluster;

/**
 * How this node finds the rest of its cluster. The default is an embedded single member that
 * joins nobody and listens on loopback only; clustering later adds members to join.
 *
 * @param name    the Hazelcast cluster name; nodes with different names never merge
 * @param host    the interface Hazelcast binds to
 * @param port    the first port tried (it auto-increments when taken)
 */
public record ClusterSettings(String name, String host, int port) {

  public ClusterSettings {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("cluster name is required");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("cluster host is required");
    }
  }

  /** One member on loopback, joining nobody: the embedded default. */
  public static ClusterSettings embedded(String name) {
    return new ClusterSettings(name, "127.0.0.1", 5701);
  }
}
