package org.tingsted.server.streams;

import java.util.List;
import org.tingsted.server.deliberation.Rejection;

/**
 * What became of one command on its stream.
 *
 * @param stream   the stream the command ran on
 * @param seq      the seq of the command's first event (for a duplicate: of the original's),
 *                 0 if it made none
 * @param events   the events it made now (empty for a duplicate or a rejection)
 * @param rejection why it was refused, or null
 * @param stale     the owner's copy of the stream was behind the journal and has been dropped:
 *                  nothing was applied, and the command may run again on a fresh copy
 */
public record Outcome(String stream, long seq, List<StreamEvent> events, Rejection rejection, boolean stale) {

  public Outcome {
    events = List.copyOf(events);
  }

  static Outcome accepted(String stream, List<StreamEvent> events) {
    return new Outcome(stream, events.isEmpty() ? 0 : events.get(0).seq(), events, null, false);
  }

  static Outcome duplicate(String stream, long seq) {
    return new Outcome(stream, seq, List.of(), null, false);
  }

  static Outcome rejected(String stream, Rejection rejection) {
    return new Outcome(stream, 0, List.of(), rejection, false);
  }

  static Outcome stale(String stream) {
    return new Outcome(stream, 0, List.of(), null, true);
  }

  public boolean isRejected() {
    return rejection != null;
  }
}
