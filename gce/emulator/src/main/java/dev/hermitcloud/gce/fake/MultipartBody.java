package dev.hermitcloud.gce.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/related} upload body: the object's JSON metadata, then its media. Parsed on
 * bytes, since the media is binary.
 */
final class MultipartBody {
  /** One part: its headers (lower-case names) and content. */
  record Part(Map<String, String> headers, byte[] content) {}

  private MultipartBody() {}

  static List<Part> parse(String contentType, byte[] body) {
    String boundary = boundary(contentType);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw GoogleErrors.invalid("Multipart body has no boundary '" + boundary + "'.");
    }
    while (true) {
      int afterDelimiter = at + delimiter.length;
      if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-'
          && body[afterDelimiter + 1] == '-') {
        return parts;
      }
      int headersStart = skipLineBreak(body, afterDelimiter);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) {
        throw GoogleErrors.invalid("Malformed multipart body.");
      }
      Map<String, String> headers = headers(
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1));
      int contentStart = headersEnd + 4;
      byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      int contentEnd = indexOf(body, next, contentStart);
      if (contentEnd < 0) {
        throw GoogleErrors.invalid("Malformed multipart body: missing closing boundary.");
      }
      parts.add(new Part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
      at = contentEnd + 2;
    }
  }

  private static String boundary(String contentType) {
    if (contentType != null) {
      for (String param : contentType.split(";")) {
        String p = param.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
          String b = p.substring("boundary=".length());
          return b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
        }
      }
    }
    throw GoogleErrors.invalid("A multipart upload needs a Content-Type with a boundary.");
  }

  private static Map<String, String> headers(String block) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : block.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        out.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return out;
  }

  private static int skipLineBreak(byte[] body, int at) {
    return at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n' ? at + 2 : at;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
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
