package dev.hermitcloud.openstack.fake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Resource ids: random UUIDs like the real services, or name-derived ones for fixed objects. */
final class Ids {
  private Ids() {}

  static String random() {
    return UUID.randomUUID().toString();
  }

  /** The same id for the same name across runs, for the catalog and built-in networks. */
  static String stable(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Keystone writes ids as 32 hex digits without dashes. */
  static String keystone(String name) {
    return stable(name).replace("-", "");
  }
}
