package dev.hermitcloud.gce.fake;

import java.util.Map;
import java.util.Set;

/** The zones the fake knows, their regions and the default subnet of each region. */
final class ZoneCatalog {
  private static final Map<String, String> REGION_OF_ZONE = Map.of(
      "us-central1-a", "us-central1",
      "us-central1-b", "us-central1",
      "us-central1-c", "us-central1",
      "us-central1-f", "us-central1",
      "europe-west1-b", "europe-west1");

  /** First three octets of each region's default subnet (10.128.0.0/20, 10.132.0.0/20). */
  private static final Map<String, String> SUBNET_PREFIX = Map.of(
      "us-central1", "10.128.0.",
      "europe-west1", "10.132.0.");

  private ZoneCatalog() {}

  static Set<String> zones() {
    return REGION_OF_ZONE.keySet();
  }

  /** The zones of a region, in name order (none for a region the fake does not know). */
  static java.util.List<String> zonesOf(String region) {
    return REGION_OF_ZONE.entrySet().stream().filter(e -> e.getValue().equals(region))
        .map(Map.Entry::getKey).sorted().toList();
  }

  /** The zones of a region; a 400 "Unknown region." for a region the fake does not know. */
  static java.util.List<String> requireZones(String region) {
    java.util.List<String> zones = zonesOf(region);
    if (zones.isEmpty()) {
      throw GoogleErrors.invalidField("region", region, "Unknown region.");
    }
    return zones;
  }

  /** The zone's region; a 400 "Unknown zone." as GCE answers for a zone it does not know. */
  static String requireRegion(String zone) {
    String region = REGION_OF_ZONE.get(zone);
    if (region == null) {
      throw GoogleErrors.invalidField("zone", zone, "Unknown zone.");
    }
    return region;
  }

  static String subnetPrefix(String region) {
    return SUBNET_PREFIX.get(region);
  }
}
