package org.tingsted.server.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tingsted.protocol.EventKind;

/**
 * How journal rows written with an older version of an event kind's schema are brought to the
 * current one: one step per version, applied in turn to the row's {@code data}. When a kind's
 * fields change in a way old rows do not fit, raise its version in {@link EventKind} and add the
 * step from the old version here, in {@link #CURRENT}; the committed journal fixture
 * ({@code JournalFixtureTest}) then shows that an old day still replays.
 */
final class Upcasts {

  /** The steps this version of Tingsted knows. None yet: every kind is at version 1. */
  static final Upcasts CURRENT = new Upcasts();

  private final Map<EventKind, Map<Integer, UnaryOperator<ObjectNode>>> steps = new HashMap<>();

  /** Adds the step that turns {@code kind}'s data of version {@code from} into {@code from + 1}. */
  Upcasts step(EventKind kind, int from, UnaryOperator<ObjectNode> step) {
    steps.computeIfAbsent(kind, k -> new HashMap<>()).put(from, step);
    return this;
  }

  /**
   * The data of a row of {@code kind} written with {@code version}, as the current version
   * reads it.
   *
   * @throws IllegalStateException for a version newer than this Tingsted knows, or one it has
   *     no step from
   */
  ObjectNode upcast(EventKind kind, int version, int current, ObjectNode data) {
    if (version > current) {
      throw new IllegalStateException("an event of kind " + kind.wire() + " was written with schema version "
          + version + ", newer than this Tingsted reads (" + current + "); upgrade Tingsted");
    }
    ObjectNode node = data;
    for (int v = Math.max(1, version); v < current; v++) {
      UnaryOperator<ObjectNode> step = steps.getOrDefault(kind, Map.of()).get(v);
      if (step == null) {
        throw new IllegalStateException("no upcast of " + kind.wire() + " from schema version " + v);
      }
      node = step.apply(node);
    }
    return node;
  }
}
