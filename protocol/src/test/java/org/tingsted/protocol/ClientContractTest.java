package org.tingsted.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The web client's copy of the contract")
class ClientContractTest {

    private static final Path MODULE = Path.of("..", "web-client", "src", "main", "resources", "tingsted-web", "js", "contract.js");

    @Test
    @DisplayName("contract.js is exactly what the protocol module writes: the limits and the event kinds")
    void theModuleIsWritten() throws Exception {
        String expected = ClientContract.javascriptModule();
        assertThat(Files.readString(MODULE, StandardCharsets.UTF_8))
                .as("web-client/src/main/resources/tingsted-web/js/contract.js; write it with this text:%n%s", expected)
                .isEqualTo(expected);
    }
}
