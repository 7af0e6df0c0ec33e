package dev.hermitcloud.local;

import java.util.Set;

/**
 * Gives each local instance its own loopback address in 127.77.0.0/16, so several instances can forward
 * the same port. Linux routes all of 127.0.0.0/8 to the loopback interface.
 */
final class LoopbackAddresses {
  private LoopbackAddresses() {}

  /** A stable address for {@code name} that is not in {@code taken}. */
  static String allocate(String name, Set<String> taken) {
    int seed = Math.floorMod(name.hashCode(), 250 * 250);
    for (int i = 0; i < 250 * 250; i++) {
      int n = (seed + i) % (250 * 250);
      String address = "127.77." + (n / 250 + 1) + "." + (n % 250 + 2);
      if (!taken.contains(address)) {
        return address;
      }
    }
    throw new IllegalStateException("no free loopback address left in 127.77.0.0/16");
  }
}
