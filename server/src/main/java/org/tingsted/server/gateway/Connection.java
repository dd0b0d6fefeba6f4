package org.tingsted.server.gateway;

import org.tingsted.protocol.StreamId;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tingsted.protocol.ClientMessage;
import org.tingsted.protocol.ConnectionCommand;
import org.tingsted.protocol.Device;
import org.tingsted.protocol.ControlCommand;
import org.tingsted.protocol.ErrorCode;
import org.tingsted.protocol.PlenaryCommand;
import org.tingsted.protocol.Protocol;
import org.tingsted.protocol.ProtocolCodec;
import org.tingsted.protocol.ProtocolException;
import org.tingsted.protocol.Reply;
import org.tingsted.protocol.TableCommand;
import org.tingsted.server.control.Facilitation;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Board;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Credentials;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.RosterException;
import org.tingsted.server.roster.Session;
import org.tingsted.server.roster.TablePlace;
import org.tingsted.server.streams.Outcome;

/**
 * One WebSocket: the member it speaks for, the streams it reads, and the rules of the
 * conversation (hello first, one reply per message, a fair share of messages per second).
 *
 * <p>Every handler runs on the gateway's context.
 */
final class Connection {

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private enum State { GREETING, JOINING, OPEN, CLOSED }

  private final Gateway gateway;
  private final ServerWebSocket socket;
  private final String key = UUID.randomUUID().toString();
  private final MessageRate rate = new MessageRate(Gateway.MESSAGES_PER_SECOND, Gateway.MESSAGE_BURST,
      Gateway.REFUSALS_FORGIVEN_PER_SECOND);
  private State state = State.GREETING;
  private long helloTimer;
  private long pingTimer;
  private long consoleTimer = -1;
  private Member member;
  /** The session credential's claim this connection was let in with. */
  private Credentials.Claim credential;
  private Assembly assembly;
  private Actor actor;
  private Device device;
  /** Bytes written to the socket and not yet sent, and of those what was sent whole. */
  private long outboxBytes;
  private long wholeBytes;
  /** The feeds this connection reads, by stream name. */
  private final Map<StreamId, StreamFeed> feeds = new LinkedHashMap<>();

  Connection(Gateway gateway, ServerWebSocket socket) {
    this.gateway = gateway;
    this.socket = socket;
  }

  void start() {
    // Frames, not Vert.x's messages: it would take a fragmented message over its limit in silence,
    // and read text that is not UTF-8 with replacement characters.
    socket.frameHandler(new MessageAssembly(this::receive, this::tooLarge, this::close)::frame);
    socket.exceptionHandler(e -> {
      if (e instanceof CorruptedWebSocketFrameException broken) {
        // The WebSocket layer refused a frame (over the size limit, or against RFC 6455) and
        // reads nothing more: say why with the RFC's code, before the connection is dropped.
        close(broken.closeStatus().code(), broken.closeStatus().code() == Protocol.CLOSE_TOO_BIG
            ? "a frame larger than " + Protocol.MAX_MESSAGE_BYTES + " bytes" : "a frame that breaks RFC 6455");
      } else {
        LOG.debug("socket error", e);
      }
    });
    socket.closeHandler(v -> closed());
    // A ping keeps a quiet but healthy connection from hitting the idle timeout; a dead one
    // never answers and is closed by it.
    pingTimer = gateway.vertx().setPeriodic(Gateway.PING_SECONDS * 1000L, id -> socket.writePing(Buffer.buffer()));
    helloTimer = gateway.vertx().setTimer(Protocol.HELLO_TIMEOUT_SECONDS * 1000L, id -> {
      if (state == State.GREETING) {
        close(Protocol.CLOSE_HELLO_TIMEOUT, "no hello within " + Protocol.HELLO_TIMEOUT_SECONDS + " s");
      }
    });
  }

  Actor actor() {
    return actor;
  }

  /**
   * Sends a frame. A reader that would have more than {@link Gateway#OUTBOX_BYTES} written and
   * not yet sent, what is sent whole aside, is too slow to follow its table; it is closed with
   * 4429 and will resume from its last seq when it reconnects.
   */
  void send(String frame) {
    write(frame, false);
  }

  /**
   * Sends what a reader asked for and gets once: a snapshot (a board holds a few megabytes at
   * most), a history page, the events missed before a resume (bounded by the retained window).
   * It never counts against the outbox, so that a reader who keeps reading always gets the
   * whole of it; what is sent after it counts as usual.
   */
  void sendWhole(String frame) {
    write(frame, true);
  }

