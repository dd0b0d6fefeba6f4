package org.tingsted.server.deliberation;

import static org.tingsted.server.deliberation.Generators.concat;
import static org.tingsted.server.deliberation.Generators.ids;

import org.tingsted.protocol.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.tingsted.server.deliberation.Decision.Accepted;
import org.tingsted.server.deliberation.TableCommand.AddComment;
import org.tingsted.server.deliberation.TableCommand.CastBallot;
import org.tingsted.server.deliberation.TableCommand.CloseVote;
import org.tingsted.server.deliberation.TableCommand.CreateCluster;
import org.tingsted.server.deliberation.TableCommand.DissolveCluster;
import org.tingsted.server.deliberation.TableCommand.EditProposal;
import org.tingsted.server.deliberation.TableCommand.EndTurn;
import org.tingsted.server.deliberation.TableCommand.FavourLeastHeard;
import org.tingsted.server.deliberation.TableCommand.GiveFloor;
import org.tingsted.server.deliberation.TableCommand.HideItem;
import org.tingsted.server.deliberation.TableCommand.LowerHand;
import org.tingsted.server.deliberation.TableCommand.MergeClusters;
import org.tingsted.server.deliberation.TableCommand.MoveToCluster;
import org.tingsted.server.deliberation.TableCommand.OpenVote;
import org.tingsted.server.deliberation.TableCommand.Propose;
import org.tingsted.server.deliberation.TableCommand.PublishResult;
import org.tingsted.server.deliberation.TableCommand.RaiseHand;
import org.tingsted.server.deliberation.TableCommand.RenameCluster;
import org.tingsted.server.deliberation.TableCommand.ReorderQueue;
import org.tingsted.server.deliberation.TableCommand.RestoreItem;
import org.tingsted.server.deliberation.TableCommand.WithdrawProposal;

/**
 * Random sessions at one table: commands from members, facilitators and an observer, naming ids
 * that may or may not exist, applied one after another as the stream would.
 *
 * <p>Purely random commands rarely get as far as a vote, so most sessions start with a few
 * proposals and a facilitator opening a vote, and many steps are <em>tactics</em> that build
 * their command from the board they run on: open a vote on what is there, cast a ballot (valid,
 * or deliberately wrong in one way) in a vote that exists, close an open vote, hide or restore
 * an item that exists, reply to a comment, give the floor to someone in the queue, reorder the
 * queue. A tactic that finds nothing to work on falls back to its random command.
 *
 * <p>Steps happen a second to a minute and a half apart, and the commands that need the time
 * ({@link Timed}) are stamped with the step's time, as the server would stamp them.
 *
 * <p>Shared with the JSON round-trip properties of the streams package, hence public.
 */
public final class Sessions {
  public static final Actor ANNA = BoardFixture.ANNA;
  public static final Actor BO = BoardFixture.BO;
  public static final Actor CARL = BoardFixture.CARL;
  public static final Actor FRIDA = BoardFixture.FRIDA;
  public static final Actor LEA = BoardFixture.LEA;
  public static final Actor OLE = BoardFixture.OLE;

  /** Everyone who acts or looks at the table: three members, two facilitators, an observer. */
  public static final List<Actor> ACTORS = List.of(ANNA, BO, CARL, FRIDA, LEA, OLE);

  /** The table every session runs on. */
  public static final String TABLE = "t";

  /** When the first step of a session happens, ms since the epoch. */
  public static final long START = 1_767_261_600_000L;

  private Sessions() {}

