package org.tingsted.server.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeTry;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.Decision.Rejected;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CastBallot;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.DissolveCluster;
import org.tingsted.server.deliberation.TableCommand.EditProposal;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.MergeClusters;
import org.tingsted.server.deliberation.TableCommand.MoveToCluster;
import org.tingsted.server.deliberation.TableCommand.OpenVote;
import org.tingsted.server.deliberation.TableCommand.Propose;
import org.tingsted.server.deliberation.TableCommand.RenameCluster;
import org.tingsted.server.deliberation.TableCommand.RestoreItem;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;

/**
 * Random sessions: commands from members, a facilitator and an observer, naming ids that may or
 * may not exist, applied one after another as the stream would.
 */
class TableProperties {
  /**
   * One command from one actor. A step with {@code picks} casts a ballot in one of the votes on
   * the board when the step runs, built from that vote's items, so that sessions reach valid
   * ballots often enough.
   */
  record Step(Actor actor, TableCommand command, List<Integer> picks) {
    Step(Actor actor, TableCommand command) {
      this(actor, command, null);
    }

    TableCommand on(Board board) {
      if (picks == null || board.votes().isEmpty()) {
        return command;
      }
      List<Vote> votes = new ArrayList<>(board.votes().values());
      Vote vote = votes.get(picks.get(0) % votes.size());
      List<String> items = vote.items();
      Map<String, Integer> marks = new LinkedHashMap<>();
      List<String> order = new ArrayList<>();
      for (int pick : picks) {
        String item = items.get(pick % items.size());
        if (!order.contains(item)) {
          order.add(item);
        }
        marks.put(item, vote.method() == VoteMethod.DOTS
            ? pick % (vote.capPerItem() + 2)
            : 1 + pick % 5);
      }
      switch (vote.method()) {
        case DOTS:
          return new CastBallot(vote.id(), Ballot.ofDots(marks));
        case RANKING:
          return new CastBallot(vote.id(), Ballot.ofOrder(order));
        default:
          return new CastBallot(vote.id(), Ballot.ofScale(marks));
      }
    }
  }

  private static final List<Actor> ACTORS = List.of(BoardFixture.ANNA, BoardFixture.BO,
      BoardFixture.CARL, BoardFixture.FRIDA, BoardFixture.LEA, BoardFixture.OLE);

  private final List<TableEvent> accepted = new ArrayList<>();

  @BeforeTry
  void reset() {
    accepted.clear();
  }

  @Property(tries = 400)
  void replayingTheAcceptedEventsRebuildsTheSameBoard(@ForAll("sessions") List<Step> session) {
    Board board = run(session, (before, after) -> {});
    assertThat(Table.replay("t", accepted)).isEqualTo(board);
  }

  @Property(tries = 400)
  void noDotBallotEverExceedsItsLimits(@ForAll("sessions") List<Step> session) {
    run(session, (before, after) -> {
      for (Vote vote : after.votes().values()) {
        if (vote.method() != VoteMethod.DOTS) {
          continue;
        }
        for (Ballot ballot : vote.ballots().values()) {
          int total = 0;
          for (int dots : ballot.dots().values()) {
            assertThat(dots).isBetween(0, vote.capPerItem());
            total += dots;
          }
          assertThat(total).isBetween(1, vote.dotsPerMember());
        }
      }
    });
  }

  @Property(tries = 400)
  void aRejectedCommandChangesNothing(@ForAll("sessions") List<Step> session) {
    Board board = Board.empty("t");
    for (Step step : session) {
      Board copy = Table.replay("t", accepted);
      Decision decision = Table.decide(board, step.on(board), step.actor());
      assertThat(Table.decide(board, step.on(board), step.actor())).isEqualTo(decision);
      assertThat(board).isEqualTo(copy);
      if (decision instanceof Accepted a) {
        assertThat(a.events()).isNotEmpty();
        for (TableEvent event : a.events()) {
          board = Table.evolve(board, event);
          accepted.add(event);
        }
      } else {
        assertThat(((Rejected) decision).rejection().reason()).isNotNull();
      }
    }
  }

