package dev.hermitcloud.openstack;

import dev.hermitcloud.InvalidSpecException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.network.Network;

/**
 * Finds the networks a deployment uses, once per connection: the tenant network machines attach to
 * (named, or the project's only one) and the external network floating IPs come from.
 */
final class Networks {
  private final Map<String, String> resolved = new ConcurrentHashMap<>();

  /** The id of the tenant network {@code name}, or of the only one there is. */
  String tenant(OSClientV3 os, Optional<String> name) {
    String key = "tenant:" + name.orElse("");
    String id = resolved.get(key);
    if (id == null) {
      id = name.isPresent() ? named(os, name.get(), false, "openstack.network") : onlyTenant(os);
      resolved.put(key, id);
    }
    return id;
  }

  /** The id of the external network {@code name}. */
  String external(OSClientV3 os, String name) {
    return resolved.computeIfAbsent("external:" + name, k -> named(os, name, true, "openstack.floatingIpFrom"));
  }

  private static String named(OSClientV3 os, String name, boolean external, String field) {
    List<? extends Network> byName = os.networking().network().list(Map.of("name", name));
    Network network;
    if (byName.size() == 1) {
      network = byName.get(0);
    } else if (byName.size() > 1) {
      throw new InvalidSpecException(field, name, "names " + byName.size() + " networks: give the id of the one to use");
    } else {
      network = os.networking().network().get(name);
      if (network == null) {
        throw new InvalidSpecException(field, name, "is not a network this project can use: choose one of "
            + names(os.networking().network().list(), external));
      }
    }
    if (network.isRouterExternal() != external) {
      throw new InvalidSpecException(field, name, external
          ? "is not an external network, so it has no floating IPs: choose one of " + names(os.networking().network().list(), true)
          : "is an external network: machines attach to a tenant network such as " + names(os.networking().network().list(), false));
    }
    return network.getId();
  }

  private static String onlyTenant(OSClientV3 os) {
    List<? extends Network> tenant = os.networking().network().list().stream().filter(n -> !n.isRouterExternal()).toList();
    if (tenant.size() == 1) {
      return tenant.get(0).getId();
    }
    if (tenant.isEmpty()) {
      throw new InvalidSpecException("openstack.network", null,
          "cannot be chosen: the project has no tenant network; create one, or name one with OpenStack.cloud(..).network(\"name\")");
    }
    throw new InvalidSpecException("openstack.network", null, "is ambiguous: the project has " + tenant.size()
        + " tenant networks (" + String.join(", ", tenant.stream().map(Network::getName).toList())
        + "); choose one with OpenStack.cloud(..).network(\"name\") or .network(\"name\") on the deployment");
  }

  private static String names(List<? extends Network> networks, boolean external) {
    List<String> names = networks.stream().filter(n -> n.isRouterExternal() == external).map(Network::getName).toList();
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
