package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.staff.StaffRole;

/** What {@code --demo} gives the operator to log in with: the demo administrator and a password printed at start. */
@DisplayName("The demo's administrator")
class DemoAdministratorTest {

  @Test
  @DisplayName("is made at the first start with a printed password that logs in; each start gives a new one and the old one stops working")
  void newPasswordEachStart() throws Exception {
    TingstedNode node = LiveAssembly.await(TingstedNode.start(Settings.forTest("demo-admin-" + UUID.randomUUID())));
    try {
      String first = LiveAssembly.await(Demo.administrator(node.staff()));
      assertThat(LiveAssembly.await(node.staff().require(Demo.ADMINISTRATOR)).roles()).containsExactly(StaffRole.ADMINISTRATOR);
      assertThat(login(node, first)).isEqualTo(200);
      assertThat(LiveAssembly.await(node.staff().hasAdministrator())).as("the admin token is retired").isTrue();

      String second = LiveAssembly.await(Demo.administrator(node.staff()));
      assertThat(second).isNotEqualTo(first);
      assertThat(login(node, second)).isEqualTo(200);
      assertThat(login(node, first)).isEqualTo(401);
    } finally {
      LiveAssembly.await(node.close());
    }
  }

  private static int login(TingstedNode node, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + Demo.ADMINISTRATOR + "\",\"password\":\"" + password + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
