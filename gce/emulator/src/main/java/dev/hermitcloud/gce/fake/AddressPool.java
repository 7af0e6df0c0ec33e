package dev.hermitcloud.gce.fake;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out instance addresses: external ones from loopback (127.0.0.2, 127.0.0.3, ... by default,
 * so an app stand-in can listen on them), never one that is still in use; internal ones from the
 * region's default subnet.
 */
final class AddressPool {
  private final long firstExternal;
  private long nextExternal;
  private final Set<String> liveExternal = new HashSet<>();
  private final Map<String, Integer> nextInternal = new HashMap<>();

  AddressPool(String firstExternal) {
    this.firstExternal = toLong(firstExternal);
    this.nextExternal = this.firstExternal;
  }

  synchronized String allocateExternal() {
    while (true) {
      long candidate = nextExternal++;
      if ((candidate & 0xff) == 0 || (candidate & 0xff) == 255) {
        continue;
      }
      if ((candidate >>> 24) != 127) {
        throw new IllegalStateException("external address pool exhausted");
      }
      String ip = toText(candidate);
      if (liveExternal.add(ip)) {
        return ip;
      }
    }
  }

  synchronized void release(String ip) {
    if (ip != null) {
      liveExternal.remove(ip);
    }
  }

  synchronized String allocateInternal(String region) {
    int n = nextInternal.merge(region, 1, Integer::sum) + 1;
    return ZoneCatalog.subnetPrefix(region) + n;
  }

  synchronized void clear() {
    liveExternal.clear();
    nextExternal = firstExternal;
    nextInternal.clear();
  }

  private static long toLong(String ip) {
    String[] p = ip.split("\\.");
    if (p.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + ip);
    }
    long v = 0;
    for (String octet : p) {
      v = (v << 8) | Integer.parseInt(octet);
    }
    return v;
  }

  private static String toText(long v) {
    return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
  }
}
