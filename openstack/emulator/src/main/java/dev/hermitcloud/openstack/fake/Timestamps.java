package dev.hermitcloud.openstack.fake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The timestamp spellings the services use on the wire. */
final class Timestamps {
  private static final DateTimeFormatter MICROS_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS_LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Nova, Neutron and Glance: {@code 2026-11-26T22:40:00Z}. */
  static String seconds(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Keystone: {@code 2026-11-26T22:40:00.000000Z}. */
  static String keystone(Instant t) {
    return MICROS_Z.format(t);
  }

  /** Nova's usage fields ({@code OS-SRV-USG:launched_at}): microseconds, no zone. */
  static String novaUsage(Instant t) {
    return t == null ? null : MICROS_LOCAL.format(t);
  }
}