  /** How a step gets its command. */
  public enum Tactic {
    /** The step's random command, as it is. */
    AS_GIVEN,
    /** A vote on open proposals and clusters of the board; method and limits from the picks. */
    OPEN,
    /**
     * A ballot in a vote of the board (mostly an open one, often a dot vote): valid six times in
     * ten, otherwise over the dots, over the cap, naming an item not on the vote, or of the wrong
     * method.
     */
    BALLOT,
    /** Closing the open vote that holds the most ballots, if any holds one. */
    CLOSE,
    /** Hiding a proposal or comment that is not hidden. */
    HIDE,
    /** Restoring a hidden proposal or comment. */
    RESTORE,
    /** A reply to a top-level comment, on the comment's proposal. */
    REPLY,
    /** Publishing the result of a closed vote, published already or not. */
    PUBLISH,
    /** Lowering a hand in the queue, or one's own (which may not be raised). */
    LOWER,
    /** Giving the floor to the first in the queue, or to someone else in it. */
    FLOOR,
    /**
     * Reordering the queue: a true reordering seven times in ten, otherwise one that leaves
     * someone out, adds someone or names someone twice.
     */
    REORDER
  }

  /**
   * One command from one actor. {@code command} is the random command; a tactic other than
   * {@link Tactic#AS_GIVEN} replaces it with one built from the board and the {@code picks}
   * (a non-empty list of small numbers) when the step runs. A {@link Timed} command is stamped
   * with {@code at}, unless it is 0.
   */
  public record Step(
      Actor actor, Tactic tactic, TableCommand command, List<Integer> picks, long at) {
    public Step(Actor actor, TableCommand command) {
      this(actor, Tactic.AS_GIVEN, command, List.of(0), 0);
    }

    public Step(Actor actor, Tactic tactic, TableCommand command, List<Integer> picks) {
      this(actor, tactic, command, picks, 0);
    }

    /** This step, happening at {@code time}. */
    public Step at(long time) {
      return new Step(actor, tactic, command, picks, time);
    }

    /** The command this step gives on this board; the same board always gives the same one. */
    public TableCommand on(Board board) {
      TableCommand built = switch (tactic) {
        case AS_GIVEN -> null;
        case OPEN -> open(board);
        case BALLOT -> ballot(board);
        case CLOSE -> close(board);
        case HIDE -> moderate(board, true);
        case RESTORE -> moderate(board, false);
        case REPLY -> reply(board);
        case PUBLISH -> publish(board);
        case LOWER -> lower(board);
        case FLOOR -> floor(board);
        case REORDER -> reorder(board);
      };
      TableCommand chosen = built != null ? built : command;
      return chosen instanceof Timed timed && at > 0 ? (TableCommand) timed.at(at) : chosen;
    }

    private int pick(int i) {
      return picks.get(i % picks.size());
    }

    private TableCommand open(Board board) {
      List<String> candidates = new ArrayList<>();
      for (Proposal proposal : board.proposals().values()) {
        if (proposal.status() == ProposalStatus.OPEN) {
          candidates.add(proposal.id());
        }
      }
      candidates.addAll(board.clusters().keySet());
      if (candidates.isEmpty()) {
        return null;
      }
      // Dot votes twice as often as each other method: their limits are what most ballots break.
      VoteMethod method = VoteMethod.values()[Math.max(0, pick(0) % 4 - 1)];
      List<String> items = new ArrayList<>();
      for (int i = 2; i < Math.max(3, picks.size()); i++) {
        String item = candidates.get(pick(i) % candidates.size());
        if (!items.contains(item)) {
          items.add(item);
        }
      }
      if (method == VoteMethod.RANKING && items.size() < 2) {
        candidates.stream().filter(c -> !items.contains(c)).findFirst().ifPresent(items::add);
      }
      if (method != VoteMethod.DOTS) {
        return new OpenVote(method, items, 0, 0);
      }
      if (items.size() == 1 && pick(1) % 2 == 0) {
        candidates.stream().filter(c -> !items.contains(c)).findFirst().ifPresent(items::add);
      }
      int dots = 1 + pick(1) % 6;
      int cap = 1 + (pick(1) / 6) % dots;
      if (items.size() * cap <= dots && pick(1) % 3 > 0) {
        // Mostly limits that a ballot can break by placing too many dots within the cap.
        cap = Math.min(dots, dots / items.size() + 1);
      }
      return new OpenVote(VoteMethod.DOTS, items, dots, cap);
    }

    private TableCommand ballot(Board board) {
      if (board.votes().isEmpty()) {
        return null;
      }
      List<Vote> open = board.votes().values().stream()
          .filter(v -> v.status() == VoteStatus.OPEN).toList();
      List<Vote> dots = open.stream().filter(v -> v.method() == VoteMethod.DOTS).toList();
      List<Vote> from = open.isEmpty() || pick(0) % 6 == 0
          ? List.copyOf(board.votes().values())
          : dots.isEmpty() || pick(0) % 6 > 2 ? open : dots;
      Vote vote = from.get(pick(0) / 6 % from.size());
      List<String> chosen = new ArrayList<>();
      for (int i = 2; i < Math.max(3, picks.size()); i++) {
        String item = vote.items().get(pick(i) % vote.items().size());
        if (!chosen.contains(item)) {
          chosen.add(item);
        }
      }
      Ballot ballot = switch (pick(1) % 10) {
        case 6 -> overTheDots(vote, chosen);
        case 7 -> overTheCap(vote, chosen);
        case 8 -> withUnknownItem(vote, chosen);
        case 9 -> valid(wrongMethod(vote.method()), vote, chosen);
        default -> valid(vote.method(), vote, chosen);
      };
      return new CastBallot(vote.id(), ballot);
    }

    private VoteMethod wrongMethod(VoteMethod method) {
      return VoteMethod.values()[(method.ordinal() + 1 + pick(1) % 2) % 3];
    }

    private Ballot valid(VoteMethod method, Vote vote, List<String> chosen) {
      switch (method) {
        case DOTS: {
          int cap = Math.max(1, vote.capPerItem());
          int left = Math.max(1, vote.dotsPerMember());
          Map<String, Integer> dots = new LinkedHashMap<>();
          for (int i = 2; i < Math.max(3, picks.size()); i++) {
            String item = vote.items().get(pick(i) % vote.items().size());
            int now = dots.getOrDefault(item, 0);
            int add = Math.min(Math.min(cap - now, left), 1 + pick(i) % cap);
            dots.put(item, now + add);
            left -= add;
          }
          return Ballot.ofDots(dots);
        }
        case RANKING:
          return Ballot.ofOrder(chosen);
        default: {
          Map<String, Integer> scale = new LinkedHashMap<>();
          for (int i = 0; i < chosen.size(); i++) {
            scale.put(chosen.get(i), 1 + pick(i + 2) % 5);
          }
          return Ballot.ofScale(scale);
        }
      }
    }

    private Ballot overTheDots(Vote vote, List<String> chosen) {
      switch (vote.method()) {
        case DOTS: {
          int over = vote.dotsPerMember() + 1;
          if (vote.items().size() * vote.capPerItem() < over) {
            return overTheCap(vote, chosen);
          }
          Map<String, Integer> dots = new LinkedHashMap<>();
          for (String item : vote.items()) {
            int put = Math.min(vote.capPerItem(), over);
            dots.put(item, put);
            over -= put;
            if (over == 0) {
              break;
            }
          }
          return Ballot.ofDots(dots);
        }
        case RANKING: {
          List<String> twice = new ArrayList<>(chosen);
          twice.add(chosen.get(0));
          return Ballot.ofOrder(twice);
        }
        default:
          return Ballot.ofScale(Map.of(chosen.get(0), 6));
      }
    }

    private Ballot overTheCap(Vote vote, List<String> chosen) {
      switch (vote.method()) {
        case DOTS:
          return Ballot.ofDots(Map.of(chosen.get(0), vote.capPerItem() + 1));
        case RANKING:
          return Ballot.ofOrder(List.of());
        default:
          return Ballot.ofScale(Map.of(chosen.get(0), 0));
      }
    }

    private Ballot withUnknownItem(Vote vote, List<String> chosen) {
      Ballot valid = valid(vote.method(), vote, chosen);
      String unknown = pick(2) % 2 == 0 ? "p99" : "k99";
      switch (vote.method()) {
        case DOTS: {
          Map<String, Integer> dots = new LinkedHashMap<>(valid.dots());
          dots.put(unknown, 1);
          return Ballot.ofDots(dots);
        }
        case RANKING: {
          List<String> order = new ArrayList<>(valid.order());
          order.add(pick(3) % (order.size() + 1), unknown);
          return Ballot.ofOrder(order);
        }
        default: {
          Map<String, Integer> scale = new LinkedHashMap<>(valid.scale());
          scale.put(unknown, 3);
          return Ballot.ofScale(scale);
        }
      }
    }

    private TableCommand close(Board board) {
      int most = board.votes().values().stream().filter(v -> v.status() == VoteStatus.OPEN)
          .mapToInt(Vote::ballotCount).max().orElse(0);
      List<Vote> fullest = board.votes().values().stream()
          .filter(v -> v.status() == VoteStatus.OPEN && v.ballotCount() == most).toList();
      return most == 0 ? null : new CloseVote(fullest.get(pick(0) % fullest.size()).id());
    }

    private TableCommand moderate(Board board, boolean hide) {
      List<String> items = new ArrayList<>();
      for (Proposal proposal : board.proposals().values()) {
        if ((proposal.status() == ProposalStatus.HIDDEN) != hide) {
          items.add(proposal.id());
        }
      }
      for (Comment comment : board.comments().values()) {
        if (comment.hidden() != hide) {
          items.add(comment.id());
        }
      }
      if (items.isEmpty()) {
        return null;
      }
      String item = items.get(pick(0) % items.size());
      return hide ? new HideItem(item, "Off topic") : new RestoreItem(item, "Back on topic");
    }

    private TableCommand reply(Board board) {
      List<Comment> topLevel = board.comments().values().stream()
          .filter(c -> c.replyTo() == null).toList();
      if (topLevel.isEmpty()) {
        return null;
      }
      Comment parent = topLevel.get(pick(0) % topLevel.size());
      return new AddComment(parent.proposal(), CommentKind.values()[pick(1) % 4], "Agreed",
          parent.id());
    }

    private TableCommand publish(Board board) {
      List<Vote> closed = board.votes().values().stream()
          .filter(v -> v.status() == VoteStatus.CLOSED).toList();
      return closed.isEmpty() ? null
          : new PublishResult(closed.get(pick(0) % closed.size()).id());
    }

    private TableCommand lower(Board board) {
      if (board.hands().isEmpty()) {
        return null;
      }
      return new LowerHand(pick(0) % 3 == 0 ? null
          : board.hands().get(pick(1) % board.hands().size()));
    }

    private TableCommand floor(Board board) {
      if (board.hands().isEmpty()) {
        return null;
      }
      return new GiveFloor(pick(0) % 2 == 0 ? null
          : board.hands().get(pick(1) % board.hands().size()), 0);
    }

    private TableCommand reorder(Board board) {
      if (board.hands().isEmpty()) {
        return null;
      }
      List<String> left = new ArrayList<>(board.hands());
      List<String> order = new ArrayList<>();
      for (int i = 1; !left.isEmpty(); i++) {
        order.add(left.remove(pick(i) % left.size()));
      }
      int flaw = pick(0) % 10;
      if (flaw == 0) {
        order.remove(order.size() - 1);
      } else if (flaw == 1) {
        order.add("dan");
      } else if (flaw == 2) {
        order.add(order.get(0));
      }
      return new ReorderQueue(order);
    }
  }