  @Property(tries = 400)
  void theBoardStaysConsistent(@ForAll("sessions") List<Step> session) {
    run(session, (before, after) -> {
      for (Proposal proposal : after.proposals().values()) {
        if (proposal.cluster() != null) {
          assertThat(after.clusters().get(proposal.cluster()).proposals())
              .containsOnlyOnce(proposal.id());
        }
        assertThat(number(proposal.id())).isBetween(1, after.proposalsMade());
        assertThat(proposal.statusBeforeHidden() == null)
            .isEqualTo(proposal.status() != ProposalStatus.HIDDEN);
      }
      Set<String> clustered = new HashSet<>();
      for (Cluster cluster : after.clusters().values()) {
        assertThat(number(cluster.id())).isBetween(1, after.clustersMade());
        for (String id : cluster.proposals()) {
          assertThat(clustered.add(id)).as("%s in one cluster only", id).isTrue();
          assertThat(after.proposals().get(id).cluster()).isEqualTo(cluster.id());
        }
      }
      for (Comment comment : after.comments().values()) {
        assertThat(number(comment.id())).isBetween(1, after.commentsMade());
        assertThat(after.proposals()).containsKey(comment.proposal());
        if (comment.replyTo() != null) {
          assertThat(after.comments().get(comment.replyTo()).replyTo()).isNull();
        }
      }
      for (Vote vote : after.votes().values()) {
        assertThat(number(vote.id())).isBetween(1, after.votesOpened());
        assertThat(vote.ballotCount()).isEqualTo(vote.ballots().size());
        assertThat(vote.result() == null).isEqualTo(vote.status() == VoteStatus.OPEN);
      }
      for (Actor viewer : ACTORS) {
        Board seen = Visibility.boardFor(after, viewer);
        for (Vote vote : seen.votes().values()) {
          if (vote.status() == VoteStatus.OPEN) {
            assertThat(vote.ballots().keySet()).isSubsetOf(Set.of(viewer.member()));
          }
        }
      }
    });
  }

