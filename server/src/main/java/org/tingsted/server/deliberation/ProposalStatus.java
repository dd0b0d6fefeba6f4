package org.tingsted.server.deliberation;

/** Where a proposal stands: open for discussion, withdrawn by its author, or hidden by a facilitator. */
public enum ProposalStatus {
  OPEN,
  WITHDRAWN,
  HIDDEN
}
