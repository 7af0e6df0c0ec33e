package dev.hermitcloud.openstack;

import dev.hermitcloud.CloudException;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceState;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.network.NetFloatingIP;

/**
 * The servers' floating IPs, a kind of their own: created once the server is ACTIVE (its port exists
 * only then), with the port set at creation ({@code associateToPort} is broken in openstack4j 3.12), and
 * deleted before the server. Floating IPs have no name or metadata, so the ownership marks and the
 * server's name ({@value #INSTANCE_KEY}) live in the description.
 */
final class NeutronFloatingIps implements ResourceDriver<FloatingIpSpec>, ListReads {
  static final String INSTANCE_KEY = "hermit-instance";

  private final Clients clients;
  private final NovaServers servers;
  private final FloatingIpPolicy policy;

  NeutronFloatingIps(Clients clients, NovaServers servers, FloatingIpPolicy policy) {
    this.clients = clients;
    this.servers = servers;
    this.policy = policy;
  }

  @Override
  public ResourceKind kind() {
    return OpenStack.FLOATING_IP;
  }

  @Override
  public Optional<Observed> read(String name) throws Exception {
    return Optional.ofNullable(readAll(Set.of(name)).get(name));
  }

  /** The project's floating IPs, one paged list, by the server their description names. */
  @Override
  public Map<String, Observed> readAll(Set<String> names) throws Exception {
    Map<String, NetFloatingIP> chosen = new LinkedHashMap<>();
    for (NetFloatingIP ip : all()) {
      String instance = instanceOf(ip);
      if (instance != null && names.contains(instance)) {
        // prefer one we marked
        chosen.merge(instance, ip, (kept, other) -> owner(kept).isEmpty() && owner(other).isPresent() ? other : kept);
      }
    }
    Map<String, Observed> found = new LinkedHashMap<>();
    chosen.forEach((name, ip) -> found.put(name, observe(ip)));
    return found;
  }

  @Override
  public List<Observed> listOwned(String deployment) throws Exception {
    return all().stream().filter(ip -> instanceOf(ip) != null).map(NeutronFloatingIps::observe)
        .filter(o -> o.ownedBy(deployment)).toList();
  }

  @Override
  public Operation create(FloatingIpSpec spec, CallContext context) throws Exception {
    OSClientV3 os = clients.os();
    String description = "create floating IP of " + spec.instance();
    String serverId = servers.read(spec.instance()).flatMap(o -> o.attribute(Observed.ID))
        .orElseThrow(() -> new CloudException(409, "server " + spec.instance() + " is missing; re-run apply"));
    String port = FloatingIps.port(os, serverId, policy.tenantNetworkId(os, spec.network()))
        .orElseThrow(() -> new CloudException(503, "server " + spec.instance() + " has no port yet",
            Duration.ofSeconds(1), null));
    if (!os.networking().floatingip().list(Map.of("port_id", port)).isEmpty()) {
      // an earlier attempt made it and lost the answer: the engine adopts it by its marks
      throw new CloudException(409, "the port of server " + spec.instance() + " already has a floating IP");
    }
    try {
      os.networking().floatingip().create(Builders.netFloatingIP().floatingNetworkId(policy.externalNetworkId(os))
          .portId(port).description(context.ownership().toDescriptionLine() + " " + INSTANCE_KEY + "=" + spec.instance())
          .build());
    } catch (ClientResponseException e) {
      if (e.getStatus() == 409 && String.valueOf(e.getMessage()).contains("already has a floating IP")) {
        throw new CloudException(409, "the port of server " + spec.instance() + " already has a floating IP");
      }
      throw e;
    }
    return Operation.completed(description);
  }

  @Override
  public Operation delete(Observed current, CallContext context) throws Exception {
    ActionResponse response = clients.os().networking().floatingip().delete(current.attribute(Observed.ID).orElseThrow());
    if (response.getCode() != 404) {
      CloudErrors.check(response, "release floating IP " + current.attribute(Observed.ADDRESS).orElse("?")
          + " of server " + current.name());
    }
    return Operation.completed("release floating IP of " + current.name());
  }

  private List<NetFloatingIP> all() throws Exception {
    var ips = clients.os().networking().floatingip();
    return MarkerPages.<NetFloatingIP>all(Map.of(), q -> ips.list(q), NetFloatingIP::getId);
  }

  private static Observed observe(NetFloatingIP ip) {
    var observed = Observed.builder().kind(OpenStack.FLOATING_IP).name(instanceOf(ip)).owner(owner(ip))
        .putAttributes(Observed.ID, ip.getId());
    if (ip.getFloatingIpAddress() != null) {
      observed.putAttributes(Observed.ADDRESS, ip.getFloatingIpAddress());
    }
    if (ip.getPortId() == null || ip.getPortId().isEmpty()) {
      observed.state(ResourceState.FAILED).stateMessage("not attached to a port any more (its server was deleted)");
    } else if ("ERROR".equalsIgnoreCase(ip.getStatus())) {
      observed.state(ResourceState.FAILED).stateMessage("Neutron reports it in ERROR");
    }
    return observed.build();
  }

  private static Optional<Ownership> owner(NetFloatingIP ip) {
    return Ownership.fromDescription(ip.getDescription());
  }

  /** The server named in the description, or null for a floating IP that is not one of ours. */
  private static String instanceOf(NetFloatingIP ip) {
    String description = ip.getDescription();
    if (description == null) {
      return null;
    }
    for (String token : description.split("\\s+")) {
      if (token.startsWith(INSTANCE_KEY + "=")) {
        return token.substring(INSTANCE_KEY.length() + 1);
      }
    }
    return null;
  }
}
