package dev.hermitcloud.openstack.fake;

import java.util.function.Predicate;

/**
 * One API operation: method plus path template such as {@code /compute/v2.1/servers/{id}}. The
 * template is also the key under which requests are counted and faults are matched.
 *
 * @param mutating whether a call may change state, for the "mutating calls" counter
 * @param open whether the route is served without a token (only Keystone's token issuing)
 */
record Route(
    String method,
    String template,
    Service service,
    Handler handler,
    Predicate<ApiRequest> mutating,
    boolean open) {

  /** Serves one route. */
  @FunctionalInterface
  interface Handler {
    Reply handle(ApiRequest request);
  }

  /** The method and template as one key, e.g. {@code POST /compute/v2.1/servers}. */
  String key() {
    return method + " " + template;
  }
}
