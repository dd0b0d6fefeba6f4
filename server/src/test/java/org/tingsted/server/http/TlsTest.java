package org.tingsted.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.protocol.Protocol;
import org.tingsted.server.Settings;
import org.tingsted.server.TingstedNode;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Roster;

/**
 * A node that speaks TLS itself, with a self-signed certificate made for the test by the JDK's
 * keytool, reached by clients that trust only that certificate and check the host name.
 */
@DisplayName("TLS on the node itself")
class TlsTest {

  private static Path dir;
  private static Path cert;
  private static Path key;
  private static TingstedNode secure;
  private static TingstedNode plain;
  private static Vertx clients;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("tingsted-tls-");
    makeCertificate();
    secure = await(TingstedNode.start(Settings.forTest("tls-" + UUID.randomUUID()).withTls(new TlsSettings(cert, key))));
    plain = await(TingstedNode.start(Settings.forTest("plain-" + UUID.randomUUID())));
    clients = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    await(clients.close());
    await(secure.close());
    await(plain.close());
  }

  /** A self-signed certificate for 127.0.0.1 and localhost, as PEM files: the certificate and its PKCS#8 key. */
  private static void makeCertificate() throws Exception {
    Path store = dir.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process made = new ProcessBuilder(keytool, "-genkeypair", "-alias", "tingsted", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String output = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(made.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(made.exitValue()).as(output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(store.toFile())) {
      keys.load(in, "changeit".toCharArray());
    }
    cert = dir.resolve("cert.pem");
    key = dir.resolve("key.pem");
    Files.writeString(cert, pem("CERTIFICATE", keys.getCertificate("tingsted").getEncoded()));
    Files.writeString(key, pem("PRIVATE KEY", keys.getKey("tingsted", "changeit".toCharArray()).getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static WebClient https() {
    return WebClient.create(clients, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(secure.port())
        .setSsl(true).setVerifyHost(true).setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())));
  }

  @Test
  @DisplayName("Over HTTPS every response carries Strict-Transport-Security: the app, the API's refusals, a page that is not there")
  void hstsWithTls() {
    WebClient http = https();
    for (String path : List.of("/", "/api/assemblies", "/no-such-page", "/health")) {
      HttpResponse<Buffer> response = await(http.get(path).send());
      assertThat(response.getHeader("Strict-Transport-Security")).as(path).isEqualTo("max-age=31536000");
    }
    assertThat(await(http.get("/").send()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Without TLS no response carries Strict-Transport-Security (it would mean nothing over plain HTTP)")
  void noHstsWithoutTls() {
    WebClient http = WebClient.create(clients, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(plain.port()));
    for (String path : List.of("/", "/api/assemblies", "/no-such-page")) {
      assertThat(await(http.get(path).send()).getHeader("Strict-Transport-Security")).as(path).isNull();
    }
  }

  @Test
  @DisplayName("The public address and the join links become https, and a member joins over wss")
  void memberOverWss() throws Exception {
    assertThat(secure.publicUrl()).startsWith("https://127.0.0.1:");
    assertThat(plain.publicUrl()).startsWith("http://127.0.0.1:");
    Roster roster = secure.roster();
    Assembly assembly = await(roster.create("TLS assembly", "Safe?", List.of(new Roster.NewSession("Day", "2027-03-06",
        List.of("Table 1")))));
    String table = assembly.sessions().get(0).tables().get(0).id();
    Member sofie = await(roster.addMember(assembly.id(), "Sofie", Role.MEMBER, null, table));
    String token = org.tingsted.server.LiveAssembly.sessionOf(secure, assembly.id(), sofie.id());

    var client = clients.createWebSocketClient(new WebSocketClientOptions().setSsl(true).setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())));
    WebSocket socket = await(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(secure.port())
        .setURI("/ws").addSubProtocol(Protocol.SUBPROTOCOL)));
    var welcome = new CompletableFuture<String>();
    socket.textMessageHandler(text -> {
      if (text.startsWith("{\"type\":\"welcome\"")) {
        welcome.complete(text);
      }
    });
    socket.writeTextMessage("{\"type\":\"hello\",\"id\":\"h1\",\"token\":\"" + token + "\"}");
    assertThat(welcome.get(15, TimeUnit.SECONDS)).contains("\"id\":\"h1\"");
    await(socket.close());
  }

  @Test
  @DisplayName("A client that does not trust the certificate gets no connection")
  void untrustedClientIsRefused() {
    WebClient untrusting = WebClient.create(clients, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(secure.port()).setSsl(true));
    assertThatThrownBy(() -> await(untrusting.get("/").send())).hasCauseInstanceOf(java.util.concurrent.ExecutionException.class)
        .rootCause().hasMessageContaining("unable to find valid certification path");
  }

  @Test
  @DisplayName("Only a certificate with its key turns TLS on, and an unreadable file stops the start with its name")
  void tlsNeedsBothFiles() {
    assertThatThrownBy(() -> new TlsSettings(cert, null)).hasMessageContaining("--tls-key");
    Settings parsed = Settings.parse(new String[] {"--tls-cert", cert.toString()}, java.util.Map.of("TINGSTED_TLS_KEY", key.toString()));
    assertThat(parsed.tls().enabled()).isTrue();
    assertThat(parsed.publicUrlOr(8443)).isEqualTo("https://localhost:8443");
    assertThatThrownBy(() -> new TlsSettings(dir.resolve("missing.pem"), key).requireReadable())
        .hasMessageContaining("missing.pem");
  }
}
