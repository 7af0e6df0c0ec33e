package dev.hermitcloud.openstack.fake;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.openstack.OSFactory;

/** Test helper: real openstack4j clients authenticated against a fake. */
final class OpenStackClients {
  private OpenStackClients() {}

  /** Password authentication, project-scoped, exactly as a user's code would do it. */
  static OSClientV3 password(FakeOpenStack cloud) {
    return OSFactory.builderV3()
        .endpoint(cloud.authUrl())
        .credentials(cloud.user(), cloud.password(), Identifier.byName(cloud.domain()))
        .scopeToProject(Identifier.byName(cloud.project()), Identifier.byName(cloud.domain()))
        .authenticate();
  }
}
