package dev.hermitcloud.echokernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP/1.1 over a plain socket, so a test decides exactly which bytes go out in which segment. */
final class RawHttp {
  private RawHttp() {}

  /** A parsed answer; header names lower-cased. */
  record Answer(String statusLine, Map<String, String> headers, byte[] body) {
    int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return statusLine + " " + headers + "\n" + text();
    }
  }

  static Socket connect(int port) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setTcpNoDelay(true); // each write its own segment
    s.setSoTimeout(30_000);
    return s;
  }

  /** Sends the request and reads the answer until the server closes. */
  static Answer exchange(int port, String request) throws IOException {
    try (Socket s = connect(port)) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return parse(readToEnd(s.getInputStream()));
    }
  }

  static Answer get(int port, String target) throws IOException {
    return exchange(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: curl/8.1\r\n"
        + "Accept: */*\r\n\r\n");
  }

  /** Writes the parts with a pause after each, so they reach the guest as separate segments. */
  static void writeSlowly(OutputStream out, long pauseMillis, String... parts) throws IOException {
    for (String part : parts) {
      out.write(part.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      QemuGuest.sleep(pauseMillis);
    }
  }

  static byte[] readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      all.write(buffer, 0, n);
    }
    return all.toByteArray();
  }

  static Answer parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      throw new AssertionError("no complete HTTP head in " + raw.length + " bytes: "
          + new String(raw, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new Answer(lines[0], headers, Arrays.copyOfRange(raw, end + 4, raw.length));
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
