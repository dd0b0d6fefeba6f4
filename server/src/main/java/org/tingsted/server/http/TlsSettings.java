package org.tingsted.server.http;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the node's HTTP server speaks TLS itself, and with which certificate: PEM files, the
 * certificate chain (the server's first) and its private key (PKCS#8 or PKCS#1). Off when both
 * are null; then TLS, if any, ends at a proxy in front.
 *
 * @param certificate the certificate chain file, or null
 * @param key         the private key file, or null
 */
public record TlsSettings(Path certificate, Path key) {

  /**
   * What every response says when TLS is on: browsers use only HTTPS for this host for a year,
   * so that nobody on the venue's network can strip it.
   */
  public static final String HSTS = "max-age=31536000";

  /** TLS off. */
  public static final TlsSettings OFF = new TlsSettings(null, null);

  public TlsSettings {
    if ((certificate == null) != (key == null)) {
      throw new IllegalArgumentException("TLS needs both a certificate file (--tls-cert) and its key file (--tls-key)");
    }
  }

  public boolean enabled() {
    return certificate != null;
  }

  /** Checks that both files can be read, so that a wrong path fails at start with its name. */
  public void requireReadable() {
    if (!enabled()) {
      return;
    }
    for (Path file : new Path[] {certificate, key}) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("cannot read the TLS file " + file.toAbsolutePath());
      }
    }
  }

  /** {@code options} with TLS on, when it is. */
  public HttpServerOptions apply(HttpServerOptions options) {
    if (!enabled()) {
      return options;
    }
    return options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(certificate.toAbsolutePath().toString())
        .setKeyPath(key.toAbsolutePath().toString()));
  }
}
