package dev.hermitcloud.gce.fake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Range} of a resumable upload PUT: {@code bytes A-B/T}, {@code bytes A-B/*},
 * or a status query {@code bytes *}{@code /T} / {@code bytes *}{@code /*}. Null parts are "*".
 */
record ContentRange(Long first, Long last, Long total) {
  private static final Pattern SYNTAX =
      Pattern.compile("bytes (?:(\\d+)-(\\d+)|\\*)/(?:(\\d+)|\\*)");

  static ContentRange parse(String header, int bodyLength) {
    if (header == null) {
      // A single-request upload: the whole object in one PUT.
      return new ContentRange(bodyLength == 0 ? null : 0L,
          bodyLength == 0 ? null : (long) bodyLength - 1, (long) bodyLength);
    }
    Matcher m = SYNTAX.matcher(header.trim());
    if (!m.matches()) {
      throw GoogleErrors.invalid("Invalid Content-Range header: " + header);
    }
    Long first = m.group(1) == null ? null : Long.parseLong(m.group(1));
    Long last = m.group(2) == null ? null : Long.parseLong(m.group(2));
    Long total = m.group(3) == null ? null : Long.parseLong(m.group(3));
    if (first != null && last < first) {
      throw GoogleErrors.invalid("Invalid Content-Range header: " + header);
    }
    return new ContentRange(first, last, total);
  }

  boolean isStatusQuery() {
    return first == null;
  }

  long length() {
    return first == null ? 0 : last - first + 1;
  }
}
