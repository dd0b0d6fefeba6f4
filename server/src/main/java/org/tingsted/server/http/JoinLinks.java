package org.tingsted.server.http;

import org.tingsted.server.roster.JoinCodes;
import org.tingsted.server.roster.JoinTokens;

/**
 * Join links: the address a member opens (or scans as a QR code) to take their seat. The token
 * travels in the fragment ({@code /join#<token>}), which browsers never send to a server, so it
 * does not end up in access logs or proxies.
 */
public final class JoinLinks {

  private final JoinTokens tokens;
  private final JoinCodes codes;
  private volatile String baseUrl;

  public JoinLinks(JoinTokens tokens, JoinCodes codes, String baseUrl) {
    this.tokens = tokens;
    this.codes = codes;
    this.baseUrl = baseUrl;
  }

  public JoinTokens tokens() {
    return tokens;
  }

  /** The short codes printed on the cards. */
  public JoinCodes codes() {
    return codes;
  }

  /** The public address, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The short link of a join code, which sends its person on to their link: {@code <base>/j/K7QM-3XWD}. */
  public String codeUrl(String code) {
    return baseUrl + "/j/" + code;
  }

  /** The printable join cards of an assembly. */
  public String cardsUrl(String assembly) {
    return baseUrl + "/cards.html?assembly=" + assembly;
  }

  /**
   * Where a person's own link takes them: the console for a facilitator or the lead
   * facilitator, the member app for everyone else.
   */
  public String linkOf(org.tingsted.server.deliberation.Role role, String token) {
    return role == org.tingsted.server.deliberation.Role.FACILITATOR
        || role == org.tingsted.server.deliberation.Role.LEAD_FACILITATOR ? consoleUrl(token) : url(token);
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
