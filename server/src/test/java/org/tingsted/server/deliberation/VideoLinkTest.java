package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.deliberation.BoardFixture.ANNA;
import static org.tingsted.server.deliberation.BoardFixture.FRIDA;
import static org.tingsted.server.deliberation.BoardFixture.OLE;
import static org.tingsted.server.deliberation.Rejection.Reason.CONFLICT;
import static org.tingsted.server.deliberation.Rejection.Reason.FORBIDDEN;
import static org.tingsted.server.deliberation.Rejection.Reason.INVALID;
import static org.tingsted.server.deliberation.Rejection.Reason.TOO_LARGE;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.TableCommand.SetVideoLink;
import org.tingsted.server.deliberation.TableEvent.VideoLinkSet;

@DisplayName("The table's video-call link for remote members")
class VideoLinkTest {

  private final BoardFixture table = new BoardFixture();

  @Test
  @DisplayName("A facilitator sets, changes and clears the link; everyone at the table has it")
  void setChangeClear() {
    assertThat(table.accept(new SetVideoLink("https://meet.example.org/bord-1"), FRIDA))
        .containsExactly(new VideoLinkSet("https://meet.example.org/bord-1"));
    assertThat(table.board.videoLink()).isEqualTo("https://meet.example.org/bord-1");
    table.accept(new SetVideoLink("  https://meet.example.org/bord-1b  "), FRIDA);
    assertThat(table.board.videoLink()).isEqualTo("https://meet.example.org/bord-1b");
    assertThat(table.accept(new SetVideoLink(null), FRIDA)).containsExactly(new VideoLinkSet(null));
    assertThat(table.board.videoLink()).isNull();
  }

  @Test
  @DisplayName("Members and observers may not set it; only https links of a sensible length; no change is a conflict")
  void refusals() {
    assertThat(table.reject(new SetVideoLink("https://meet.example.org/x"), ANNA).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.reject(new SetVideoLink("https://meet.example.org/x"), OLE).reason()).isEqualTo(FORBIDDEN);
    assertThat(table.reject(new SetVideoLink("http://meet.example.org/x"), FRIDA).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new SetVideoLink("javascript:alert(1)"), FRIDA).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new SetVideoLink("https://a b"), FRIDA).reason()).isEqualTo(INVALID);
    assertThat(table.reject(new SetVideoLink("https://" + "x".repeat(500)), FRIDA).reason()).isEqualTo(TOO_LARGE);
    assertThat(table.reject(new SetVideoLink(null), FRIDA).reason()).isEqualTo(CONFLICT);
  }
}
