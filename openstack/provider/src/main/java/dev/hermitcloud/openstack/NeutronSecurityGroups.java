package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.FirewallSpec;
import dev.hermitcloud.resource.Names;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceState;
import dev.hermitcloud.CloudException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openstack4j.api.Builders;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.network.SecurityGroup;

/**
 * The deployment's Neutron security group, {@code hermit-<deployment>}, with one ingress rule per exposed
 * port range and source, and the ownership marks in its description (groups have no labels). Rules are
 * added and removed in place when the ports change ({@link RuleSync}), within the create or update call.
 *
 * <p>A new group is created with a {@value #UNFINISHED} mark, removed once its rules are written, so a
 * group left half-made reads as pending and is finished by {@link #resume}.
 */
final class NeutronSecurityGroups implements ResourceDriver<FirewallSpec>, ListReads {
  static final String UNFINISHED = "hermit-unfinished=rules";

  private final Clients clients;

  NeutronSecurityGroups(Clients clients) {
    this.clients = clients;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.FIREWALL;
  }

  @Override
  public Optional<Observed> read(String name) throws Exception {
    return Optional.ofNullable(readAll(Set.of(name)).get(name));
  }

  /**
   * One paged list: filtered on the name when there is one, else the project's groups, since Neutron's
   * filters are equalities joined by AND with no OR between values
   * (https://docs.openstack.org/api-ref/network/v2/#filtering-and-column-selection).
   */
  @Override
  public Map<String, Observed> readAll(Set<String> names) throws Exception {
    var groups = clients.os().networking().securitygroup();
    Map<String, String> query = names.size() == 1 ? Map.of("name", names.iterator().next()) : Map.of();
    Map<String, SecurityGroup> chosen = new LinkedHashMap<>();
    for (SecurityGroup g : MarkerPages.<SecurityGroup>all(query, q -> groups.list(q), SecurityGroup::getId)) {
      // as Neutron allows two groups of one name: prefer one we marked
      if (names.contains(g.getName())) {
        chosen.merge(g.getName(), g, (kept, other) -> marked(kept) || !marked(other) ? kept : other);
      }
    }
    Map<String, Observed> found = new LinkedHashMap<>();
    chosen.forEach((name, g) -> found.put(name, observe(g)));
    return found;
  }

  private static boolean marked(SecurityGroup group) {
    return Ownership.fromDescription(group.getDescription()).isPresent();
  }

  @Override
  public List<Observed> listOwned(String deployment) throws Exception {
    var groups = clients.os().networking().securitygroup();
    return MarkerPages.<SecurityGroup>all(Map.of("name", Names.firewall(deployment)), q -> groups.list(q), SecurityGroup::getId)
        .stream().map(NeutronSecurityGroups::observe).filter(o -> o.ownedBy(deployment)).toList();
  }

  @Override
  public Operation create(FirewallSpec spec, CallContext context) throws Exception {
    SecurityGroup group = clients.os().networking().securitygroup().create(Builders.securityGroup().name(spec.name())
        .description(context.ownership().toDescriptionLine() + " " + UNFINISHED).build());
    return new RuleSync(clients, group.getId(), spec, context.ownership(), "create").run();
  }

  @Override
  public Optional<Operation> resume(Observed current, FirewallSpec spec, CallContext context) throws Exception {
    return Optional.of(new RuleSync(clients, id(current), spec, context.ownership(), "finish").run());
  }

  @Override
  public boolean updatesInPlace() {
    return true;
  }

  @Override
  public Operation update(Observed current, FirewallSpec spec, CallContext context) throws Exception {
    return new RuleSync(clients, id(current), spec, context.ownership(), "update").run();
  }

  @Override
  public Operation delete(Observed current, CallContext context) throws Exception {
    String description = "delete firewall " + current.name();
    ActionResponse response = clients.os().networking().securitygroup().delete(id(current));
    if (response.getCode() == 409 && String.valueOf(response.getFault()).contains("in use")) {
      // Neutron frees the ports of a deleted server a moment after Nova reports it gone: the engine
      // sends the delete again once the port is gone
      throw new CloudException(409, description + ": still in use by a port Neutron has not released yet",
          Duration.ofSeconds(1), null);
    }
    if (!response.isSuccess() && response.getCode() != 404) {
      CloudErrors.check(response, description);
    }
    return Operation.completed(description);
  }

  private static Observed observe(SecurityGroup group) {
    String description = group.getDescription() == null ? "" : group.getDescription();
    var observed = Observed.builder().kind(ResourceKind.FIREWALL).name(group.getName())
        .owner(Ownership.fromDescription(description)).putAttributes(Observed.ID, group.getId());
    if (description.contains(UNFINISHED)) {
      observed.state(ResourceState.PENDING).stateMessage("its rules are not all written yet");
    }
    return observed.build();
  }

  private static String id(Observed observed) {
    return observed.attribute(Observed.ID).orElseThrow();
  }
}
