package org.tingsted.server.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.tingsted.protocol.Protocol;

/**
 * Puts one connection's frames together into its text messages, as RFC 6455 lets a message
 * come in fragments, and holds each message to the limits of {@code docs/protocol.md}, counted
 * whole across its fragments:
 *
 * <ul>
 *   <li>up to {@link Protocol#MAX_FRAME_BYTES} it is a message, handed on whole;</li>
 *   <li>up to {@link Protocol#MAX_MESSAGE_BYTES} it is read to its end but only its start is kept
 *       (enough to find its id), and it is handed on as too large;</li>
 *   <li>at the first byte beyond that, the connection is closed with 1009;</li>
 *   <li>text that is not UTF-8 closes it with 1007 as soon as it is seen, and a binary frame
 *       with 4400.</li>
 * </ul>
 *
 * <p>Used on the connection's context only.
 */
final class MessageAssembly {

  private final Consumer<String> message;
  /** Takes a message over {@link Protocol#MAX_FRAME_BYTES} by its start. */
  private final Consumer<String> tooLarge;
  private final BiConsumer<Integer, String> close;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
  private final CharBuffer decoded = CharBuffer.allocate(8192);
  /** The text of the message so far, at most {@link Protocol#MAX_FRAME_BYTES} characters of it. */
  private final StringBuilder text = new StringBuilder();
  /** The bytes of a character cut between two fragments. */
  private byte[] pending = new byte[0];
  private long bytes;
  private boolean inMessage;
  private boolean closed;

  MessageAssembly(Consumer<String> message, Consumer<String> tooLarge, BiConsumer<Integer, String> close) {
    this.message = message;
    this.tooLarge = tooLarge;
    this.close = close;
  }

  void frame(WebSocketFrame frame) {
    if (closed) {
      return;
    }
    switch (frame.type()) {
      case BINARY -> end(Protocol.CLOSE_PROTOCOL_VIOLATION, "binary frames are not part of tingsted.v1");
      case TEXT -> {
        // The WebSocket layer refuses a new message inside a fragmented one (1002), so this starts afresh.
        start();
        append(frame.binaryData(), frame.isFinal());
      }
      case CONTINUATION -> {
        if (inMessage) {
          append(frame.binaryData(), frame.isFinal());
        }
      }
      default -> {
        // ping, pong and close are the WebSocket layer's to answer
      }
    }
  }

  private void start() {
    utf8.reset();
    text.setLength(0);
    pending = new byte[0];
    bytes = 0;
    inMessage = true;
  }

  private void append(Buffer data, boolean last) {
    bytes += data.length();
    if (bytes > Protocol.MAX_MESSAGE_BYTES) {
      end(Protocol.CLOSE_TOO_BIG, "a message larger than " + Protocol.MAX_MESSAGE_BYTES + " bytes");
      return;
    }
    ByteBuffer in;
    if (pending.length == 0) {
      in = ByteBuffer.wrap(data.getBytes());
    } else {
      in = ByteBuffer.allocate(pending.length + data.length());
      in.put(pending).put(data.getBytes()).flip();
    }
    if (!decode(in, last)) {
      end(Protocol.CLOSE_INVALID_TEXT, "a text message that is not UTF-8");
      return;
    }
    pending = new byte[in.remaining()];
    in.get(pending);
    if (!last) {
      return;
    }
    inMessage = false;
    String whole = text.toString();
    text.setLength(0);
    if (bytes > Protocol.MAX_FRAME_BYTES) {
      tooLarge.accept(whole);
    } else {
      message.accept(whole);
    }
  }

  /**
   * Decodes what has come, keeping the first {@link Protocol#MAX_FRAME_BYTES} characters; an
   * incomplete character at the end waits in {@code in} for the next fragment, unless this is
   * the last. False when the bytes are not UTF-8.
   */
  private boolean decode(ByteBuffer in, boolean last) {
    while (true) {
      CoderResult result = utf8.decode(in, decoded, last);
      if (result.isError()) {
        return false;
      }
      keep();
      if (result.isUnderflow()) {
        break;
      }
    }
    if (last) {
      if (in.hasRemaining() || utf8.flush(decoded).isError()) {
        return false;
      }
      keep();
    }
    return true;
  }

  private void keep() {
    decoded.flip();
    int room = Protocol.MAX_FRAME_BYTES - text.length();
    if (room > 0) {
      text.append(decoded, 0, Math.min(room, decoded.remaining()));
    }
    decoded.clear();
  }

  private void end(int code, String reason) {
    closed = true;
    inMessage = false;
    text.setLength(0);
    close.accept(code, reason);
  }
}
