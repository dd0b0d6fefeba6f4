package org.tingsted.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.tingsted.protocol.Protocol;

/**
 * A WebSocket client on a plain TCP socket with a small receive window, that reads only when
 * told to: what the server sends it meanwhile backs up in the server, as it does for a tablet
 * on a bad network. (A Vert.x client keeps reading into memory even when paused.)
 */
final class SlowReader implements AutoCloseable {

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final List<String> messages = new ArrayList<>();
  private Integer closeCode;
  private long largestFrame;
  /** The fragments of a text message that has not ended yet. */
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

  SlowReader(int port) throws IOException {
    socket = new Socket();
    socket.setReceiveBufferSize(16 * 1024);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Protocol: " + Protocol.SUBPROTOCOL + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = readLine();
    if (!status.contains(" 101 ")) {
      throw new IOException("the upgrade was refused: " + status);
    }
    while (!readLine().isEmpty()) {
      // the rest of the handshake's headers
    }
  }

  private String readLine() throws IOException {
    var line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed during the handshake");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  /** Sends one text message in one frame, masked as a client must. */
  void send(String text) throws IOException {
    sendFrame(0x1, true, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends text messages, one frame each, in one write: they arrive together, as from a loop. */
  void sendAll(List<String> texts) throws IOException {
    var all = new ByteArrayOutputStream();
    for (String text : texts) {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      all.writeBytes(header(0x1, true, payload.length, true));
      all.writeBytes(masked(payload));
    }
    out.write(all.toByteArray());
    out.flush();
  }

  /**
   * Sends one frame as it is given: {@code opcode} 0x1 text, 0x0 continuation, 0x2 binary;
   * {@code fin} whether it ends its message. Masked as a client must.
   */
  void sendFrame(int opcode, boolean fin, byte[] payload) throws IOException {
    out.write(header(opcode, fin, payload.length, true));
    out.write(masked(payload));
    out.flush();
  }

  /** Sends a frame without the mask RFC 6455 requires of a client. */
  void sendUnmasked(int opcode, byte[] payload) throws IOException {
    out.write(header(opcode, true, payload.length, false));
    out.write(payload);
    out.flush();
  }

  /** Sends only the start of a frame: a header announcing {@code length} bytes, and {@code some} of them. */
  void sendFrameStart(int opcode, long length, int some) throws IOException {
    out.write(header(opcode, true, length, true));
    out.write(new byte[some]);
    out.flush();
  }

  private byte[] header(int opcode, boolean fin, long length, boolean mask) {
    var frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | opcode);
    int maskBit = mask ? 0x80 : 0;
    if (length < 126) {
      frame.write(maskBit | (int) length);
    } else if (length < 65536) {
      frame.write(maskBit | 126);
      frame.write((int) (length >> 8) & 0xff);
      frame.write((int) length & 0xff);
    } else {
      frame.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (length >> shift) & 0xff);
      }
    }
    if (mask) {
      ThreadLocalRandom.current().nextBytes(this.mask);
      frame.write(this.mask, 0, 4);
    }
    return frame.toByteArray();
  }

  private final byte[] mask = new byte[4];

  /** The payload masked with the mask of the header just written. */
  private byte[] masked(byte[] payload) {
    byte[] out = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      out[i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    return out;
  }

  /**
   * Reads what has arrived, for up to {@code millis}: the text messages (fragments joined) into
   * {@link #messages}, and the close code if the server closed.
   */
  void readFor(long millis) throws IOException {
    long until = System.currentTimeMillis() + millis;
    var message = partial;
    while (closeCode == null && System.currentTimeMillis() < until) {
      socket.setSoTimeout((int) Math.max(1, until - System.currentTimeMillis()));
      int first;
      try {
        first = in.read();
      } catch (SocketTimeoutException quiet) {
        return;
      }
      if (first < 0) {
        closeCode = -1;
        return;
      }
      socket.setSoTimeout(10_000);
      int opcode = first & 0x0f;
      long length = in.read() & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      largestFrame = Math.max(largestFrame, length);
      if (opcode == 0x8) {
        closeCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        return;
      }
      if (opcode == 0x1 || opcode == 0x0) {
        message.write(payload);
        if ((first & 0x80) != 0) {
          messages.add(message.toString(StandardCharsets.UTF_8));
          message.reset();
        }
      }
    }
  }

  /**
   * Reads until a text message that matches has arrived (from the start of the connection), the
   * server closes, or {@code millis} pass; that message, or null.
   */
  String awaitMessage(java.util.function.Predicate<String> what, long millis) throws IOException {
    long until = System.currentTimeMillis() + millis;
    while (true) {
      for (String m : messages) {
        if (what.test(m)) {
          return m;
        }
      }
      if (closeCode != null || System.currentTimeMillis() >= until) {
        return null;
      }
      readFor(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
    }
  }

  /** Reads until the server closes or {@code millis} pass; the close code, or null. */
  Integer awaitClose(long millis) throws IOException {
    long until = System.currentTimeMillis() + millis;
    while (closeCode == null && System.currentTimeMillis() < until) {
      readFor(until - System.currentTimeMillis());
    }
    return closeCode;
  }

  /** The largest payload of one frame the server sent. */
  long largestFrame() {
    return largestFrame;
  }

  List<String> messages() {
    return messages;
  }

  /** The code the server closed with, or null while it has not. */
  Integer closeCode() {
    return closeCode;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
