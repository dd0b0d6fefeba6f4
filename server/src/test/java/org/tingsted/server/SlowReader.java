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

  /** Sends one text message, masked as a client must. */
  void send(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    var frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xff);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /**
   * Reads what has arrived, for up to {@code millis}: the text messages (fragments joined) into
   * {@link #messages}, and the close code if the server closed.
   */
  void readFor(long millis) throws IOException {
    long until = System.currentTimeMillis() + millis;
    var message = new ByteArrayOutputStream();
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
