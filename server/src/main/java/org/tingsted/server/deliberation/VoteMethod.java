package org.tingsted.server.deliberation;

/**
 * How members vote: spreading dots over items, ranking items (counted by Schulze and Borda), or
 * rating each item on an agreement scale from 1 to 5.
 */
public enum VoteMethod {
  DOTS,
  RANKING,
  SCALE
}
