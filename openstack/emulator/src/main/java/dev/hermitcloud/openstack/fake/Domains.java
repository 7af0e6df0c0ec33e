package dev.hermitcloud.openstack.fake;

/** Keystone domain names and ids: the fake derives each id from its name, "Default" -> "default". */
final class Domains {
  static final String DEFAULT = "Default";

  private Domains() {}

  static String idOf(String name) {
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  /** True if a {@code {"id"|"name"}} domain reference in a request names this domain. */
  static boolean matches(String domainName, String refId, String refName) {
    if (refId != null) {
      return refId.equals(idOf(domainName));
    }
    return domainName.equals(refName);
  }
}
