package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.CloudException;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.InstanceSpec;
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
import java.util.function.Function;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.Address;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.builder.ServerCreateBuilder;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.SecurityGroup;

/**
 * Nova servers booting the deployment's image, on its flavor and network, in its security group, with the
 * ownership marks as server metadata. A server's floating IP is a resource of its own
 * ({@link NeutronFloatingIps}); reading a server reports it as the server's address.
 */
final class NovaServers implements ResourceDriver<InstanceSpec>, ListReads {
  static final Set<Server.Status> PENDING = Set.of(Server.Status.BUILD, Server.Status.REBUILD, Server.Status.REBOOT,
      Server.Status.HARD_REBOOT, Server.Status.MIGRATING, Server.Status.RESIZE, Server.Status.VERIFY_RESIZE,
      Server.Status.REVERT_RESIZE, Server.Status.PASSWORD, Server.Status.UNKNOWN);

  private final Clients clients;
  private final FloatingIpPolicy floatingIps;
  private final NovaServerGroups groups;

  NovaServers(Clients clients, FloatingIpPolicy floatingIps, NovaServerGroups groups) {
    this.clients = clients;
    this.floatingIps = floatingIps;
    this.groups = groups;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.INSTANCE;
  }

  @Override
  public Optional<Observed> read(String name) throws Exception {
    OSClientV3 os = clients.os();
    // Nova matches names as regular expressions, and does not keep them unique: prefer one we marked
    Optional<? extends Server> server = os.compute().servers().list(Map.of("name", "^" + name + "$")).stream()
        .filter(s -> name.equals(s.getName()))
        .max(Comparator.comparing((Server s) -> owner(s).isPresent()));
    return server.map(s -> observe(s, floatingIps.wanted() ? id -> FloatingIps.of(os, id).stream()
        .map(NetFloatingIP::getFloatingIpAddress).findFirst() : id -> Optional.empty()));
  }

  /**
   * The servers of these names from one paged list (Nova's {@code name} filter is a regular expression,
   * https://docs.openstack.org/api-ref/compute/#list-servers-detailed), and when floating IPs are wanted
   * their addresses from two Neutron lists, the project's ports and floating IPs, instead of two calls
   * per server.
   */
  @Override
  public Map<String, Observed> readAll(Set<String> names) throws Exception {
    OSClientV3 os = clients.os();
    Map<String, Server> chosen = new LinkedHashMap<>();
    for (String pattern : NamePatterns.anchored(names)) {
      for (Server s : MarkerPages.<Server>all(Map.of("name", pattern), q -> os.compute().servers().list(q), Server::getId)) {
        // as read: among servers of one name, prefer one we marked
        if (names.contains(s.getName())) {
          chosen.merge(s.getName(), s, (kept, other) -> owner(kept).isEmpty() && owner(other).isPresent() ? other : kept);
        }
      }
    }
    Map<String, String> floating = floatingIps.wanted()
        && chosen.values().stream().anyMatch(s -> s.getStatus() == Server.Status.ACTIVE)
        ? FloatingIps.addressesByServer(os) : Map.of();
    Map<String, Observed> found = new LinkedHashMap<>();
    chosen.forEach((name, s) -> found.put(name, observe(s, id -> Optional.ofNullable(floating.get(id)))));
    return found;
  }

  @Override
  public List<Observed> listOwned(String deployment) throws Exception {
    OSClientV3 os = clients.os();
    return MarkerPages.<Server>all(Map.of("name", "^" + deployment), q -> os.compute().servers().list(q), Server::getId)
        .stream().map(s -> observe(s, null)).filter(o -> o.ownedBy(deployment)).toList();
  }

  @Override
  public Operation create(InstanceSpec spec, CallContext context) throws Exception {
    OSClientV3 os = clients.os();
    Map<String, String> metadata = new LinkedHashMap<>(spec.labels());
    metadata.putAll(spec.metadata());
    metadata.putAll(context.ownership().toLabels());
    ServerCreateBuilder server = Builders.server().name(spec.name()).image(imageId(os, spec))
        .flavor(spec.resolvedMachineType().id()).networks(List.of(floatingIps.tenantNetworkId(os, spec.network())))
        .addMetadata(metadata);
    if (spec.firewallName().isPresent()) {
      // Nova takes a group's id where it asks for a name, and an id cannot be ambiguous
      server.addSecurityGroup(securityGroupId(os, spec.firewallName().get(), spec.deployment()));
    }
    if (spec.placement().isPresent()) {
      server.addSchedulerHint("group", groups.idOf(spec.placement().get().name()));
    }
    Server booted = os.compute().servers().boot(server.build());
    return new ServerCompletion(clients, booted.getId(), spec);
  }

