package org.tingsted.server.control;

import org.tingsted.protocol.StreamId;
import io.vertx.core.Future;
import java.util.List;
import java.util.stream.Collectors;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Cluster;
import org.tingsted.protocol.Limits;
import org.tingsted.server.deliberation.Proposal;
import org.tingsted.server.deliberation.ProposalStatus;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.deliberation.Source;
import org.tingsted.server.deliberation.TableCommand;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Roster;
import org.tingsted.server.streams.Outcome;
import org.tingsted.server.streams.Streams;

/**
 * The facilitation that spans streams, in one place that any node runs the same way: moving
 * a member between tables (the roster, the session's stream, the old table's speaking
 * queue), promoting a table's proposal or cluster into a draft of the session (read from the
 * table's board at its owner), and the electorate of a final vote. Who may do these is the
 * gateway's check; what they do is here.
 */
public final class Facilitation {

  private final Roster roster;
  private final Streams streams;

  public Facilitation(Roster roster, Streams streams) {
    this.roster = roster;
    this.streams = streams;
  }

  /** A command names something that is not there. */
  public static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Moves {@code member} to {@code toTable}: the roster first, so that wherever they connect
   * next they sit at the new table; then {@code memberMoved} on the session's stream, which
   * every node's connections of theirs follow; then their raised hand at the old table is
   * lowered (nothing to lower is no error: most members have no hand up).
   */
  public Future<Outcome> move(String assembly, String session, Actor lead, String member, String toTable,
                              String commandId) {
    return roster.move(assembly, member, toTable)
        .compose(from -> streams.execute(StreamId.session(session),
                new SessionCommand.MoveMember(member, from, toTable), lead, commandId)
            .onSuccess(moved -> streams.execute(StreamId.table(from), new TableCommand.LowerHand(member),
                lead, commandId + "-lower")));
  }

  /**
   * The draft that promoting a table's proposal (or, when {@code proposal} is null, its
   * cluster) makes, read from the table's board as its owner has it; the title and text
   * default to the source's. Fails with {@link NotFound} when the table has no such item.
   */
  public Future<SessionCommand.PromoteDraft> promotion(String table, String proposal, String cluster, String title,
                                                       String text) {
    return streams.read(StreamId.table(table)).compose(entry -> {
      Source source = source(table, (Board) entry.state(), proposal, cluster);
      if (source == null) {
        return Future.failedFuture(new NotFound(proposal != null
            ? "no proposal " + proposal + " at table " + table
            : "no cluster " + cluster + " at table " + table));
      }
      return Future.succeededFuture(new SessionCommand.PromoteDraft(List.of(source),
          title != null ? title : source.title(),
          text != null ? text : clip(source.text(), Limits.PROPOSAL_TEXT)));
    });
  }

  /** The electorate of a session's final vote: its members (not facilitators or observers). */
  public static int electorate(Assembly assembly, String session) {
    return (int) assembly.members().values().stream()
        .filter(m -> m.role() == Role.MEMBER && session.equals(m.session())).count();
  }

  /**
   * What a draft keeps of its source: a visible proposal, or a cluster with its visible
   * proposals' words, each its title on a line and its text under it, a blank line between
   * them, so that a draft made from a cluster starts with what the table wrote.
   */
  static Source source(String table, Board board, String proposal, String cluster) {
    if (proposal != null) {
      Proposal p = board.proposals().get(proposal);
      if (p == null || p.status() == ProposalStatus.HIDDEN) {
        return null;
      }
      return new Source(table, p.id(), null, p.title(), p.text());
    }
    Cluster k = board.clusters().get(cluster);
    if (k == null) {
      return null;
    }
    String words = k.proposals().stream().map(board.proposals()::get)
        .filter(p -> p != null && p.status() != ProposalStatus.HIDDEN)
        .map(p -> p.text() == null || p.text().isBlank() ? p.title() : p.title() + "\n" + p.text().strip())
        .collect(Collectors.joining("\n\n"));
    return new Source(table, null, k.id(), k.name(), words.isEmpty() ? k.name() : words);
  }

  /** A cluster's text (its proposals' words) can outgrow a draft's: cut it with an ellipsis. */
  static String clip(String text, int max) {
    // Counted in code points, as the model's limits are: never inside a surrogate pair.
    return text.codePointCount(0, text.length()) <= max
        ? text
        : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }
}
