package dev.hermitcloud.openstack.fake;

/** The services the fake serves, each under its own path prefix on the one HTTP server. */
enum Service {
  KEYSTONE("/v3"),
  GLANCE("/image"),
  NOVA("/compute/v2.1"),
  NEUTRON("/network/v2.0"),
  /** The fake's own control and introspection endpoints; never authenticated, faulted or counted. */
  ADMIN("/_fake");

  final String prefix;

  Service(String prefix) {
    this.prefix = prefix;
  }

  /** The service a request path belongs to; unknown paths are answered in Keystone's shape. */
  static Service of(String path) {
    for (Service s : values()) {
      if (path.equals(s.prefix) || path.startsWith(s.prefix + "/")) {
        return s;
      }
    }
    return KEYSTONE;
  }
}
