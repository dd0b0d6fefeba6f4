package org.tingsted.server.streams;

import org.tingsted.protocol.StreamId;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tingsted.server.deliberation.State;

/**
 * The owner's voice: a stream's accepted events are published to every node by the member that
 * owns the stream, in seq order, from one Vert.x context. The entry processor that accepted
 * them hands them over while it still holds the stream's key, so the hand-overs of one stream
 * are ordered, and the context runs them in the order they came.
 *
 * <p>One per node, in Hazelcast's user context, so that entry processors find it. Events
 * accepted before the node's Vert.x is up wait here until it is.
 */
public final class Publisher {

  /** What the owner accepted on a stream: its new seq and state, after {@code events}. */
  public record Accepted(String stream, List<StreamEvent> events, State state) {
  }

  private final List<Accepted> waiting = new ArrayList<>();
  private Context context;
  private volatile Consumer<Accepted> listener = accepted -> { };

  /** Publishes from now on through {@code vertx}, starting with what waited. */
  synchronized void attach(Vertx vertx) {
    context = vertx.getOrCreateContext();
    waiting.forEach(this::send);
    waiting.clear();
  }

  /** Told on the publisher's context of every batch this node's streams accepted, after it was published. */
  void onAccepted(Consumer<Accepted> listener) {
    this.listener = listener;
  }

  /** Publishes a stream's accepted events; call it in seq order, as the owner accepts them. */
  synchronized void publish(String stream, List<StreamEvent> events, State state) {
    if (events.isEmpty()) {
      return;
    }
    var accepted = new Accepted(stream, List.copyOf(events), state);
    if (context == null) {
      waiting.add(accepted);
    } else {
      send(accepted);
    }
  }

  private void send(Accepted accepted) {
    var body = Streams.encode(accepted.events());
    Context on = context;
    on.runOnContext(v -> {
      on.owner().eventBus().publish(Streams.address(StreamId.of(accepted.stream())), body);
      listener.accept(accepted);
    });
  }
}
