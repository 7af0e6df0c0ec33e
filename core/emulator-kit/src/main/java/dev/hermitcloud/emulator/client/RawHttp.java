package dev.hermitcloud.emulator.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange over a plain socket to 127.0.0.1, for tests that must see exactly what
 * went over the wire (HTTP clients retry or hide dropped connections and short bodies). Returns
 * everything read until EOF or a reset: an empty string is a connection dropped without answer.
 */
public final class RawHttp {
  private RawHttp() {}

  public static String exchange(int port, String method, String path, String body)
      throws IOException {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(payload);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.write(buffer, 0, n);
        }
      } catch (IOException reset) {
        // a reset connection ends the exchange as EOF does
      }
      return received.toString(StandardCharsets.UTF_8);
    }
  }

  /** The value of a response header (case-insensitive), or null. */
  public static String header(String response, String name) {
    for (String line : response.split("\r\n")) {
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** The body after the headers (as received: possibly cut short). */
  public static String body(String response) {
    int at = response.indexOf("\r\n\r\n");
    return at < 0 ? "" : response.substring(at + 4);
  }
}
