package org.tingsted.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.tingsted.bench.Load.Command;
import org.tingsted.bench.Load.Seat;
import org.tingsted.bench.Load.Table;

/**
 * The mix of table commands a member sends, as a table works in an unphased session (before
 * the agenda starts every action is open): out of every 20 commands of a member, 3 proposals,
 * 11 comments on proposals already on the board, 1 new cluster and 5 moves of the member's own
 * proposals into or out of clusters. Proposals and comments are 250–480 bytes of JSON, a new
 * cluster about 150, a move about 100. Ballots are not in the mix: a vote is opened by a
 * facilitator, and the peers have none.
 *
 * <p>Tingsted's caps (50 proposals, 300 comments and 100,000 characters per member and table;
 * 400,000 characters and 100 clusters per table) are kept with a margin: past one, the member
 * sends the next kind that is still open, in the end only moves, which carry no text. Only a
 * proposal's author moves it, so one connection's moves of a proposal reach the server in the
 * order they were sent and each is a real change.
 */
final class Workload {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] SLOTS = {
      "propose", "comment", "cluster", "comment", "move", "comment", "propose", "comment", "move", "comment",
      "comment", "move", "comment", "propose", "comment", "move", "comment", "comment", "move", "comment"};
  private static final String[] TITLES = {
      "Green courtyards in every block", "Free public transport for everyone under 18",
      "A citizens' budget for every district", "Safe bicycle routes to every school",
      "Affordable housing near the harbour", "More trees along the main roads",
      "Libraries open until midnight", "Rainwater beds instead of new sewers"};
  private static final String[] SENTENCES = {
      "The municipality should fund this where the residents ask for it, and let them decide how.",
      "It would make the neighbourhood better for children, for older people and for everyone who walks.",
      "The cost can be shared between the city, the housing associations and the state over ten years.",
      "We heard from the experts that similar schemes worked in Malmö and in Amsterdam.",
      "It must not take space from the people who already live there, and it must be kept up.",
      "A yearly report to the city council should say what has been done and what it cost."};
  private static final String[] REMARKS = {
      "Who pays for the upkeep once it is built, and for how many years is that promised?",
      "I support this, but it should start in the districts that have the least of it today.",
      "Have we asked the people who live there what they want? That should come first.",
      "This is close to the proposal about the harbour; perhaps they belong in one cluster.",
      "I worry it will be too expensive for the smaller housing associations to take part."};
  private static final String[] KINDS = {"support", "concern", "question", "other"};

  private Workload() {
  }

  /** The next command of this member, with the given id. Called from the generator's schedule only. */
  static Command next(Seat seat, String id) {
    Table table = seat.table;
    int n = seat.proposals + seat.comments + seat.moves + seat.index;
    String slot = table.proposals.isEmpty() ? "propose" : SLOTS[n % SLOTS.length];
    Command c = switch (slot) {
      case "propose" -> propose(seat, id, n);
      case "comment" -> comment(seat, id, n);
      case "cluster" -> cluster(seat, id, n);
      default -> move(seat, id, n);
    };
    // Past a cap, the next kind still open: a move, a comment, a proposal, a cluster.
    for (String other : List.of("move", "comment", "propose", "cluster")) {
      if (c != null) {
        break;
      }
      c = switch (other) {
        case "propose" -> propose(seat, id, n);
        case "comment" -> comment(seat, id, n);
        case "cluster" -> cluster(seat, id, n);
        default -> move(seat, id, n);
      };
    }
    if (c == null) {
      // Every cap is reached and the member has no proposal of its own: sent anyway, and refused.
      c = new Command("exhausted", base("propose", id).put("title", "x").put("text", "x").toString(), 2);
    }
    return c;
  }

  private static boolean room(Seat seat, int length) {
    return seat.text + length <= Load.MEMBER_TEXT_CAP && seat.table.text.get() + length <= Load.BOARD_TEXT_CAP;
  }

  private static ObjectNode base(String type, String id) {
    return F.objectNode().put("type", type).put("id", id);
  }

  private static Command propose(Seat seat, String id, int n) {
    String title = TITLES[(n + seat.table.index) % TITLES.length] + " (" + seat.table.index + "." + seat.index + "." + n + ")";
    String text = SENTENCES[n % SENTENCES.length] + " " + SENTENCES[(n + 2) % SENTENCES.length]
        + (n % 2 == 0 ? " " + SENTENCES[(n + 4) % SENTENCES.length] : "");
    int length = title.length() + text.length();
    if (seat.proposals >= Load.PROPOSALS_CAP || !room(seat, length)) {
      return null;
    }
    seat.proposals++;
    seat.text += length;
    seat.table.text.addAndGet(length);
    return new Command("propose", base("propose", id).put("title", title).put("text", text).toString(), length);
  }

  private static Command comment(Seat seat, String id, int n) {
    List<String> proposals = seat.table.proposals;
    if (proposals.isEmpty() || seat.comments >= Load.COMMENTS_CAP) {
      return null;
    }
    String text = REMARKS[n % REMARKS.length] + (n % 3 == 0 ? " " + REMARKS[(n + 1) % REMARKS.length] : "");
    if (!room(seat, text.length())) {
      return null;
    }
    seat.comments++;
    seat.text += text.length();
    seat.table.text.addAndGet(text.length());
    String proposal = proposals.get((n * 7 + seat.index) % proposals.size());
    return new Command("comment", base("comment", id).put("proposal", proposal).put("kind", KINDS[n % KINDS.length])
        .put("text", text).toString(), text.length());
  }

  private static Command cluster(Seat seat, String id, int n) {
    String name = "Theme " + (seat.table.clusters.size() + 1) + ": " + TITLES[n % TITLES.length].toLowerCase(java.util.Locale.ROOT);
    if (seat.table.clusters.size() >= Load.CLUSTERS_CAP || !room(seat, name.length())) {
      return null;
    }
    seat.text += name.length();
    seat.table.text.addAndGet(name.length());
    ObjectNode c = base("createCluster", id).put("name", name);
    ArrayNode into = c.putArray("proposals");
    for (String p : seat.ownOrder) {
      if (into.size() < 2 && "".equals(seat.own.get(p))) {
        into.add(p);
        seat.own.put(p, "?");
      }
    }
    seat.moves++;
    return new Command("createCluster", c.toString(), name.length());
  }

  private static Command move(Seat seat, String id, int n) {
    List<String> mine = seat.ownOrder;
    if (mine.isEmpty()) {
      return null;
    }
    String proposal = mine.get(seat.moves % mine.size());
    String current = seat.own.getOrDefault(proposal, "");
    List<String> clusters = seat.table.clusters;
    String to;
    if (current.isEmpty()) {
      if (clusters.isEmpty()) {
        return null;
      }
      to = clusters.get((n + seat.index) % clusters.size());
    } else if (!"?".equals(current) && clusters.size() > 1 && n % 2 == 0) {
      to = clusters.get((clusters.indexOf(current) + 1) % clusters.size());
    } else {
      to = null;
    }
    seat.moves++;
    seat.own.put(proposal, to == null ? "" : to);
    ObjectNode c = base("moveToCluster", id).put("proposal", proposal);
    if (to == null) {
      c.putNull("cluster");
    } else {
      c.put("cluster", to);
    }
    return new Command("moveToCluster", c.toString(), 0);
  }
}
