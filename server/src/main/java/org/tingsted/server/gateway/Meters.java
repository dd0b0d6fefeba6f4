package org.tingsted.server.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the gateway reports to operators: open connections, commands by type and outcome, the
 * time from a command's arrival to its answer, and from an event's acceptance at its owner to
 * its delivery to this node's sockets.
 */
final class Meters {

  private static final Duration[] SLO = {Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)};

  private final MeterRegistry registry;
  private final AtomicInteger connections = new AtomicInteger();
  private final Map<String, Counter> commands = new ConcurrentHashMap<>();
  private final Timer ack;
  private final Timer delivery;

  Meters(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("tingsted.connections", connections, AtomicInteger::get)
        .description("open WebSocket connections on this node that said hello").register(registry);
    ack = Timer.builder("tingsted.command.ack").description("from a command's arrival to its ack or error")
        .serviceLevelObjectives(SLO).register(registry);
    delivery = Timer.builder("tingsted.event.delivery")
        .description("from an event's acceptance at its stream's owner to its delivery to this node's sockets")
        .serviceLevelObjectives(SLO).register(registry);
  }

  void opened() {
    connections.incrementAndGet();
  }

  void closed() {
    connections.decrementAndGet();
  }

  /** A command of {@code type} was answered with {@code outcome} (ack, or an error code) after it arrived at {@code arrivedNanos}. */
  void answered(String type, String outcome, long arrivedNanos) {
    commands.computeIfAbsent(type + '|' + outcome, k -> Counter.builder("tingsted.commands")
        .description("commands answered, by type and outcome").tag("type", type).tag("outcome", outcome)
        .register(registry)).increment();
    ack.record(System.nanoTime() - arrivedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  Timer delivery() {
    return delivery;
  }
}
