package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.DeploymentResources;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openstack4j.api.types.Facing;

/**
 * A connection to one OpenStack cloud: Glance images, a Neutron security group, Nova servers, and the
 * deployment's lock kept in Neutron.
 */
final class OpenStackProvider implements Provider {
  /** Nova's limits on server metadata. */
  private static final int MAX_METADATA_ITEMS = 128;
  private static final int MAX_METADATA_LENGTH = 255;
  /** The ownership marks ({@link dev.hermitcloud.resource.Ownership#toLabels()}) on every server. */
  private static final int OWNERSHIP_ITEMS = 3;
  /** Image attributes Glance keeps for itself, which labels must not overwrite. */
  private static final Set<String> GLANCE_ATTRIBUTES = Set.of("id", "name", "status", "visibility", "protected",
      "os_hidden", "checksum", "owner", "size", "virtual_size", "container_format", "disk_format", "created_at",
      "updated_at", "tags", "min_disk", "min_ram", "description", "self", "file", "schema", "locations",
      "direct_url", "os_hash_algo", "os_hash_value", "stores");

  private final Clients clients;
  private final GlanceImages images;
  private final NeutronSecurityGroups firewalls;
  private final NovaServers servers;
  private final NovaServerGroups serverGroups;
  private final Optional<ServerGroupPolicy> serverGroupPolicy;
  private final NeutronFloatingIps floatingIps;
  private final boolean wantsFloatingIps;
  private final NeutronLocks locks;
  private final NovaConsole console;

  OpenStackProvider(OpenStack target, CloudConfig config) {
    this.clients = new Clients(TokenSource.of(config), Facing.value(config.endpointInterface()),
        target.region().or(config::region));
    this.images = new GlanceImages(clients, target.imageFormat());
    this.firewalls = new NeutronSecurityGroups(clients);
    FloatingIpPolicy policy = new FloatingIpPolicy(new Networks(), target.network(), target.floatingIpNetwork());
    this.serverGroups = new NovaServerGroups(clients);
    this.serverGroupPolicy = target.serverGroup();
    this.servers = new NovaServers(clients, policy, serverGroups);
    this.floatingIps = new NeutronFloatingIps(clients, servers, policy);
    this.wantsFloatingIps = policy.wanted();
    OpenStackHttp http = new OpenStackHttp(clients);
    this.locks = new NeutronLocks(new NeutronRest(clients, http));
    this.console = new NovaConsole(servers, http);
  }

  @Override
  public Optional<DeploymentLocks> locks() {
    return Optional.of(locks);
  }

  @Override
  public String name() {
    return "openstack";
  }

  @Override
  public List<ResourceDriver<?>> drivers() {
    return List.of(images, firewalls, serverGroups, servers, floatingIps);
  }

  /**
   * The Glance image, the security group, the servers and, when the target asks, a server group they are
   * booted into and a floating IP each.
   */
  @Override
  public List<ResourceSpec> resources(DeploymentSpec spec, ResolvedMachineType machineType) {
    DeploymentResources portable = DeploymentResources.of(spec, machineType).withFirewall().createBeforeDelete().build();
    List<ResourceSpec> all = new ArrayList<>(portable.all());
    Optional<ServerGroupPolicy> policy = placementOf(spec);
    if (policy.isPresent()) {
      ServerGroupSpec group = ServerGroupSpec.builder().deployment(spec.name()).policy(policy.get()).build();
      ResourceRef placement = new ResourceRef(OpenStack.SERVER_GROUP, group.name());
      all.replaceAll(r -> r instanceof InstanceSpec instance ? InstanceSpec.builder().from(instance).placement(placement).build() : r);
      all.add(group);
    }
    if (wantsFloatingIps) {
      for (InstanceSpec instance : portable.instances()) {
        all.add(FloatingIpSpec.builder().instance(instance.name()).otherInstance(instance.otherName())
            .deployment(instance.deployment()).network(instance.network()).build());
      }
    }
    return all;
  }

  /**
   * The server group's policy: the target's, or for a managed group without one anti-affinity, since a
   * group is asked for so that one host's failure does not take every server.
   */
  private Optional<ServerGroupPolicy> placementOf(DeploymentSpec spec) {
    return spec.group().isPresent() ? Optional.of(serverGroupPolicy.orElse(ServerGroupPolicy.ANTI_AFFINITY)) : serverGroupPolicy;
  }

  /** A managed group is {@code size} servers in a Nova server group (see {@link #resources}). */
  @Override
  public boolean managesGroups() {
    return true;
  }

  @Override
  public ResolvedMachineType resolve(MachineType type, int diskGib) throws Exception {
    return Flavors.resolve(clients.os(), type, diskGib);
  }

  @Override
  public ConsoleReader console() {
    return console;
  }

  @Override
  public void validate(DeploymentSpec spec) {
    spec.group().ifPresent(group -> {
      if (group.isRegional()) {
        // a server group spreads its servers by its policy over hosts; Nova has no group that spans zones
        throw new InvalidSpecException("group.regional", true, "is not something OpenStack's Nova does: a server group"
            + " spreads its servers over hosts by its policy (anti-affinity by default), so leave regional() out");
      }
      group.autoscaling().ifPresent(bounds -> {
        // Nova sizes nothing itself (autoscaling needs Heat or Senlin, which the SDK does not drive)
        throw new InvalidSpecException("group.autoscale", bounds,
            "is not something OpenStack's Nova does: give a fixed size, Group.managed().size(" + group.initialSize() + ")");
      });
    });
    int items = spec.metadata().size() + spec.labels().size() + OWNERSHIP_ITEMS;
    if (items > MAX_METADATA_ITEMS) {
      throw new InvalidSpecException("deployment.metadata", items + " items with the labels",
          "is more than Nova keeps per server (" + MAX_METADATA_ITEMS + ", of which 3 are hermit-cloud's)");
    }
    spec.metadata().forEach((key, value) -> {
      if (value.length() > MAX_METADATA_LENGTH) {
        throw new InvalidSpecException("deployment.metadata[" + key + "]", value.length() + " characters",
            "is longer than the " + MAX_METADATA_LENGTH + " characters Nova keeps per metadata value");
      }
    });
    spec.labels().keySet().stream().filter(GLANCE_ATTRIBUTES::contains).findFirst().ifPresent(key -> {
      throw new InvalidSpecException("deployment.labels", key,
          "is an attribute of Glance images, where OpenStack keeps labels: choose another key");
    });
  }

  @Override
  public Exception translate(Exception error) {
    return CloudErrors.translate(error, clients);
  }
}
