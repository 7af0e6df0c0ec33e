package dev.hermitcloud.openstack;

import dev.hermitcloud.CloudException;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.ImmutableOwnership;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.ServerGroup;

/**
 * Nova server groups. A group has no field for marks, so its name is the mark ({@link ServerGroupSpec}):
 * a group named {@code hermit-<deployment>-<policy>} whose policy is that policy is the deployment's,
 * with the fingerprint its name and policy give. Creating and deleting a group are synchronous in Nova,
 * and a group may be deleted while servers are still in it. Nova lists a project's groups in one answer.
 */
final class NovaServerGroups implements ResourceDriver<ServerGroupSpec>, ListReads {
  /** How many servers are in the group: what a plan shows. */
  static final String MEMBERS = "members";

  private final Clients clients;

  NovaServerGroups(Clients clients) {
    this.clients = clients;
  }

  @Override
  public ResourceKind kind() {
    return OpenStack.SERVER_GROUP;
  }

  @Override
  public Optional<Observed> read(String name) throws Exception {
    return Optional.ofNullable(readAll(Set.of(name)).get(name));
  }

  /**
   * The groups of these names. Nova lets names repeat; where a lost answer left two, the one with more
   * members is the deployment's and the other is left to the user (it holds nothing of the deployment's).
   */
  @Override
  public Map<String, Observed> readAll(Set<String> names) throws Exception {
    Map<String, ServerGroup> chosen = new LinkedHashMap<>();
    all().stream().filter(g -> names.contains(g.getName()))
        .sorted(Comparator.comparingInt((ServerGroup g) -> members(g)).reversed())
        .forEach(g -> chosen.putIfAbsent(g.getName(), g));
    Map<String, Observed> found = new LinkedHashMap<>();
    chosen.forEach((name, group) -> found.put(name, observe(group)));
    return found;
  }

  @Override
  public List<Observed> listOwned(String deployment) throws Exception {
    Map<String, Observed> owned = new LinkedHashMap<>();
    for (ServerGroup group : all()) {
      Observed seen = observe(group);
      if (seen.ownedBy(deployment)) {
        owned.putIfAbsent(seen.name(), seen);
      }
    }
    return List.copyOf(owned.values());
  }

  /** Servers find their group by name when they boot ({@link NovaServers}). */
  String idOf(String name) throws Exception {
    return read(name).flatMap(o -> o.attribute(Observed.ID))
        .orElseThrow(() -> new CloudException(409, "server group " + name + " is missing; re-run apply"));
  }

  @Override
  public Operation create(ServerGroupSpec spec, CallContext context) throws Exception {
    ServerGroup created = clients.os().compute().serverGroups().create(spec.name(), spec.policy().nova());
    if (created == null || created.getId() == null) {
      throw new CloudException(502, "Nova answered the creation of server group " + spec.name() + " without a group");
    }
    return Operation.completed("create server group " + spec.name());
  }

  @Override
  public Operation delete(Observed current, CallContext context) throws Exception {
    ActionResponse response = clients.os().compute().serverGroups().delete(current.attribute(Observed.ID).orElseThrow());
    if (response.getCode() != 404) {
      CloudErrors.check(response, "delete server group " + current.name());
    }
    return Operation.completed("delete server group " + current.name());
  }

  private List<? extends ServerGroup> all() throws Exception {
    return clients.os().compute().serverGroups().list();
  }

  private static Observed observe(ServerGroup group) {
    return Observed.builder().kind(OpenStack.SERVER_GROUP).name(group.getName()).owner(owner(group))
        .putAttributes(Observed.ID, group.getId()).putAttributes(MEMBERS, Integer.toString(members(group))).build();
  }

  /** The marks the name and policy make, for a group named as {@link ServerGroupSpec#nameOf} names them. */
  private static Optional<Ownership> owner(ServerGroup group) {
    List<String> policies = group.getPolicies();
    ServerGroupPolicy policy = policies == null || policies.size() != 1 ? null : ServerGroupPolicy.fromNova(policies.get(0));
    if (policy == null) {
      return Optional.empty();
    }
    String fingerprint = ServerGroupSpec.fingerprintOf(group.getName(), policy);
    return ServerGroupSpec.deploymentOf(group.getName(), policy).map(deployment -> ImmutableOwnership.builder()
        .deployment(deployment).fingerprint(fingerprint).replaceFingerprint(fingerprint).build());
  }

  private static int members(ServerGroup group) {
    return group.getMembers() == null ? 0 : group.getMembers().size();
  }
}
