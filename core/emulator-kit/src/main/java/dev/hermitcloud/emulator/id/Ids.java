package dev.hermitcloud.emulator.id;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids: random UUIDs like the real services, name-derived ones for fixed objects. */
public final class Ids {
  private Ids() {}

  public static String uuid() {
    return UUID.randomUUID().toString();
  }

  /** The same UUID for the same name across runs, for catalogs and built-in objects. */
  public static String stableUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** {@link #stableUuid} as 32 hex digits without dashes. */
  public static String stableHex(String name) {
    return stableUuid(name).replace("-", "");
  }
}