  /** One step as it ran: the board it ran on, the command it gave and the decision. */
  public record Turn(Step step, Board board, TableCommand command, Decision<TableEvent> decision) {}

  /** What a session did: every step as it ran, the events accepted and every board reached. */
  public record Trace(List<Turn> turns, List<TableEvent> events, List<Board> boards) {

    /** The board at the end. */
    public Board last() {
      return boards.get(boards.size() - 1);
    }
  }

  /** Runs a session from an empty board; {@code boards} starts with the empty board. */
  public static Trace play(List<Step> session) {
    Board board = Board.empty(TABLE);
    List<Turn> turns = new ArrayList<>();
    List<TableEvent> events = new ArrayList<>();
    List<Board> boards = new ArrayList<>(List.of(board));
    for (Step step : session) {
      TableCommand command = step.on(board);
      Decision<TableEvent> decision = Table.decide(board, command, step.actor());
      turns.add(new Turn(step, board, command, decision));
      if (decision instanceof Accepted<TableEvent> a) {
        for (TableEvent event : a.events()) {
          board = Table.evolve(board, event);
          events.add(event);
          boards.add(board);
        }
      }
    }
    return new Trace(turns, events, boards);
  }

  /**
   * Mostly sessions that start with one to four proposals, perhaps a cluster, and one or two
   * votes opened on them, followed by 10 to 70 random steps with 1 to 14 parts of the speaking
   * queue among them (see {@link #speaking}), and perhaps end with a facilitator closing the
   * fullest votes, ending the turn and publishing a result; now and then a session of random
   * steps only. Each step happens a second to a minute and a half after the one before.
   */
  public static Arbitrary<List<Step>> sessions() {
    return untimed().map(Sessions::timed);
  }

