package dev.hermitcloud.openstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.network.options.PortListOptions;

/** Reads a server's Neutron ports and the floating IPs on them. */
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
   * The first floating address on each server's ports, by server id: the project's ports (all of them;
   * Neutron pages only when asked to with {@code limit}) and its floating IPs, paged.
   */
  static Map<String, String> addressesByServer(OSClientV3 os) {
    Map<String, String> deviceOfPort = new HashMap<>();
    for (Port port : os.networking().port().list()) {
      deviceOfPort.put(port.getId(), port.getDeviceId());
    }
    Map<String, String> byServer = new HashMap<>();
    for (NetFloatingIP ip : MarkerPages.<NetFloatingIP>all(Map.of(), q -> os.networking().floatingip().list(q),
        NetFloatingIP::getId)) {
      String server = ip.getPortId() == null ? null : deviceOfPort.get(ip.getPortId());
      if (server != null && ip.getFloatingIpAddress() != null) {
        byServer.putIfAbsent(server, ip.getFloatingIpAddress());
      }
    }
    return byServer;
  }

  /** The server's port in {@code networkId} (else its first port); empty while it has none yet. */
  static Optional<String> port(OSClientV3 os, String serverId, String networkId) {
    List<Port> ports = ports(os, serverId);
    return ports.stream().filter(p -> networkId.equals(p.getNetworkId())).findFirst()
        .or(() -> ports.stream().findFirst()).map(Port::getId);
  }

  private static List<Port> ports(OSClientV3 os, String serverId) {
    return List.copyOf(os.networking().port().list(PortListOptions.create().deviceId(serverId)));
  }
}