  private void write(String frame, boolean whole) {
    if (state == State.CLOSED) {
      return;
    }
    long bytes = ProtocolCodec.utf8Length(frame);
    if (outboxBytes - wholeBytes + (whole ? 0 : bytes) > Gateway.OUTBOX_BYTES) {
      close(Protocol.CLOSE_TOO_MANY, "too slow to read its messages");
      return;
    }
    try {
      outboxBytes += bytes;
      if (whole) {
        wholeBytes += bytes;
      }
      writeMessage(frame).onComplete(sent -> {
        outboxBytes -= bytes;
        if (whole) {
          wholeBytes -= bytes;
        }
      });
    } catch (IllegalStateException closing) {
      // The peer closed and the close handler has not run yet: nothing more can be written.
      closed();
    }
  }

  /**
   * Writes one text message in frames of at most {@link Protocol#MAX_FRAME_BYTES}, as before the
   * server took larger frames in: Vert.x would cut what it sends at the size it reads (1 MiB),
   * and many WebSocket clients refuse a frame over 64 KiB. The first frame holds whole
   * characters (Vert.x makes a text frame from a String); the continuations are cut anywhere,
   * as RFC 6455 allows.
   */
  private Future<Void> writeMessage(String text) {
    if (text.length() <= Protocol.MAX_FRAME_BYTES / 3 || ProtocolCodec.utf8Length(text) <= Protocol.MAX_FRAME_BYTES) {
      return socket.writeTextMessage(text);
    }
    int chars = 0;
    int firstBytes = 0;
    while (chars < text.length()) {
      int cp = text.codePointAt(chars);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (firstBytes + size > Protocol.MAX_FRAME_BYTES) {
        break;
      }
      firstBytes += size;
      chars += Character.charCount(cp);
    }
    byte[] rest = text.substring(chars).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Future<Void> last = socket.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame(text.substring(0, chars), false));
    for (int from = 0; from < rest.length; from += Protocol.MAX_FRAME_BYTES) {
      int to = Math.min(rest.length, from + Protocol.MAX_FRAME_BYTES);
      last = socket.writeFrame(io.vertx.core.http.WebSocketFrame.continuationFrame(
          Buffer.buffer(java.util.Arrays.copyOfRange(rest, from, to)), to == rest.length));
    }
    return last;
  }

  private void reply(Reply reply) {
    send(gateway.frames().encode(reply));
  }

  /** Refuses the message being received now (its type and stream are noted in {@link #receive}). */
  private void refuse(String id, ErrorCode code, String message) {
    refuse(receivingType, receivingStream, id, code, message);
  }

  /**
   * Refuses a command, and records the refusal in the audit log: who (the person, or who the
   * token claimed, or no one yet), what (the command's type and id), where (its stream) and
   * why (the code and the message); never what the command carried.
   */
  private void refuse(String type, StreamId stream, String id, ErrorCode code, String message) {
    reply(new Reply.Error(id, code, message));
    record(type, stream, id, code, message);
  }

  private void record(String type, StreamId stream, String id, ErrorCode code, String message) {
    String who = member != null ? member.id() : claimed == null ? null : claimed.member();
    String where = assembly != null ? assembly.id() : claimed == null ? null : claimed.assembly();
    gateway.audit().refused(where, who, member == null ? null : Translation.role(member.role()).wireName(),
        stream == null ? null : stream.name(), type, id, code.wireName(), message, System.currentTimeMillis());
  }

  /** The type of the message being received, and the stream it is for, for the audit log. */
  private String receivingType;
  private StreamId receivingStream;
  /** Who the hello's token named, once it was verified (before the person is let in). */
  private Credentials.Claim claimed;

  /** The stream a command is for, as far as it can be told before it runs. */
  private StreamId streamOf(ClientMessage message) {
    if (member == null) {
      return null;
    }
    if (message instanceof TableCommand command) {
      String table = command.table() != null ? command.table() : member.table();
      return table == null ? null : StreamId.table(table);
    }
    if (message instanceof PlenaryCommand || message instanceof ControlCommand) {
      return StreamId.session(member.session());
    }
    if (message instanceof ConnectionCommand.History history) {
      return StreamId.parse(history.stream()).orElse(null);
    }
    return null;
  }

  private void receive(String text) {
    if (state == State.CLOSED) {
      return;
    }
    long arrived = System.nanoTime();
    ClientMessage message;
    try {
      message = gateway.frames().codec().decodeClient(text);
    } catch (ProtocolException e) {
      refused(e);
      return;
    }
    receivingType = ProtocolCodec.typeName(message);
    receivingStream = streamOf(message);
    if (!rate.allow(System.nanoTime())) {
      tooFast(message.id());
      return;
    }
    if (message instanceof ConnectionCommand.Hello hello) {
      hello(hello);
    } else if (state != State.OPEN) {
      refuse(message.id(), ErrorCode.UNAUTHORIZED, "send hello with your session credential first");
    } else if (message instanceof ConnectionCommand.Clock clock) {
      reply(new Reply.Clock(clock.id(), clock.clientTime(), System.currentTimeMillis()));
    } else if (message instanceof ConnectionCommand.History history) {
      history(history);
    } else if (message instanceof TableCommand command) {
      run(command, arrived);
    } else if (message instanceof PlenaryCommand command) {
      plenary(command, arrived);
    } else if (message instanceof ControlCommand command) {
      control(command, arrived);
    } else {
      refuse(message.id(), ErrorCode.UNKNOWN_TYPE, "no handler for " + message.getClass().getSimpleName());
    }
  }

  /** A message over {@link Protocol#MAX_FRAME_BYTES}, read to its end: only its start was kept. */
  private void tooLarge(String start) {
    if (state != State.CLOSED) {
      refused(ProtocolCodec.refuseTooLarge(start));
    }
  }

  /** A message that is no command: answered with its error, within the rate like any message. */
  private void refused(ProtocolException e) {
    receivingType = null;
    receivingStream = null;
    if (!rate.allow(System.nanoTime())) {
      tooFast(e.id());
      return;
    }
    // What a parser says of a frame it could not read may quote the frame: the audit log
    // keeps the code's meaning instead, and no part of the frame.
    reply(e.toReply());
    record(null, null, e.id(), e.code(), e.code().meaning());
  }

  private void tooFast(String id) {
    if (rate.refused() > Gateway.REFUSALS_BEFORE_CLOSE) {
      close(Protocol.CLOSE_TOO_MANY, "too many messages");
    } else {
      refuse(id, ErrorCode.RATE_LIMITED, "too many messages; at most "
          + Gateway.MESSAGES_PER_SECOND + " a second, slow down and retry");
    }
  }

  private void hello(ConnectionCommand.Hello hello) {
    if (state != State.GREETING) {
      refuse(hello.id(), ErrorCode.INVALID, "this connection has already said hello");
      return;
    }
    state = State.JOINING;
    gateway.vertx().cancelTimer(helloTimer);
    if (!gateway.serving()) {
      refuse(hello.id(), ErrorCode.INTERNAL, "this server is not serving now; connect again to reach another one");
      close(Protocol.CLOSE_GOING_AWAY, "not serving");
      return;
    }
    Credentials.Checked read = gateway.credentials().read(hello.token(), Credentials.Kind.SESSION);
    if (!read.valid()) {
      refuseCredential(hello.id(), read.refusal());
      return;
    }
    Credentials.Claim claim = read.claim();
    claimed = claim;
    // Counted per generation of the person's credentials: whoever still holds a revoked one
    // (a lost card's) cannot use up the joins of the person with the new one.
    if (!gateway.mayJoin(claim.member() + "/" + claim.generation())) {
      refuse(hello.id(), ErrorCode.RATE_LIMITED, "you connected more than " + Gateway.JOINS_PER_MINUTE
          + " times in a minute; wait a moment");
      close(Protocol.CLOSE_TOO_MANY, "too many connections in a minute");
      return;
    }
    gateway.roster().get(claim.assembly()).onComplete(found -> {
      if (found.failed()) {
        // The roster could not be read now: no reason to send the person back to their card.
        LOG.warn("could not read the roster of {} for a hello", claim.assembly(), found.cause());
        refuse(hello.id(), ErrorCode.INTERNAL, "the server could not check your link now; connect again");
        close(Protocol.CLOSE_GOING_AWAY, "roster not readable");
        return;
      }
      Assembly assembly = found.result();
      Credentials.Refusal refusal = Credentials.standing(claim, assembly);
      if (refusal != null) {
        refuseCredential(hello.id(), refusal);
        return;
      }
      this.credential = claim;
      join(hello, assembly, assembly.members().get(claim.member()));
    });
  }

  /**
   * Refuses a hello's credential with {@code unauthorized} and the close code of its reason:
   * 4410 revoked, 4440 expired, 4401 anything else. The message says what the person can do,
   * and never repeats the credential.
   */
  private void refuseCredential(String id, Credentials.Refusal refusal) {
    String message = switch (refusal) {
      case MISSING -> "there is no session credential in hello; open the link from your card again";
      case WRONG_KIND -> "hello takes a session credential, not a join link's: exchange the link at POST /session first";
      case EXPIRED -> "your session has expired; open the link from your card again";
      case REVOKED -> "this link no longer works: a new one was issued; ask your facilitator";
      case UNKNOWN_MEMBER -> "this link is no longer valid; ask your facilitator for a new one";
      default -> "this credential is not valid (" + refusal.wire() + "); ask your facilitator for a new link";
    };
    int close = switch (refusal) {
      case EXPIRED -> Protocol.CLOSE_EXPIRED;
      case REVOKED -> Protocol.CLOSE_REVOKED;
      default -> Protocol.CLOSE_UNAUTHORIZED;
    };
    refuse("hello", null, id, ErrorCode.UNAUTHORIZED, message);
    close(close, "unauthorized: " + refusal.wire());
  }

  /** The assembly of the credential this connection came in with, or null before hello. */
  String assemblyId() {
    return credential == null ? null : credential.assembly();
  }

  /** Whether this connection came in with a credential of {@code assembly} older than {@code generation}. */
  boolean credentialOlderThan(String assemblyId, int generation) {
    return credential != null && credential.assembly().equals(assemblyId) && credential.generation() < generation;
  }

  private void join(ConnectionCommand.Hello hello, Assembly assembly, Member who) {
    List<Future<StreamFeed>> holding = new ArrayList<>();
    readableStreams(assembly, who).forEach(stream -> holding.add(gateway.feeds().hold(stream)));
    Future.join(holding).onComplete(all -> {
      holding.stream().filter(Future::succeeded).forEach(f -> feeds.put(f.result().stream, f.result()));
      if (state == State.CLOSED) {
        releaseFeeds();
        return;
      }
      if (all.failed()) {
        LOG.error("could not open the streams of member {}", who.id(), all.cause());
        // The streams that did open are let go of here: a connection that never joined does not.
        releaseFeeds();
        refuse("hello", null, hello.id(), ErrorCode.INTERNAL, "the server could not open your table; try again");
        close(Protocol.CLOSE_GOING_AWAY, "internal error");
        return;
      }
      this.assembly = assembly;
      this.member = who;
      this.actor = new Actor(who.id(), who.role(), who.table());
      this.device = hello.device() == null ? Device.ROOM : hello.device();
      this.state = State.OPEN;
      gateway.meters().opened();
      gateway.opened(who.id(), this, who.role() == Role.LEAD_FACILITATOR || who.role() == Role.FACILITATOR);
      if (state == State.CLOSED) {
        // Revoked while it joined.
        return;
      }
      var streams = new LinkedHashMap<String, Long>();
      feeds.values().forEach(f -> streams.put(f.stream.name(), f.seq()));
      reply(new Reply.Welcome(hello.id(), Protocol.VERSION, System.currentTimeMillis(),
          new org.tingsted.protocol.Member(who.id(), who.name(), Translation.role(who.role())),
          assembly.id(), who.session(), who.table(), streams));
      Map<String, Long> resume = hello.resume() == null ? Map.of() : hello.resume();
      for (StreamFeed f : List.copyOf(feeds.values())) {
        if (state == State.CLOSED) {
          return;
        }
        f.attach(this, resume.get(f.stream.name()));
      }
      if (who.role() == Role.LEAD_FACILITATOR || who.role() == Role.FACILITATOR) {
        consoleDue(StreamId.session(who.session()));
      }
      for (StreamFeed f : feeds.values()) {
        if (f.table == null) {
          continue;
        }
        if (f.table.equals(who.table())) {
          gateway.presence().arrive(assembly, f.table, key, who, device).onSuccess(f::knownPresence);
        } else {
          gateway.presence().current(assembly, f.table).onSuccess(f::knownPresence);
        }
      }
    });
  }

  /**
   * Everyone reads their session's stream. Members read their table, table facilitators every
   * table they run; a lead facilitator, or an observer without a table, reads every table of
   * the session.
   */
  private static List<StreamId> readableStreams(Assembly assembly, Member who) {
    var streams = new ArrayList<StreamId>();
    if (who.role() == Role.FACILITATOR && who.table() != null) {
      who.facilitates().forEach(t -> streams.add(StreamId.table(t)));
    } else if (who.table() != null && who.role() != Role.LEAD_FACILITATOR) {
      streams.add(StreamId.table(who.table()));
    } else {
      assembly.session(who.session()).map(Session::tables).orElse(List.of())
          .forEach(t -> streams.add(StreamId.table(t.id())));
    }
    streams.add(StreamId.session(who.session()));
    return streams;
  }

  private void history(ConnectionCommand.History request) {
    StreamFeed feed = StreamId.parse(request.stream()).map(feeds::get).orElse(null);
    if (feed == null) {
      refuse(request.id(), ErrorCode.FORBIDDEN, "you do not read the stream " + request.stream());
      return;
    }
    if (!admitted(request, feed.stream)) {
      return;
    }
    String sender = member.id();
    gateway.streams().history(feed.stream, request.fromSeq(), request.pageSize())
        .onComplete(done -> gateway.inFlight().give(sender, feed.stream))
        .onSuccess(page -> sendWhole(gateway.frames().encode(new Reply.History(request.id(), feed.stream.name(),
            page.events().stream().map(e -> feed.visibleTo(this, e)).filter(java.util.Objects::nonNull).toList(),
            page.next()))))
        .onFailure(e -> {
          LOG.error("history of {} failed", request.stream(), e);
          refuse("history", feed.stream, request.id(), ErrorCode.INTERNAL, "the server could not read the history; try again");
        });
  }

  private void run(TableCommand command, long arrived) {
    if (actor.role() == Role.OBSERVER) {
      refuse(command.id(), ErrorCode.FORBIDDEN, "observers follow the tables but do not take part");
      return;
    }
    String table = command.table() != null ? command.table() : member.table();
    if (table == null) {
      refuse(command.id(), ErrorCode.INVALID, "name the table this command is for");
      return;
    }
    StreamId stream = StreamId.table(table);
    if (!feeds.containsKey(stream)) {
      refuse(command.id(), ErrorCode.FORBIDDEN, "you are not at table " + table);
      return;
    }
    // The phase is the session owner's, not this node's copy of the session: the streams read it there.
    settle(command, arrived, stream, () -> gateway.streams().execute(stream, Translation.toModel(command),
        actorAt(table), command.id(), StreamId.session(member.session())));
  }

  /**
   * Something the console shows changed on {@code stream}: a facilitator gets a new console
   * within {@link Protocol#CONSOLE_INTERVAL_MILLIS}, never more often.
   */
  void consoleDue(StreamId stream) {
    if (state != State.OPEN || consoleTimer >= 0 || !feeds.containsKey(stream)) {
      return;
    }
    consoleTimer = gateway.vertx().setTimer(Protocol.CONSOLE_INTERVAL_MILLIS, id -> {
      consoleTimer = -1;
      if (state != State.OPEN) {
        return;
      }
      Session day = assembly.session(member.session()).orElse(null);
      if (day == null) {
        return;
      }
      List<TablePlace> shown = day.tables().stream()
          .filter(t -> member.role() == Role.LEAD_FACILITATOR || member.facilitatesTable(t.id())).toList();
      var boards = new ArrayList<Board>();
      for (var table : shown) {
        StreamFeed feed = feeds.get(StreamId.table(table.id()));
        if (feed == null) {
          return;
        }
        boards.add((Board) feed.state());
      }
      send(gateway.frames().encode(Console.build(assembly, shown, session(), boards,
          table -> feeds.get(StreamId.table(table)).presence(), System.currentTimeMillis())));
    });
  }

  /**
   * Who acts at {@code table}: a table facilitator who runs several tables acts as the
   * facilitator of the one the command is about.
   */
  private Actor actorAt(String table) {
    return table != null && member.role() == Role.FACILITATOR && member.facilitatesTable(table)
        ? new Actor(member.id(), member.role(), table)
        : actor;
  }

  /** The table a control command is about: named in it, or the table of the timer it names. */
  private String tableOf(ControlCommand command) {
    if (command instanceof ControlCommand.SetTablePhase c) {
      return c.table();
    } else if (command instanceof ControlCommand.StartTimer c) {
      return c.table();
    }
    String timer = command instanceof ControlCommand.PauseTimer c ? c.timer()
        : command instanceof ControlCommand.ResumeTimer c ? c.timer()
        : command instanceof ControlCommand.ExtendTimer c ? c.timer()
        : command instanceof ControlCommand.CancelTimer c ? c.timer()
        : null;
    var found = timer == null ? null : session().timers().get(timer);
    return found == null ? null : found.table();
  }

  /** The session's state as this node follows it. */
  private SessionBoard session() {
    return (SessionBoard) feeds.get(StreamId.session(member.session())).state();
  }

  /**
   * A control command runs on the sender's session stream. Moving a member changes the
   * roster first, so that wherever they connect next they sit at their new table.
   */
  private void control(ControlCommand command, long arrived) {
    StreamId stream = StreamId.session(member.session());
    if (command instanceof ControlCommand.MoveMember move) {
      if (actor.role() != Role.LEAD_FACILITATOR) {
        refuse(command.id(), ErrorCode.FORBIDDEN, "only the lead facilitator moves members between tables");
        return;
      }
      settle(command, arrived, stream, () -> gateway.facilitation().move(assembly.id(), member.session(), actor,
          move.member(), move.toTable(), command.id()));
    } else {
      settle(command, arrived, stream, () -> gateway.streams().execute(stream, Translation.toModel(command),
          actorAt(tableOf(command)), command.id()));
    }
  }

  /**
   * This member was moved to another table: the connection follows without reconnecting. It
   * leaves the old table's stream and presence and joins the new one's, starting with a
   * snapshot; what they wrote at the old table stays there.
   */
  void moved(String from, String to) {
    if (state != State.OPEN || member.table() == null || member.role() == Role.LEAD_FACILITATOR) {
      return;
    }
    StreamFeed old = feeds.remove(StreamId.table(from));
    if (old != null) {
      old.detach(this);
      gateway.feeds().release(old);
    }
    gateway.roster().get(assembly.id()).onSuccess(fresh -> {
      if (fresh == null) {
        return;
      }
      // The old table is told with the roster after the move, which no longer seats them there.
      if (old != null) {
        gateway.presence().leave(fresh, from, key);
      }
      if (state != State.OPEN) {
        return;
      }
      assembly = fresh;
      member = fresh.members().get(member.id());
      actor = new Actor(member.id(), member.role(), member.table());
      gateway.feeds().hold(StreamId.table(to)).onSuccess(feed -> {
        if (state != State.OPEN) {
          gateway.feeds().release(feed);
          return;
        }
        feeds.put(feed.stream, feed);
        feed.attach(this, null);
        gateway.presence().arrive(assembly, to, key, member, device).onSuccess(feed::knownPresence);
      });
    });
  }

  /**
   * A plenary command runs on the sender's session stream. A promotion first reads the source
   * from its table's board, so that the draft keeps what the table wrote; a final vote counts
   * the session's members as its electorate.
   */
  private void plenary(PlenaryCommand command, long arrived) {
    StreamId stream = StreamId.session(member.session());
    Supplier<Future<? extends SessionCommand>> translated;
    if (command instanceof PlenaryCommand.Promote promote) {
      // The role first: whoever may not promote learns nothing about the table's board.
      if (actor.role() != Role.LEAD_FACILITATOR) {
        refuse(command.id(), ErrorCode.FORBIDDEN, "only the lead facilitator promotes proposals into draft recommendations");
        return;
      }
      boolean inSession = assembly.session(member.session()).map(s -> s.hasTable(promote.table())).orElse(false);
      if (!inSession) {
        refuse(command.id(), ErrorCode.NOT_FOUND, "no table " + promote.table() + " in this session");
        return;
      }
      translated = () -> gateway.facilitation().promotion(promote.table(), promote.proposal(), promote.cluster(),
          promote.title(), promote.text());
    } else {
      translated = () -> Future.succeededFuture(Translation.toModel(command,
          Facilitation.electorate(assembly, member.session())));
    }
    settle(command, arrived, stream,
        () -> translated.get().compose(model -> gateway.streams().execute(stream, model, actor, command.id())));
  }

  /**
   * Takes a place for the command among those awaiting their answer ({@link InFlight}), or
   * refuses it with {@code rate_limited} when the sender, or the stream, has too many waiting.
   * A command admitted is answered through {@link #settle}, which gives the place back.
   */
  private boolean admitted(ClientMessage command, StreamId stream) {
    if (gateway.inFlight().take(member.id(), stream)) {
      return true;
    }
    refuse(command.id(), ErrorCode.RATE_LIMITED, gateway.inFlight().of(member.id()) >= InFlight.PER_MEMBER
        ? "you have " + InFlight.PER_MEMBER + " commands still being carried out; wait for their answers, then retry"
        : (stream.isTable() ? "your table" : "the session") + " has many commands waiting to be carried out; retry in a moment");
    return false;
  }

  /**
   * Starts a command, once it has a place among those in flight ({@link #admitted}), and answers
   * it once its outcome is known: an ack or the model's refusal; a roster or lookup refusal on
   * the way there with its code; anything else as {@code internal}, logged. The command's place
   * among those in flight is given back.
   */
  private void settle(ClientMessage command, long arrived, StreamId stream, Supplier<Future<Outcome>> start) {
    if (!admitted(command, stream)) {
      return;
    }
    String id = command.id();
    String type = ProtocolCodec.typeName(command);
    String sender = member.id();
    Future<Outcome> outcome;
    try {
      outcome = start.get();
    } catch (RuntimeException e) {
      // Whatever it throws before it has a future is answered too, and gives its place back.
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(done -> gateway.inFlight().give(sender, stream));
    outcome.onSuccess(done -> answer(type, stream, arrived, id, done)).onFailure(e -> {
      ErrorCode code;
      if (e instanceof RosterException refused) {
        code = refused.code();
        refuse(type, stream, id, code, refused.getMessage());
      } else if (e instanceof Facilitation.NotFound notFound) {
        code = ErrorCode.NOT_FOUND;
        refuse(type, stream, id, code, notFound.getMessage());
      } else if (noQuorum(e)) {
        code = ErrorCode.INTERNAL;
        LOG.warn("command {} refused: this node's side of the cluster has no quorum", id);
        refuse(type, stream, id, code, "this server has lost touch with the rest of the cluster and changes nothing now; "
            + "your command was not carried out: connect again and retry");
      } else {
        code = ErrorCode.INTERNAL;
        LOG.error("command {} of member {} failed on {}", id, member.id(), stream, e);
        refuse(type, stream, id, code, "the server could not carry this out; try again");
      }
      gateway.meters().answered(type, code.wireName(), arrived);
    });
  }

  private static boolean noQuorum(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SplitBrainProtectionException) {
        return true;
      }
    }
    return false;
  }

  private void answer(String type, StreamId stream, long arrived, String id, Outcome outcome) {
    if (outcome.isRejected()) {
      ErrorCode code = Translation.errorCode(outcome.rejection().reason());
      refuse(type, stream, id, code, outcome.rejection().message());
      gateway.meters().answered(type, code.wireName(), arrived);
      return;
    }
    if (outcome.seq() > 0) {
      reply(new Reply.Ack(id, outcome.stream(), outcome.seq()));
    } else {
      reply(Reply.Ack.withoutEvent(id));
    }
    gateway.meters().answered(type, "ack", arrived);
  }

  /** Closes the connection with {@code code}, e.g. 1001 when this node goes away. */
  void close(int code, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    LOG.info("closing the connection of {} with {}: {}", member != null ? member.id() : "a stranger", code, reason);
    socket.close((short) code, reason);
    closed();
  }

  private void closed() {
    if (state == State.CLOSED) {
      return;
    }
    State was = state;
    state = State.CLOSED;
    gateway.vertx().cancelTimer(helloTimer);
    gateway.vertx().cancelTimer(pingTimer);
    gateway.vertx().cancelTimer(consoleTimer);
    if (was == State.OPEN) {
      gateway.closed(member.id(), this);
      gateway.meters().closed();
    }
    if (was == State.OPEN && member.table() != null && feeds.containsKey(StreamId.table(member.table()))) {
      gateway.presence().leave(assembly, member.table(), key);
    }
    if (was != State.JOINING) {
      releaseFeeds();
    }
  }

  private void releaseFeeds() {
    feeds.values().forEach(f -> {
      f.detach(this);
      gateway.feeds().release(f);
    });
    feeds.clear();
  }
}
