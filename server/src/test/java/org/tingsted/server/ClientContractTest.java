package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The web client's copy of the contract")
class ClientContractTest {

  private static final Path MODULE = Path.of("..", "web-client", "src", "main", "resources", "tingsted-web", "js", "contract.js");

  @Test
  @DisplayName("contract.js is exactly what the server writes: limits, scale, event kinds, stream names and phase windows")
  void theModuleIsWritten() throws Exception {
    String expected = ClientContract.javascriptModule();
    assertThat(Files.readString(MODULE, StandardCharsets.UTF_8))
        .as("web-client/src/main/resources/tingsted-web/js/contract.js; write it with this text:%n%s", expected)
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("the phase windows name the commands a member sends, and the phases as the wire names them")
  void phaseWindowsInWireNames() {
    assertThat(ClientContract.phaseWindows())
        .containsEntry("propose", List.of("propose"))
        .containsEntry("edit", List.of("propose", "discuss"))
        .containsEntry("comment", List.of("propose", "discuss", "cluster"))
        .containsEntry("mergeClusters", List.of("cluster"))
        .hasSize(9);
  }
}
