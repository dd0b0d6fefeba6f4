package org.tingsted.server.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;

/**
 * The cluster as one node sees it, for operators: its members, the quorum, whether this side
 * has it, and, when asked, which member owns a stream.
 *
 * @param member    this node's member id
 * @param members   every member this node sees, oldest first
 * @param quorum    the fewest members a side needs to accept writes
 * @param hasQuorum whether this node's side has them
 */
public record ClusterView(String member, List<Member> members, int quorum, boolean hasQuorum) {

  /** One member: its id and its Hazelcast address. */
  public record Member(String id, String address, boolean local) {
  }

  /** Which member owns a stream's working copy. */
  public record Owner(String stream, String member, boolean local) {
  }

  public static ClusterView of(HazelcastInstance hazelcast) {
    var members = hazelcast.getCluster().getMembers().stream()
        .map(m -> new Member(m.getUuid().toString(), m.getAddress().toString(), m.localMember())).toList();
    Object quorum = hazelcast.getConfig().getUserContext().get(HazelcastSetup.QUORUM);
    return new ClusterView(hazelcast.getCluster().getLocalMember().getUuid().toString(), members,
        quorum instanceof Integer q ? q : 1, HazelcastSetup.hasQuorum(hazelcast));
  }

  /** The owner of {@code key}'s partition now (null while the partition has none, as after a death). */
  public static Owner ownerOf(HazelcastInstance hazelcast, String key) {
    var owner = hazelcast.getPartitionService().getPartition(key).getOwner();
    return new Owner(key, owner == null ? null : owner.getUuid().toString(), owner != null && owner.localMember());
  }
}
