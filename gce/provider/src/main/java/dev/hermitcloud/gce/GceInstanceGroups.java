package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.FixedOrPercent;
import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.InstanceGroupManagerAutoHealingPolicy;
import com.google.cloud.compute.v1.InstanceGroupManagerUpdatePolicy;
import com.google.cloud.compute.v1.ManagedInstance;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.GroupMembers;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.ImmutableOwnership;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Managed instance groups of one zone or of a region ({@link GroupScopes}): created with their size, autohealing and rolling-update policy, then
 * patched in place (a new template rolls out by GCE's own rolling update), and waited for until every
 * machine runs the group's template ({@link RolloutWait}). The members are the group's, not the
 * deployment's: {@link #members} reads them for endpoints and the health wait.
 */
final class GceInstanceGroups implements ResourceDriver<GroupSpec>, GroupMembers {
  /** Attribute: the template the group makes machines from. */
  static final String TEMPLATE = "instanceTemplate";

  private final GroupScopes groups;
  private final Gce target;
  private final GceInstances instances;

  GceInstanceGroups(GroupScopes groups, Gce target, GceInstances instances) {
    this.groups = groups;
    this.target = target;
    this.instances = instances;
  }

  @Override
  public ResourceKind kind() {
    return groups.kind();
  }

  @Override
  public Optional<Observed> read(String name) {
    try {
      return Optional.of(observe(groups.get(name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    return Owned.of(groups.list(), this::observe, deployment);
  }

  @Override
  public Operation create(GroupSpec spec, CallContext context) {
    InstanceGroupManager group = settings(spec).setName(spec.name()).setBaseInstanceName(spec.name())
        .setTargetSize(spec.initialSize())
        .setDescription(Owned.description("group", spec.deployment(), context.ownership()))
        .build();
    return new RolloutWait(groups, spec, groups.insert(group, context.requestId()));
  }

  /**
   * A group still rolling (left so by an earlier run, or by GCE's own repairs) is waited for like one just
   * changed, so a kept group is settled when the apply returns, and a stalled rollout fails with its reason.
   */
  @Override
  public Optional<Operation> resume(Observed current, GroupSpec spec, CallContext context) {
    return Optional.of(RolloutWait.of(groups, spec));
  }

  /** What a patch can change: template, size (unless autoscaled), autohealing and the rollout's limits. */
  @Override
  public boolean updatesInPlace() {
    return true;
  }

  @Override
  public Operation update(Observed current, GroupSpec spec, CallContext context) {
    InstanceGroupManager.Builder patch = settings(spec);
    if (!spec.autoscaled()) {
      patch.setTargetSize(spec.initialSize());
    }
    // JSON merge patch (https://cloud.google.com/compute/docs/reference/rest/v1/instanceGroupManagers/patch):
    // the fields sent replace the group's, and a new instanceTemplate starts a PROACTIVE rolling update
    return new RolloutWait(groups, spec, groups.patch(spec.name(), patch.build(), context.requestId()));
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    // deleting a group deletes its machines, and its operation ends when they are gone
    return groups.delete(current.name(), context.requestId());
  }

  /**
   * The group's machines that are not on their way out, read as instances, by name: one list per zone they
   * are in (a regional group's are in several, each named in its member's URL).
   */
  @Override
  public List<Observed> members(Observed group) {
    Map<String, TreeSet<String>> namesByZone = new TreeMap<>();
    for (ManagedInstance member : groups.members(group.name())) {
      if (!"DELETING".equals(member.getCurrentAction()) && !"ABANDONING".equals(member.getCurrentAction())) {
        namesByZone.computeIfAbsent(GroupScopes.zoneIn(member.getInstance()), z -> new TreeSet<>())
            .add(UrlNames.nameIn(member.getInstance()));
      }
    }
    List<Observed> found = new ArrayList<>();
    namesByZone.forEach((zone, names) -> {
      Map<String, Observed> read = instances.readAll(zone, names);
      names.stream().filter(read::containsKey).map(read::get).forEach(found::add);
    });
    found.sort(java.util.Comparator.comparing(Observed::name));
    return found;
  }


  private InstanceGroupManager.Builder settings(GroupSpec spec) {
    InstanceGroupManager.Builder group = InstanceGroupManager.newBuilder()
        .setInstanceTemplate("projects/" + target.project() + "/global/instanceTemplates/" + spec.templateName())
        // PROACTIVE with REPLACE: a new template replaces every machine, new ones first as far as maxSurge
        // allows (https://cloud.google.com/compute/docs/instance-groups/rolling-out-updates-to-managed-instance-groups)
        .setUpdatePolicy(InstanceGroupManagerUpdatePolicy.newBuilder().setType("PROACTIVE").setMinimalAction("REPLACE")
            .setMaxSurge(FixedOrPercent.newBuilder().setFixed(spec.maxSurge()))
            .setMaxUnavailable(FixedOrPercent.newBuilder().setFixed(spec.maxUnavailable())));
    spec.healthCheckName().ifPresent(check -> group.addAutoHealingPolicies(InstanceGroupManagerAutoHealingPolicy.newBuilder()
        .setHealthCheck("projects/" + target.project() + "/global/healthChecks/" + check)
        .setInitialDelaySec(spec.healingDelaySec())));
    return group;
  }

  /**
   * The group as GCE reports it. Its description holds who owns it and its identity; what it is now comes
   * from its own fields, so a patched group reads as what the patch made it.
   */
  private Observed observe(InstanceGroupManager group) {
    Optional<Ownership> marks = Ownership.fromDescription(group.getDescription());
    String template = UrlNames.nameIn(group.getInstanceTemplate());
    boolean autoscaled = group.hasStatus() && !group.getStatus().getAutoscaler().isEmpty();
    Optional<String> healthCheck = group.getAutoHealingPoliciesList().stream().findFirst()
        .map(p -> UrlNames.nameIn(p.getHealthCheck()));
    int delay = group.getAutoHealingPoliciesList().stream().findFirst().map(p -> p.getInitialDelaySec()).orElse(0);
    InstanceGroupManagerUpdatePolicy policy = group.getUpdatePolicy();
    Optional<Ownership> owner = marks.map(m -> ImmutableOwnership.builder().from(m)
        .fingerprint(GroupSpec.fingerprintOf(m.replaceFingerprint(), template,
            autoscaled ? Optional.empty() : Optional.of(group.getTargetSize()), healthCheck, delay,
            policy.getMaxSurge().getFixed(), policy.getMaxUnavailable().getFixed()))
        .build());
    boolean settled = group.getStatus().getIsStable() && group.getStatus().getVersionTarget().getIsReached();
    return Observed.builder().kind(groups.kind()).name(group.getName()).owner(owner)
        .state(settled ? dev.hermitcloud.resource.ResourceState.READY : dev.hermitcloud.resource.ResourceState.PENDING)
        .putAttributes(TEMPLATE, template)
        .putAttributes("stable", String.valueOf(group.getStatus().getIsStable()))
        .build();
  }

}