  private Board run(List<Step> session, BiConsumer<Board, Board> check) {
    Board board = Board.empty("t");
    for (Step step : session) {
      Decision decision = Table.decide(board, step.on(board), step.actor());
      if (decision instanceof Accepted a) {
        for (TableEvent event : a.events()) {
          Board before = board;
          board = Table.evolve(board, event);
          accepted.add(event);
          check.accept(before, board);
        }
      }
    }
    return board;
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring(1));
  }

  @Provide
  Arbitrary<List<Step>> sessions() {
    return steps().list().ofMinSize(5).ofMaxSize(80)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  private static Arbitrary<String> ids(String prefix, int max) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.<String>just(null)),
        Tuple.of(20,
            Arbitraries.integers().between(1, max).withDistribution(RandomDistribution.biased())
                .map(n -> prefix + n)));
  }

  private static Arbitrary<String> texts(int limit) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of("", "   ")),
        Tuple.of(1, Arbitraries.<String>just(null)),
        Tuple.of(1, Arbitraries.just("x".repeat(limit + 1))),
        Tuple.of(30, Arbitraries.of("Bike lanes", " Trees ", "Benches", "Why?")));
  }

  private static Arbitrary<String> items() {
    return Arbitraries.oneOf(ids("p", 5), ids("k", 3));
  }

  private static Arbitrary<Step> steps() {
    Arbitrary<String> proposal = ids("p", 5);
    Arbitrary<String> comment = ids("c", 5);
    Arbitrary<String> cluster = ids("k", 3);
    Arbitrary<String> vote = ids("v", 3);
    Arbitrary<Integer> small = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(-1, 0)), Tuple.of(6, Arbitraries.integers().between(1, 4)));
    Arbitrary<TableCommand> propose =
        Combinators.combine(texts(Limits.TITLE), texts(Limits.PROPOSAL_TEXT)).as(Propose::new);
    Arbitrary<TableCommand> edit = Combinators.combine(proposal,
            Arbitraries.integers().between(0, 4), texts(Limits.TITLE), texts(Limits.PROPOSAL_TEXT))
        .as(EditProposal::new);
    Arbitrary<TableCommand> withdraw = proposal.map(WithdrawProposal::new);
    Arbitrary<TableCommand> addComment = Combinators.combine(proposal,
            Arbitraries.of(CommentKind.class).injectNull(0.05), texts(Limits.COMMENT),
            Arbitraries.oneOf(Arbitraries.<String>just(null), comment))
        .as(AddComment::new);
    Arbitrary<TableCommand> create = Combinators.combine(texts(Limits.CLUSTER_NAME),
            proposal.list().ofMaxSize(3).injectNull(0.05))
        .as(CreateCluster::new);
    Arbitrary<TableCommand> rename =
        Combinators.combine(cluster, texts(Limits.CLUSTER_NAME)).as(RenameCluster::new);
    Arbitrary<TableCommand> move = Combinators.combine(proposal, cluster).as(MoveToCluster::new);
    Arbitrary<TableCommand> merge = Combinators.combine(cluster, cluster).as(MergeClusters::new);
    Arbitrary<TableCommand> dissolve = cluster.map(DissolveCluster::new);
    Arbitrary<Integer> rarelyNonZero = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.just(0)), Tuple.of(1, small));
    Arbitrary<List<String>> voteItems = items().list().ofMinSize(1).ofMaxSize(3).uniqueElements()
        .injectNull(0.03);
    Arbitrary<TableCommand> open = Arbitraries.oneOf(
        small.flatMap(dots -> Combinators.combine(voteItems, Arbitraries.integers().between(0, Math.max(0, dots) + 1))
            .as((items, cap) -> new OpenVote(VoteMethod.DOTS, items, dots, cap))),
        Combinators.combine(Arbitraries.of(VoteMethod.RANKING, VoteMethod.SCALE).injectNull(0.05),
                voteItems, rarelyNonZero, rarelyNonZero)
            .as(OpenVote::new));
    Arbitrary<Ballot> ballot = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.maps(items(), small).ofMaxSize(4).map(Ballot::ofDots)),
        Tuple.of(3, items().list().ofMaxSize(4).map(Ballot::ofOrder)),
        Tuple.of(3, Arbitraries.maps(items(), Arbitraries.integers().between(0, 6)).ofMaxSize(4)
            .map(Ballot::ofScale)),
        Tuple.of(1, Arbitraries.just(new Ballot(null, null, null))),
        Tuple.of(1, Arbitraries.<Ballot>just(null)));
    Arbitrary<TableCommand> cast = Combinators.combine(vote, ballot).as(CastBallot::new);
    Arbitrary<TableCommand> close = vote.map(CloseVote::new);
    Arbitrary<String> item = Arbitraries.oneOf(proposal, comment);
    Arbitrary<TableCommand> hide =
        Combinators.combine(item, texts(Limits.REASON)).as(HideItem::new);
    Arbitrary<TableCommand> restore =
        Combinators.combine(item, texts(Limits.REASON)).as(RestoreItem::new);
    // Most commands come from someone allowed to give them, so that sessions get far enough to
    // open votes and cast ballots; the rest check that everyone else is refused.
    Arbitrary<Actor> members = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(BoardFixture.ANNA, BoardFixture.BO, BoardFixture.CARL)),
        Tuple.of(1, Arbitraries.of(BoardFixture.FRIDA, BoardFixture.LEA)),
        Tuple.of(1, Arbitraries.just(BoardFixture.OLE)));
    Arbitrary<Actor> facilitators = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(BoardFixture.FRIDA, BoardFixture.LEA)),
        Tuple.of(1, Arbitraries.of(BoardFixture.ANNA, BoardFixture.BO)),
        Tuple.of(1, Arbitraries.just(BoardFixture.OLE)));
    Arbitrary<Actor> anyone = Arbitraries.of(ACTORS);
    return Arbitraries.frequencyOf(
        Tuple.of(6, step(members, propose)),
        Tuple.of(3, step(members, edit)),
        Tuple.of(1, step(members, withdraw)),
        Tuple.of(4, step(anyone, addComment)),
        Tuple.of(3, step(anyone, create)),
        Tuple.of(1, step(anyone, rename)),
        Tuple.of(3, step(anyone, move)),
        Tuple.of(1, step(anyone, merge)),
        Tuple.of(1, step(anyone, dissolve)),
        Tuple.of(8, step(facilitators, open)),
        Tuple.of(4, step(members, cast)),
        Tuple.of(10, Combinators.combine(members, cast,
                Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(4))
            .as(Step::new)),
        Tuple.of(3, step(facilitators, close)),
        Tuple.of(2, step(facilitators, hide)),
        Tuple.of(2, step(facilitators, restore)),
        Tuple.of(1, step(anyone, Arbitraries.just((TableCommand) null))));
  }

  private static Arbitrary<Step> step(Arbitrary<Actor> actor, Arbitrary<TableCommand> command) {
    return Combinators.combine(actor, command).as(Step::new);
  }
}
