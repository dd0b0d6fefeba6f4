package org.tingsted.server.http;

import org.tingsted.server.roster.JoinTokens;

/**
 * Join links: the address a member opens (or scans as a QR code) to take their seat. The token
 * travels in the fragment ({@code /join#<token>}), which browsers never send to a server, so it
 * does not end up in access logs or proxies.
 */
public final class JoinLinks {

  private final JoinTokens tokens;
  private volatile String baseUrl;

  public JoinLinks(JoinTokens tokens, String baseUrl) {
    this.tokens = tokens;
    this.baseUrl = baseUrl;
  }

  public JoinTokens tokens() {
    return tokens;
  }

  /** Sets the public address once the server knows its port. */
  void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The link that carries {@code token}. */
  public String url(String token) {
    return baseUrl + "/join#" + token;
  }

  /** The facilitators' console, opened with their own token. */
  public String consoleUrl(String token) {
    return baseUrl + "/console.html#" + token;
  }
}