  @Override
  public Operation delete(Observed current, CallContext context) throws Exception {
    OSClientV3 os = clients.os();
    String id = id(current);
    ActionResponse response = os.compute().servers().delete(id);
    if (response.getCode() == 404) {
      return Operation.completed("delete instance " + current.name());
    }
    CloudErrors.check(response, "delete server " + current.name());
    // openstack4j reports a delete answered 429 or 503 as a success: make sure Nova took it, else the
    // engine sends it again
    Server after = os.compute().servers().get(id);
    if (after != null && after.getStatus() != Server.Status.DELETED && !"deleting".equals(after.getTaskState())) {
      throw new CloudException(503, "Nova did not take the delete of server " + current.name() + " (" + id + ")",
          Duration.ofSeconds(1), null);
    }
    return new ServerDeletion(clients, id, current.name());
  }

  /** Why a server in a settled state other than ACTIVE and ERROR (SHUTOFF, PAUSED, ...) is not usable. */
  static String notRunning(Server.Status status) {
    return status.name() + ": the machine is not running";
  }

  /** Nova's reason for an ERROR, naming the server. */
  static String faultMessage(Server server) {
    String fault = server.getFault() == null || server.getFault().getMessage() == null
        ? "Nova gave no fault message" : server.getFault().getMessage();
    return "server " + server.getName() + " (" + server.getId() + ") went to ERROR: " + fault;
  }

  /** @param neutronFloating the server's floating address by its id, as Neutron has it; null to take Nova's */
  private Observed observe(Server server, Function<String, Optional<String>> neutronFloating) {
    var observed = Observed.builder().kind(ResourceKind.INSTANCE).name(server.getName()).owner(owner(server))
        .putAttributes(Observed.ID, server.getId());
    String flavor = server.getFlavorId() != null ? server.getFlavorId()
        : server.getFlavor() == null ? null : server.getFlavor().getId();
    if (flavor != null) {
      observed.putAttributes(Observed.MACHINE_TYPE, flavor);
    }
    Optional<String> fixed = address(server, "fixed");
    Optional<String> floating = address(server, "floating");
    fixed.ifPresent(a -> observed.putAttributes(Observed.PRIVATE_ADDRESS, a));
    Server.Status status = server.getStatus() == null ? Server.Status.UNKNOWN : server.getStatus();
    observed.putAttributes(Observed.STATUS, status.name());
    if (status == Server.Status.DELETED || "deleting".equals(server.getTaskState())) {
      observed.state(ResourceState.DELETING);
    } else if (status == Server.Status.ACTIVE) {
      if (neutronFloating != null) {
        // Nova's address list lags behind Neutron: ask Neutron
        floating = neutronFloating.apply(server.getId());
      }
    } else if (status == Server.Status.ERROR) {
      observed.state(ResourceState.FAILED).stateMessage(faultMessage(server));
    } else if (PENDING.contains(status)) {
      observed.state(ResourceState.PENDING).stateMessage(status.name());
    } else {
      observed.state(ResourceState.FAILED).stateMessage(notRunning(status));
    }
    floating.or(() -> fixed).ifPresent(a -> observed.putAttributes(Observed.ADDRESS, a));
    return observed.build();
  }

  private static Optional<String> address(Server server, String type) {
    if (server.getAddresses() == null || server.getAddresses().getAddresses() == null) {
      return Optional.empty();
    }
    return server.getAddresses().getAddresses().values().stream().flatMap(List::stream)
        .filter(a -> a.getVersion() == 4 || a.getVersion() == 0)
        .filter(a -> type.equals(a.getType()) || type.equals("fixed") && a.getType() == null)
        .map(Address::getAddr).findFirst();
  }

  private static String imageId(OSClientV3 os, InstanceSpec spec) throws CloudException {
    return os.imagesV2().list(Map.of("name", spec.imageName())).stream()
        .filter(i -> spec.imageName().equals(i.getName()) && i.getStatus() == Image.ImageStatus.ACTIVE)
        .filter(i -> GlanceImages.owner(i).map(o -> o.ownedBy(spec.deployment())).orElse(false))
        .map(Image::getId).findFirst()
        .orElseThrow(() -> new CloudException(409, "image " + spec.imageName() + " is not active in Glance; re-run apply"));
  }

  private static String securityGroupId(OSClientV3 os, String name, String deployment) throws CloudException {
    return os.networking().securitygroup().list(Map.of("name", name)).stream()
        .filter(g -> name.equals(g.getName()))
        .filter(g -> Ownership.fromDescription(g.getDescription()).map(o -> o.ownedBy(deployment)).orElse(false))
        .map(SecurityGroup::getId).findFirst()
        .orElseThrow(() -> new CloudException(409, "security group " + name + " is missing; re-run apply"));
  }

  private static Optional<Ownership> owner(Server server) {
    return Ownership.fromLabels(server.getMetadata() == null ? Map.of() : server.getMetadata());
  }

  private static String id(Observed observed) {
    return observed.attribute(Observed.ID).orElseThrow();
  }
}
