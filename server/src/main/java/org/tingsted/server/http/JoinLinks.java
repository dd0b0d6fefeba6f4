package org.tingsted.server.http;

import org.tingsted.server.roster.Credentials;
import org.tingsted.server.roster.JoinCodes;

/**
 * Join links: the address a member opens (or scans as a QR code) to take their seat. The link
 * credential travels in the fragment ({@code /join#<credential>}), which browsers never send to
 * a server, so it does not end up in access logs or proxies; the app exchanges it for a session
 * credential at once and takes it out of the address.
 */
public final class JoinLinks {

  private final Credentials credentials;
  private final JoinCodes codes;
  private volatile String baseUrl;

  public JoinLinks(Credentials credentials, JoinCodes codes, String baseUrl) {
    this.credentials = credentials;
    this.codes = codes;
    this.baseUrl = baseUrl;
  }

  /** The credentials that links carry and that sessions are made of. */
  public Credentials credentials() {
    return credentials;
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
