package org.tingsted.server.deliberation;

import java.util.List;

/**
 * A named group of proposals that belong together. A proposal is in at most one cluster, and
 * {@link Proposal#cluster()} always names the cluster whose list holds it.
 */
public record Cluster(String id, String name, List<String> proposals) {
  public Cluster {
    proposals = Frozen.list(proposals);
  }
}
