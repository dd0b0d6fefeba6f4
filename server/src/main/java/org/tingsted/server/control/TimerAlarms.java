package org.tingsted.server.control;

import org.tingsted.protocol.StreamId;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tingsted.server.deliberation.Actor;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.deliberation.SessionBoard;
import org.tingsted.server.deliberation.SessionCommand;
import org.tingsted.server.deliberation.Timer;
import org.tingsted.server.deliberation.TimerStatus;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Session;
import org.tingsted.server.streams.StreamEntry;
import org.tingsted.server.streams.Streams;

/**
 * Makes the session timers elapse: for every running timer of a session whose stream this node
 * owns, an alarm at its deadline sends {@code ElapseTimer} to the session's stream as the server.
 * Whether anybody is connected does not matter.
 *
 * <p>The owner arms a session's alarms as it accepts the session's events; when ownership
 * moves (a node died, joined or left), {@link #sweep} arms the sessions this node owns now
 * and drops the alarms of those it no longer does. The command id names the timer and its
 * deadline, so should a former owner's alarm fire too, the stream applies the first and
 * answers the other with the original ack: a timer elapses once. A timer that fell due while
 * no node held its session (the whole cluster restarted) fires as soon as one sweeps.
 *
 * <p>Lives on a context of its own: plain fields, no locks.
 */
public final class TimerAlarms {

  private static final Logger LOG = LoggerFactory.getLogger(TimerAlarms.class);
  static final Actor SERVER = new Actor("server", Role.SERVER);
  /** How long to wait before asking again when the owner's clock says "not yet". */
  private static final long RETRY_MS = 50;
  private static final int RETRIES = 20;

  private final Vertx vertx;
  private final Context context;
  private final Streams streams;
  /** Alarm ids by stream, timer and deadline: a new deadline is a new alarm. */
  private final Map<String, Long> alarms = new HashMap<>();

  /** Call from outside any Vert.x context: the alarms get one of their own. */
  public TimerAlarms(Vertx vertx, Streams streams) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.streams = streams;
    streams.onAccepted(accepted -> {
      if (accepted.state() instanceof SessionBoard session) {
        context.runOnContext(v -> watch(StreamId.of(accepted.stream()), session));
      }
    });
  }

  /**
   * Arms the timers of every session of {@code assemblies} whose stream this node owns now, and
   * drops the alarms of sessions it no longer owns. Completes with how many sessions it armed.
   */
  public Future<Integer> sweep(List<Assembly> assemblies) {
    Promise<Integer> swept = Promise.promise();
    context.runOnContext(v -> {
      var owned = new ArrayList<Future<StreamEntry>>();
      for (Assembly assembly : assemblies) {
        for (Session session : assembly.sessions()) {
          StreamId stream = StreamId.session(session.id());
          if (streams.ownedHere(stream)) {
            owned.add(streams.read(stream).onSuccess(entry -> watch(stream, (SessionBoard) entry.state())));
          } else {
            forget(stream);
          }
        }
      }
      Future.all(owned).map(all -> owned.size()).onComplete(swept);
    });
    return swept.future();
  }

  /** Sets the alarms a session's state asks for, and drops those it no longer does. */
  private void watch(StreamId stream, SessionBoard board) {
    var wanted = new HashMap<String, Timer>();
    for (Timer t : board.timers().values()) {
      if (t.status() == TimerStatus.RUNNING) {
        wanted.put(key(stream, t), t);
      }
    }
    for (Iterator<Map.Entry<String, Long>> it = alarms.entrySet().iterator(); it.hasNext(); ) {
      var alarm = it.next();
      if (alarm.getKey().startsWith(stream + "|") && !wanted.containsKey(alarm.getKey())) {
        vertx.cancelTimer(alarm.getValue());
        it.remove();
      }
    }
    wanted.forEach((key, timer) -> alarms.computeIfAbsent(key, k -> arm(stream, timer, k, 0)));
  }

  /** Drops every alarm of a session this node no longer owns. */
  private void forget(StreamId stream) {
    for (Iterator<Map.Entry<String, Long>> it = alarms.entrySet().iterator(); it.hasNext(); ) {
      var alarm = it.next();
      if (alarm.getKey().startsWith(stream + "|")) {
        vertx.cancelTimer(alarm.getValue());
        it.remove();
      }
    }
  }

  private long arm(StreamId stream, Timer timer, String key, int attempt) {
    if (attempt == 0) {
      LOG.info("timer {} of {} armed for {}", timer.id(), stream, timer.deadline());
    }
    long delay = Math.max(1, timer.deadline() - System.currentTimeMillis()) + (attempt == 0 ? 0 : RETRY_MS);
    return vertx.setTimer(delay, id -> fire(stream, timer, key, attempt));
  }

  private void fire(StreamId stream, Timer timer, String key, int attempt) {
    streams.execute(stream, new SessionCommand.ElapseTimer(timer.id(), 0), SERVER, "elapse-" + timer.id() + "-" + timer.deadline())
        .onSuccess(outcome -> {
          // "Not due yet" when this node's clock ran ahead of the owner's: ask again shortly.
          if (outcome.isRejected() && outcome.rejection().message().contains("not due") && attempt < RETRIES
              && alarms.containsKey(key)) {
            alarms.put(key, arm(stream, timer, key, attempt + 1));
          } else {
            LOG.info("timer {} of {} fired: {}", timer.id(), stream,
                outcome.isRejected() ? outcome.rejection().message() : "seq " + outcome.seq());
            if (outcome.isRejected()) {
              LOG.warn("timer {} of {} did not elapse: {}", timer.id(), stream, outcome.rejection().message());
            }
            alarms.remove(key);
          }
        })
        .onFailure(e -> {
          if (attempt < RETRIES && alarms.containsKey(key)) {
            LOG.warn("timer {} of {} could not elapse; trying again", timer.id(), stream, e);
            alarms.put(key, arm(stream, timer, key, attempt + 1));
          } else {
            // Given up for now: the next sweep or session event arms it afresh.
            LOG.warn("timer {} of {} could not elapse; it is armed again on the next change", timer.id(), stream, e);
            alarms.remove(key);
          }
        });
  }

  private static String key(StreamId stream, Timer timer) {
    return stream + "|" + timer.id() + "|" + timer.deadline();
  }
}