  private static List<Step> timed(List<Step> steps) {
    List<Step> timed = new ArrayList<>(steps.size());
    long time = START;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      // Spread from the picks and the position, so that turns of many lengths come up.
      time += 1_000L * (1 + (step.picks().get(step.picks().size() - 1) + 37 * i) % 90);
      timed.add(step.at(time));
    }
    return timed;
  }

  private static Arbitrary<List<Step>> untimed() {
    Arbitrary<List<Step>> body = Combinators.combine(
            steps().list().ofMinSize(10).ofMaxSize(70)
                .withSizeDistribution(RandomDistribution.uniform()),
            speaking().list().ofMinSize(1).ofMaxSize(14)
                .withSizeDistribution(RandomDistribution.uniform()))
        .as(Sessions::interleave);
    Arbitrary<Step> close = Combinators.combine(Arbitraries.of(FRIDA, LEA), picks())
        .as((actor, picks) -> new Step(actor, Tactic.CLOSE, null, picks));
    Arbitrary<Step> publish = Combinators.combine(Arbitraries.of(FRIDA, LEA), picks())
        .as((actor, picks) -> new Step(actor, Tactic.PUBLISH, null, picks));
    Arbitrary<Step> endTurn =
        Arbitraries.of(FRIDA, LEA).map(actor -> new Step(actor, new EndTurn(0)));
    Arbitrary<List<Step>> closing = concat(close.list().ofMaxSize(2),
        endTurn.list().ofMaxSize(1), publish.list().ofMaxSize(1));
    Arbitrary<List<Step>> prepared = concat(opening(), body, closing);
    return Arbitraries.frequencyOf(
        Tuple.of(9, prepared),
        Tuple.of(1, Arbitraries.frequencyOf(
                Tuple.of(3, steps().map(List::of)), Tuple.of(1, speaking()))
            .list().ofMinSize(5).ofMaxSize(60)
            .withSizeDistribution(RandomDistribution.uniform())
            .map(parts -> parts.stream().flatMap(List::stream).toList())));
  }

  /**
   * The board's steps in their order, with each part of the speaking steps slipped in at a place
   * taken from its first step's first pick; parts that fall on the same place keep their order.
   */
  private static List<Step> interleave(List<Step> board, List<List<Step>> speaking) {
    List<List<Step>> after = new ArrayList<>();
    for (int i = 0; i <= board.size(); i++) {
      after.add(new ArrayList<>());
    }
    for (List<Step> part : speaking) {
      after.get(part.get(0).picks().get(0) % (board.size() + 1)).addAll(part);
    }
    List<Step> all = new ArrayList<>(after.get(0));
    for (int i = 0; i < board.size(); i++) {
      all.add(board.get(i));
      all.addAll(after.get(i + 1));
    }
    return all;
  }

  private static Arbitrary<List<Step>> opening() {
    Arbitrary<Step> propose = Combinators.combine(Arbitraries.of(ANNA, BO, CARL, FRIDA),
            Arbitraries.of("Bike lanes", "Trees", "Benches", "Night buses"),
            Arbitraries.of("Safer streets", "More shade", "Somewhere to sit"))
        .as((actor, title, text) -> new Step(actor, new Propose(title, text)));
    Arbitrary<List<Step>> cluster = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(List.of())),
        Tuple.of(1, Arbitraries.of(ANNA, BO, LEA).map(actor -> List.of(
            new Step(actor, new CreateCluster("Green", List.of("p1")))))));
    Arbitrary<Step> open = Combinators.combine(Arbitraries.of(FRIDA, LEA), picks())
        .as((actor, picks) -> new Step(actor, Tactic.OPEN, null, picks));
    return concat(propose.list().ofMinSize(1).ofMaxSize(4), cluster,
        open.list().ofMinSize(1).ofMaxSize(2));
  }

  private static Arbitrary<List<Integer>> picks() {
    return Arbitraries.integers().between(0, 999).list().ofMinSize(3).ofMaxSize(7);
  }

  private static Arbitrary<String> texts(int limit) {
    return Generators.texts(limit, 30);
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
        small.flatMap(dots -> Combinators.combine(voteItems,
                Arbitraries.integers().between(0, Math.max(0, dots) + 1))
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
    Arbitrary<Actor> members = members();
    Arbitrary<Actor> facilitators = facilitators();
    Arbitrary<Actor> voters = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.of(ANNA, BO, CARL)),
        Tuple.of(1, Arbitraries.of(FRIDA, LEA)),
        Tuple.of(1, Arbitraries.just(OLE)));
    Arbitrary<Actor> anyone = Arbitraries.of(ACTORS);
    return Arbitraries.frequencyOf(
        Tuple.of(4, step(members, propose)),
        Tuple.of(2, step(members, edit)),
        Tuple.of(1, step(members, withdraw)),
        Tuple.of(3, step(anyone, addComment)),
        Tuple.of(2, tactic(anyone, Tactic.REPLY, addComment)),
        Tuple.of(2, step(anyone, create)),
        Tuple.of(1, step(anyone, rename)),
        Tuple.of(2, step(anyone, move)),
        Tuple.of(1, step(anyone, merge)),
        Tuple.of(1, step(anyone, dissolve)),
        Tuple.of(2, step(facilitators, open)),
        Tuple.of(4, tactic(facilitators, Tactic.OPEN, open)),
        Tuple.of(2, step(members, cast)),
        Tuple.of(28, tactic(voters, Tactic.BALLOT, cast)),
        Tuple.of(1, step(facilitators, close)),
        Tuple.of(5, tactic(facilitators, Tactic.CLOSE, close)),
        Tuple.of(1, step(facilitators, hide)),
        Tuple.of(2, tactic(facilitators, Tactic.HIDE, hide)),
        Tuple.of(1, step(facilitators, restore)),
        Tuple.of(2, tactic(facilitators, Tactic.RESTORE, restore)),
        Tuple.of(1, step(anyone, Arbitraries.just((TableCommand) null))));
  }

  /**
   * Steps of the speaking queue, and publishing results, to be slipped in among the board's
   * steps: mostly one step at a time, but often a whole turn (a hand raised, the floor given and
   * the turn ended, by a facilitator or by the one who raised their hand) or two hands raised
   * and the queue rearranged, so that most sessions see turns end and the queue change.
   */
  private static Arbitrary<List<Step>> speaking() {
    Arbitrary<String> member = Arbitraries.of("anna", "bo", "carl", "frida").injectNull(0.3);
    Arbitrary<TableCommand> publish = ids("v", 3).map(PublishResult::new);
    Arbitrary<TableCommand> raise = Arbitraries.just(new RaiseHand());
    Arbitrary<TableCommand> lower = member.map(LowerHand::new);
    Arbitrary<TableCommand> floor = member.map(m -> new GiveFloor(m, 0));
    Arbitrary<TableCommand> endTurn = Arbitraries.just(new EndTurn(0));
    Arbitrary<TableCommand> reorder = member.list().ofMaxSize(4).injectNull(0.05)
        .map(ReorderQueue::new);
    Arbitrary<TableCommand> favour = Arbitraries.just(new FavourLeastHeard());
    Arbitrary<Actor> members = members();
    Arbitrary<Actor> facilitators = facilitators();
    // As given, but with picks, which place the step among the board's steps.
    Tactic given = Tactic.AS_GIVEN;
    Arbitrary<Step> one = Arbitraries.frequencyOf(
        Tuple.of(4, tactic(members, given, raise)),
        Tuple.of(2, tactic(Arbitraries.of(ACTORS), Tactic.LOWER, lower)),
        Tuple.of(3, tactic(facilitators, Tactic.FLOOR, floor)),
        Tuple.of(2, tactic(facilitators, given, endTurn)),
        Tuple.of(1, tactic(members, given, endTurn)),
        Tuple.of(2, tactic(facilitators, Tactic.REORDER, reorder)),
        Tuple.of(1, tactic(facilitators, given, favour)),
        Tuple.of(1, tactic(facilitators, given, publish)),
        Tuple.of(2, tactic(facilitators, Tactic.PUBLISH, publish)));
    Arbitrary<List<Step>> turn = Combinators.combine(members, facilitators, picks(),
            Arbitraries.of(true, false))
        .as((speaker, facilitator, picks, ownEnd) -> List.of(
            new Step(speaker, given, new RaiseHand(), picks),
            new Step(facilitator, Tactic.FLOOR, new GiveFloor(null, 0), picks),
            new Step(ownEnd ? speaker : facilitator, given, new EndTurn(0), picks)));
    Arbitrary<Step> arrange = Arbitraries.frequencyOf(
        Tuple.of(2, tactic(facilitators, Tactic.REORDER, reorder)),
        Tuple.of(1, tactic(facilitators, given, favour)),
        Tuple.of(2, tactic(Arbitraries.of(ACTORS), Tactic.LOWER, lower)));
    Arbitrary<List<Step>> queue = Combinators.combine(members, members, picks(), arrange)
        .as((first, second, picks, then) -> List.of(
            new Step(first, given, new RaiseHand(), picks),
            new Step(second, given, new RaiseHand(), picks), then));
    return Arbitraries.frequencyOf(
        Tuple.of(3, one.map(List::of)), Tuple.of(1, turn), Tuple.of(1, queue));
  }

  // Most commands come from someone allowed to give them, so that sessions get far enough to
  // open votes, cast ballots and end turns; the rest check that everyone else is refused.
  private static Arbitrary<Actor> members() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(ANNA, BO, CARL)),
        Tuple.of(1, Arbitraries.of(FRIDA, LEA)),
        Tuple.of(1, Arbitraries.just(OLE)));
  }

  private static Arbitrary<Actor> facilitators() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(FRIDA, LEA)),
        Tuple.of(1, Arbitraries.of(ANNA, BO)),
        Tuple.of(1, Arbitraries.just(OLE)));
  }

  private static Arbitrary<Step> step(Arbitrary<Actor> actor, Arbitrary<TableCommand> command) {
    return Combinators.combine(actor, command).as(Step::new);
  }

  private static Arbitrary<Step> tactic(
      Arbitrary<Actor> actor, Tactic tactic, Arbitrary<TableCommand> fallback) {
    return Combinators.combine(actor, fallback, picks())
        .as((who, command, picks) -> new Step(who, tactic, command, picks));
  }
}
