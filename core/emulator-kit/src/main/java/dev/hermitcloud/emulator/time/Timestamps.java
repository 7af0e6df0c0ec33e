package dev.hermitcloud.emulator.time;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The RFC 3339 spellings cloud APIs put on the wire. Each cloud picks the ones its services use;
 * null in, null out, for optional fields.
 */
public final class Timestamps {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final DateTimeFormatter MICROS_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS_NO_ZONE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Milliseconds in the given offset: {@code 2026-11-26T14:40:00.123-08:00}, or {@code ...Z} in UTC. */
  public static String millis(Instant t, ZoneOffset offset) {
    return t == null ? null : MILLIS.withZone(offset).format(t);
  }

  /** Whole seconds in UTC: {@code 2026-11-26T22:40:00Z}. */
  public static String seconds(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Microseconds in UTC: {@code 2026-11-26T22:40:00.000000Z}. */
  public static String micros(Instant t) {
    return t == null ? null : MICROS_Z.format(t);
  }

  /** Microseconds in UTC without a zone: {@code 2026-11-26T22:40:00.000000}. */
  public static String microsWithoutZone(Instant t) {
    return t == null ? null : MICROS_NO_ZONE.format(t);
  }
}
