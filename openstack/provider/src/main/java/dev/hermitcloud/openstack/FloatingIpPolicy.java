package dev.hermitcloud.openstack;

import java.util.Optional;
import org.openstack4j.api.OSClient.OSClientV3;

/** Where a deployment's machines attach and whether they get a floating IP: the target's network options. */
final class FloatingIpPolicy {
  private final Networks networks;
  private final Optional<String> defaultNetwork;
  private final Optional<String> floatingIpNetwork;

  FloatingIpPolicy(Networks networks, Optional<String> defaultNetwork, Optional<String> floatingIpNetwork) {
    this.networks = networks;
    this.defaultNetwork = defaultNetwork;
    this.floatingIpNetwork = floatingIpNetwork;
  }

  boolean wanted() {
    return floatingIpNetwork.isPresent();
  }

  /** The tenant network: the deployment's, else the target's, else the project's only one. */
  String tenantNetworkId(OSClientV3 os, Optional<String> deploymentNetwork) {
    return networks.tenant(os, deploymentNetwork.or(() -> defaultNetwork));
  }

  String externalNetworkId(OSClientV3 os) {
    return networks.external(os, floatingIpNetwork.orElseThrow());
  }
}
