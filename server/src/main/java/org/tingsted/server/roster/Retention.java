package org.tingsted.server.roster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the {@link PersonalData} of an assembly's people once {@code days} have passed since
 * its last session day (the latest date of its session days; an assembly none of whose days
 * has a date keeps it until an administrator deletes it). People keep their display names and
 * everything they contributed; only the data kept apart goes.
 *
 * <p>Runs every {@link #INTERVAL_MILLIS} on the oldest node of the cluster only (a sweep on two
 * nodes at once would only delete the same records twice).
 */
public final class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  /** How often the sweep runs. */
  public static final long INTERVAL_MILLIS = 60 * 60 * 1000L;
  /** How long after start the first sweep runs. */
  static final long FIRST_MILLIS = 60 * 1000L;

  private final Vertx vertx;
  private final java.util.function.BooleanSupplier runsHere;
  private final Roster roster;
  private final PersonalRecords personal;
  private final int days;
  private final Clock clock;

  /**
   * @param runsHere whether the periodic sweep is this node's to run now (the cluster's oldest member)
   * @param days how long after an assembly's last session day its personal data is kept; 0 keeps it
   */
  public Retention(Vertx vertx, java.util.function.BooleanSupplier runsHere, Roster roster, PersonalRecords personal, int days,
                   Clock clock) {
    this.vertx = vertx;
    this.runsHere = runsHere;
    this.roster = roster;
    this.personal = personal;
    this.days = days;
    this.clock = clock;
  }

  /** Starts the periodic sweep, unless retention is off (0 days). */
  public void start() {
    if (days <= 0) {
      return;
    }
    vertx.setTimer(FIRST_MILLIS, first -> {
      sweepHere();
      vertx.setPeriodic(INTERVAL_MILLIS, id -> sweepHere());
    });
  }

  private void sweepHere() {
    if (!runsHere.getAsBoolean()) {
      return;
    }
    sweep().onSuccess(n -> {
      if (n > 0) {
        LOG.info("deleted the personal data of {} people whose assembly's last session was more than {} days ago", n, days);
      }
    }).onFailure(e -> LOG.warn("the sweep of expired personal data failed; it runs again in an hour: {}", e.getMessage()));
  }

  /** Deletes every expired record now; completes with how many. */
  public Future<Integer> sweep() {
    if (days <= 0) {
      return Future.succeededFuture(0);
    }
    LocalDate today = LocalDate.now(clock);
    return personal.keys().compose(keys -> {
      Map<String, List<String>> byAssembly = new HashMap<>();
      for (String key : keys) {
        int slash = key.indexOf('/');
        if (slash > 0) {
          byAssembly.computeIfAbsent(key.substring(0, slash), a -> new ArrayList<>()).add(key);
        }
      }
      List<Future<Integer>> swept = new ArrayList<>();
      byAssembly.forEach((assembly, ofIt) -> swept.add(roster.get(assembly).compose(a -> {
        if (a != null && !expired(a, today)) {
          return Future.succeededFuture(0);
        }
        // An assembly that is gone keeps nobody's personal data either.
        List<Future<Void>> deleted = ofIt.stream().map(personal::deleteKey).toList();
        return Future.all(deleted).map(all -> deleted.size());
      })));
      return Future.all(swept).map(all -> swept.stream().mapToInt(Future::result).sum());
    });
  }

  private boolean expired(Assembly assembly, LocalDate today) {
    String last = assembly.lastSessionDate();
    if (last == null) {
      return false;
    }
    try {
      return LocalDate.parse(last).plusDays(days).isBefore(today);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
