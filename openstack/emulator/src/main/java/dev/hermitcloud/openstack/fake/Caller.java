package dev.hermitcloud.openstack.fake;

import dev.hermitcloud.emulator.http.Request;

/** Who made a call: the valid token {@link OpenStackDialect} attached when admitting it. */
final class Caller {
  private Caller() {}

  /** The caller's token; null only on routes served without one. */
  static TokenStore.IssuedToken token(Request request) {
    return request.attachment(TokenStore.IssuedToken.class).orElse(null);
  }

  /** The project the caller's token is scoped to. */
  static String projectId(Request request) {
    return token(request).projectId();
  }
}
