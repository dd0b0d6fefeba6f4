package org.tingsted.server.browser;

import org.tingsted.server.LiveAssembly;
import org.tingsted.server.roster.Member;

/** The addresses a person opens: join links and the console, each with the person's token in the fragment. */
final class Links {

  private Links() {
  }

  static String base(LiveAssembly live) {
    return "http://127.0.0.1:" + live.node.port();
  }

  /** A member's join link (where the short link on their card sends them). */
  static String join(LiveAssembly live, Member m) {
    return base(live) + "/join#" + live.link(m);
  }

  /** A member's join link through a cable (a relay to the node's port). */
  static String join(LiveAssembly live, Member m, Cable cable) {
    return "http://127.0.0.1:" + cable.port() + "/join#" + live.link(m);
  }

  /** The facilitators' console, opened with the facilitator's own token. */
  static String console(LiveAssembly live, Member m) {
    return base(live) + "/console.html#" + live.link(m);
  }
}
