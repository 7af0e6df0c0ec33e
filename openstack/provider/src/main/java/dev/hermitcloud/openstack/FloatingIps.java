package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.CloudException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.network.options.PortListOptions;

/**
 * A server's floating IPs, found through its Neutron ports. One is created with the port already set
 * ({@code associateToPort} is broken in openstack4j 3.12), so it is never left unattached, and looking
 * for it first makes creating it again after a lost answer harmless.
 */
final class FloatingIps {
  private FloatingIps() {}

  /** The floating IPs on the server's ports. */
  static List<NetFloatingIP> of(OSClientV3 os, String serverId) {
    List<NetFloatingIP> found = new ArrayList<>();
    for (Port port : ports(os, serverId)) {
      found.addAll(os.networking().floatingip().list(Map.of("port_id", port.getId())));
    }
    return found;
  }

  /**
   * The server's floating IP, created from {@code externalNetworkId} on its port in {@code networkId} if it
   * has none; empty while the server has no port yet.
   */
  static Optional<NetFloatingIP> ensure(OSClientV3 os, String serverId, String networkId, String externalNetworkId,
      String description) {
    List<Port> ports = ports(os, serverId);
    Optional<Port> port = ports.stream().filter(p -> networkId.equals(p.getNetworkId())).findFirst()
        .or(() -> ports.stream().findFirst());
    if (port.isEmpty()) {
      return Optional.empty();
    }
    String portId = port.get().getId();
    List<? extends NetFloatingIP> existing = os.networking().floatingip().list(Map.of("port_id", portId));
    if (!existing.isEmpty()) {
      return Optional.of(existing.get(0));
    }
    try {
      return Optional.of(os.networking().floatingip().create(Builders.netFloatingIP()
          .floatingNetworkId(externalNetworkId).portId(portId).description(description).build()));
    } catch (ClientResponseException e) {
      if (e.getStatus() == 409 && String.valueOf(e.getMessage()).contains("already has a floating IP")) {
        return os.networking().floatingip().list(Map.of("port_id", portId)).stream().findFirst().map(NetFloatingIP.class::cast);
      }
      throw e;
    }
  }

  /** Releases every floating IP on the server's ports; those already gone are fine. */
  static void release(OSClientV3 os, String serverId, String server) throws CloudException {
    for (NetFloatingIP ip : of(os, serverId)) {
      ActionResponse response = os.networking().floatingip().delete(ip.getId());
      if (response.getCode() != 404) {
        CloudErrors.check(response, "release floating IP " + ip.getFloatingIpAddress() + " of server " + server);
      }
    }
  }

  private static List<Port> ports(OSClientV3 os, String serverId) {
    return List.copyOf(os.networking().port().list(PortListOptions.create().deviceId(serverId)));
  }
}
