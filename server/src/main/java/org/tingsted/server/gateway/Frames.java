package org.tingsted.server.gateway;

import org.tingsted.protocol.StreamId;
import org.tingsted.protocol.ProtocolCodec;
import org.tingsted.protocol.Push;
import org.tingsted.protocol.ServerMessage;
import org.tingsted.server.deliberation.Event;
import org.tingsted.server.deliberation.State;
import org.tingsted.server.streams.ModelJson;
import org.tingsted.server.streams.StreamEvent;

/** Turns what the server says into text frames. */
final class Frames {

  private final ProtocolCodec codec = new ProtocolCodec();

  ProtocolCodec codec() {
    return codec;
  }

  String encode(ServerMessage message) {
    return codec.encode(message);
  }

  /** The {@code event} frame of {@code event} as one reader may see it ({@code visible}). */
  String event(StreamEvent event, Event visible) {
    return encode(eventMessage(event, visible));
  }

  Push.Event eventMessage(StreamEvent event, Event visible) {
    return new Push.Event(event.stream(), event.seq(), event.at(), event.by(),
        ModelJson.kindOf(visible), ModelJson.dataOf(visible));
  }

  /** The {@code snapshot} frame of a stream's state as one reader may see it. */
  String snapshot(StreamId stream, long seq, State visible) {
    return encode(new Push.Snapshot(stream.name(), seq, ModelJson.tree(visible)));
  }
}
