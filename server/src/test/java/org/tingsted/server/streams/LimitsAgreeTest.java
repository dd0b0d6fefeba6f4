package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Protocol;
import org.tingsted.server.deliberation.Limits;

/**
 * The model keeps its own limits, since it may not know the protocol (ArchitectureTest); they
 * must be the protocol's, which the codec and the web client (contract.js) use.
 */
@DisplayName("The model's limits are the protocol's")
class LimitsAgreeTest {

  @Test
  @DisplayName("titles, texts, comments, group names, reasons and links have the same limits in the model as on the wire")
  void same() {
    assertThat(Limits.TITLE).isEqualTo(Protocol.MAX_TITLE_LENGTH);
    assertThat(Limits.PROPOSAL_TEXT).isEqualTo(Protocol.MAX_PROPOSAL_TEXT_LENGTH);
    assertThat(Limits.COMMENT).isEqualTo(Protocol.MAX_COMMENT_LENGTH);
    assertThat(Limits.CLUSTER_NAME).isEqualTo(Protocol.MAX_CLUSTER_NAME_LENGTH);
    assertThat(Limits.REASON).isEqualTo(Protocol.MAX_REASON_LENGTH);
    assertThat(Limits.VIDEO_LINK).isEqualTo(Protocol.MAX_VIDEO_LINK_LENGTH);
  }
}
