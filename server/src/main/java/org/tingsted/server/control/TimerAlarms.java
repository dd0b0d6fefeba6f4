package org.tingsted.server.control;

import io.vertx.core.Vertx;
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
import org.tingsted.server.streams.Streams;

/**
 * Makes the session timers elapse: for every running timer of a session this node follows,
 * an alarm at its deadline sends {@code ElapseTimer} to the session's stream as the server.
 *
 * <p>Every node that follows a session sets the same alarms; the command id names the timer
 * and its deadline, so the stream applies the first and answers the others with the original
 * ack. A timer that fell due while no node followed its session (after a restart, say) fires
 * as soon as one does. Lives on the gateway's context.
 */
public final class TimerAlarms {

  private static final Logger LOG = LoggerFactory.getLogger(TimerAlarms.class);
  static final Actor SERVER = new Actor("server", Role.SERVER);
  /** How long to wait before asking again when the owner's clock says "not yet". */
  private static final long RETRY_MS = 50;
  private static final int RETRIES = 20;

  private final Vertx vertx;
  private final Streams streams;
  /** Alarm ids by stream, timer and deadline: a new deadline is a new alarm. */
  private final Map<String, Long> alarms = new HashMap<>();

  public TimerAlarms(Vertx vertx, Streams streams) {
    this.vertx = vertx;
    this.streams = streams;
  }

  /** Sets the alarms a session's state asks for, and drops those it no longer does. */
  public void watch(String stream, SessionBoard board) {
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

  /** Drops every alarm of a stream this node stopped following. */
  public void forget(String stream) {
    for (Iterator<Map.Entry<String, Long>> it = alarms.entrySet().iterator(); it.hasNext(); ) {
      var alarm = it.next();
      if (alarm.getKey().startsWith(stream + "|")) {
        vertx.cancelTimer(alarm.getValue());
        it.remove();
      }
    }
  }

  private long arm(String stream, Timer timer, String key, int attempt) {
    long delay = Math.max(1, timer.deadline() - System.currentTimeMillis()) + (attempt == 0 ? 0 : RETRY_MS);
    return vertx.setTimer(delay, id -> fire(stream, timer, key, attempt));
  }

  private void fire(String stream, Timer timer, String key, int attempt) {
    streams.execute(stream, new SessionCommand.ElapseTimer(timer.id(), 0), SERVER, "elapse-" + timer.id() + "-" + timer.deadline())
        .onSuccess(outcome -> {
          // "Not due yet" when this node's clock ran ahead of the owner's: ask again shortly.
          if (outcome.isRejected() && outcome.rejection().message().contains("not due") && attempt < RETRIES
              && alarms.containsKey(key)) {
            alarms.put(key, arm(stream, timer, key, attempt + 1));
          } else {
            alarms.remove(key);
          }
        })
        .onFailure(e -> {
          LOG.warn("timer {} of {} could not elapse; trying again", timer.id(), stream, e);
          if (attempt < RETRIES && alarms.containsKey(key)) {
            alarms.put(key, arm(stream, timer, key, attempt + 1));
          }
        });
  }

  private static String key(String stream, Timer timer) {
    return stream + "|" + timer.id() + "|" + timer.deadline();
  }
}
