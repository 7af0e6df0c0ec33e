package dev.hermitcloud.openstack.fake;

import dev.hermitcloud.emulator.stats.RequestStats;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every resource of the fake cloud. All access holds this object's monitor ({@code synchronized
 * (state)}), which keeps each API call atomic the way a real service's database transaction would.
 */
final class CloudState {
  final Map<String, FakeImage> images = new LinkedHashMap<>();
  final Map<String, FakeServer> servers = new LinkedHashMap<>();
  final Map<String, FakeNetwork> networks = new LinkedHashMap<>();
  final Map<String, FakePort> ports = new LinkedHashMap<>();
  final Map<String, FakeSecurityGroup> securityGroups = new LinkedHashMap<>();
  final Map<String, FakeSecurityGroupRule> rules = new LinkedHashMap<>();
  final Map<String, FakeFloatingIp> floatingIps = new LinkedHashMap<>();
  final Map<String, FakeServerGroup> serverGroups = new LinkedHashMap<>();
  /** The most items one list page holds whatever {@code limit} asks; 0 leaves each service's own. */
  volatile int pageMaximum;
  /** Counts creations through the API over the fake's life. */
  private final RequestStats stats;
  private long sequence;

  CloudState(RequestStats stats) {
    this.stats = stats;
  }

  long nextSequence() {
    return ++sequence;
  }

  void recordCreation(String kind, String name) {
    stats.created(kind, name);
  }

  /** A project's server group by id, or null: another project's is not found either. */
  FakeServerGroup serverGroupOf(String id, String projectId) {
    FakeServerGroup group = serverGroups.get(id);
    return group != null && group.projectId.equals(projectId) ? group : null;
  }

  /** The group a server was booted into, or null (none, or deleted since: Nova lets a group go first). */
  FakeServerGroup groupOf(FakeServer server) {
    return server.groupId == null ? null : serverGroups.get(server.groupId);
  }

  List<FakePort> portsOf(String serverId) {
    return ports.values().stream().filter(p -> p.deviceId.equals(serverId)).toList();
  }

  List<FakeSecurityGroupRule> rulesOf(String groupId) {
    return rules.values().stream().filter(r -> r.securityGroupId().equals(groupId)).toList();
  }

  FakeFloatingIp floatingIpOn(FakePort port) {
    return floatingIps.values().stream().filter(f -> f.port == port).findFirst().orElse(null);
  }

  /** The lowest free address of a network's pool (first host after the gateway), or null. */
  String freeAddress(FakeNetwork network) {
    Set<String> used =
        network.external
            ? floatingIps.values().stream()
                .filter(f -> f.network == network)
                .map(f -> f.address)
                .collect(Collectors.toSet())
            : ports.values().stream()
                .filter(p -> p.network == network)
                .map(p -> p.fixedIp)
                .collect(Collectors.toSet());
    long last = Math.min(network.cidr.size() - 2, 65_534);
    for (int n = 2; n <= last; n++) {
      String candidate = network.cidr.address(n);
      if (!used.contains(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Removes a server's ports, leaving any floating IP on them unassociated, as Neutron does. */
  void releasePorts(String serverId, Instant now) {
    for (FakePort port : portsOf(serverId)) {
      FakeFloatingIp fip = floatingIpOn(port);
      if (fip != null) {
        fip.port = null;
        fip.updatedAt = now;
        fip.revision++;
      }
      ports.remove(port.id);
    }
  }

  FakeNetwork networkByName(String name) {
    return networks.values().stream().filter(n -> n.name.equals(name)).findFirst().orElse(null);
  }

  Collection<FakeNetwork> tenantNetworks() {
    return networks.values().stream().filter(n -> !n.external).toList();
  }

  /**
   * A service's page maximum, lowered where the cloud is configured so: Nova's {@code [api] max_limit}
   * and Glance's {@code api_limit_max} (1000 by default), Neutron's {@code pagination_max_limit} (none).
   */
  int pageMaximum(int serviceDefault) {
    int configured = pageMaximum;
    return configured > 0 ? Math.min(configured, serviceDefault) : serviceDefault;
  }
}
