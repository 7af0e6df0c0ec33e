package dev.hermitcloud.gce.fake;

/**
 * Builds the self links GCE prints and parses the references clients send: a full URL, {@code
 * projects/P/global/images/I}, {@code global/images/I} or {@code zones/Z/machineTypes/T}.
 */
final class ResourceLinks {
  static final String COMPUTE_URL = "https://www.googleapis.com/compute/v1/";

  /** A parsed reference; {@code zone} is null for global resources. */
  record Ref(String project, String zone, String collection, String name) {
    String path() {
      return zone == null
          ? globalPath(project, collection, name)
          : zonalPath(project, zone, collection, name);
    }
  }

  private ResourceLinks() {}

  static String globalPath(String project, String collection, String name) {
    return "projects/" + project + "/global/" + collection + "/" + name;
  }

  static String zonalPath(String project, String zone, String collection, String name) {
    return "projects/" + project + "/zones/" + zone + "/" + collection + "/" + name;
  }

  static String regionalPath(String project, String region, String collection, String name) {
    return "projects/" + project + "/regions/" + region + "/" + collection + "/" + name;
  }

  static String url(String path) {
    return COMPUTE_URL + path;
  }

  static String zoneUrl(String project, String zone) {
    return COMPUTE_URL + "projects/" + project + "/zones/" + zone;
  }

  static String regionUrl(String project, String region) {
    return COMPUTE_URL + "projects/" + project + "/regions/" + region;
  }

  /**
   * Parses a reference to a resource of {@code collection}; relative forms take {@code project}.
   * The name may hold one extra segment (e.g. {@code family/F}). Returns null when malformed.
   */
  static Ref parse(String ref, String project, String collection) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    String rest = ref.trim();
    int api = rest.indexOf("/compute/v1/");
    if (rest.startsWith("https://") || rest.startsWith("http://")) {
      if (api < 0) {
        return null;
      }
      rest = rest.substring(api + "/compute/v1/".length());
    }
    String p = project;
    if (rest.startsWith("projects/")) {
      String[] s = rest.split("/", 3);
      if (s.length < 3 || s[1].isEmpty()) {
        return null;
      }
      p = s[1];
      rest = s[2];
    }
    String zone = null;
    if (rest.startsWith("global/")) {
      rest = rest.substring("global/".length());
    } else if (rest.startsWith("zones/")) {
      String[] s = rest.split("/", 3);
      if (s.length < 3 || s[1].isEmpty()) {
        return null;
      }
      zone = s[1];
      rest = s[2];
    } else {
      return null;
    }
    if (!rest.startsWith(collection + "/")) {
      return null;
    }
    String name = rest.substring(collection.length() + 1);
    if (name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
      return null;
    }
    return new Ref(p, zone, collection, name);
  }
}
