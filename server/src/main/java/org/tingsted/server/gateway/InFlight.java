package org.tingsted.server.gateway;

import java.util.HashMap;
import java.util.Map;
import org.tingsted.protocol.StreamId;

/**
 * The commands this node has taken and not yet answered, per member and per stream: a member
 * who pipelines commands faster than their stream carries them out is refused with
 * {@code rate_limited} beyond {@link #PER_MEMBER}, and one stream never queues more than
 * {@link #PER_STREAM}, so that what waits in memory stays bounded whatever the senders do.
 * Used on the gateway's context only.
 */
final class InFlight {

  /** Commands of one member on this node that may await their answer at once. */
  static final int PER_MEMBER = 64;
  /** Commands on one stream, from everyone on this node, that may await their answer at once. */
  static final int PER_STREAM = 256;

  private final Map<String, Integer> members = new HashMap<>();
  private final Map<StreamId, Integer> streams = new HashMap<>();

  /** Takes a place for a command of {@code member} on {@code stream}; false when either is full. */
  boolean take(String member, StreamId stream) {
    if (members.getOrDefault(member, 0) >= PER_MEMBER || streams.getOrDefault(stream, 0) >= PER_STREAM) {
      return false;
    }
    members.merge(member, 1, Integer::sum);
    streams.merge(stream, 1, Integer::sum);
    return true;
  }

  /** Gives back the place of a command that has been answered. */
  void give(String member, StreamId stream) {
    members.computeIfPresent(member, (m, n) -> n > 1 ? n - 1 : null);
    streams.computeIfPresent(stream, (s, n) -> n > 1 ? n - 1 : null);
  }

  /** How many commands of {@code member} await their answer. */
  int of(String member) {
    return members.getOrDefault(member, 0);
  }
}
