package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.DeleteInstanceGroupManagerRequest;
import com.google.cloud.compute.v1.FixedOrPercent;
import com.google.cloud.compute.v1.InsertInstanceGroupManagerRequest;
import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.InstanceGroupManagerAutoHealingPolicy;
import com.google.cloud.compute.v1.InstanceGroupManagerUpdatePolicy;
import com.google.cloud.compute.v1.ListInstanceGroupManagersRequest;
import com.google.cloud.compute.v1.ManagedInstance;
import com.google.cloud.compute.v1.PatchInstanceGroupManagerRequest;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.GroupMembers;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.ImmutableOwnership;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Zonal managed instance groups: created with their size, autohealing and rolling-update policy, then
 * patched in place (a new template rolls out by GCE's own rolling update), and waited for until every
 * machine runs the group's template ({@link RolloutWait}). The members are the group's, not the
 * deployment's: {@link #members} reads them for endpoints and the health wait.
 */
final class GceInstanceGroups implements ResourceDriver<GroupSpec>, GroupMembers {
  /** Attribute: the template the group makes machines from. */
  static final String TEMPLATE = "instanceTemplate";

  private final GceClients clients;
  private final Gce target;
  private final GceInstances instances;

  GceInstanceGroups(GceClients clients, Gce target, GceInstances instances) {
    this.clients = clients;
    this.target = target;
    this.instances = instances;
  }

  @Override
  public ResourceKind kind() {
    return Gce.INSTANCE_GROUP;
  }

  @Override
  public Optional<Observed> read(String name) {
    try {
      return Optional.of(observe(clients.instanceGroups.get(target.project(), target.zone(), name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    return Owned.of(clients.instanceGroups.list(ListInstanceGroupManagersRequest.newBuilder()
        .setProject(target.project()).setZone(target.zone()).build()).iterateAll(), this::observe, deployment);
  }

  @Override
  public Operation create(GroupSpec spec, CallContext context) {
    InstanceGroupManager group = settings(spec).setName(spec.name()).setBaseInstanceName(spec.name())
        .setTargetSize(spec.initialSize())
        .setDescription(Owned.description("group", spec.deployment(), context.ownership()))
        .build();
    com.google.cloud.compute.v1.Operation started = clients.instanceGroups.insertCallable().call(
        InsertInstanceGroupManagerRequest.newBuilder().setProject(target.project()).setZone(target.zone())
            .setRequestId(context.requestId()).setInstanceGroupManagerResource(group).build());
    return new RolloutWait(clients, target, spec, GceOperation.zonal(clients, target.project(), target.zone(),
        "insert instance group " + spec.name(), started));
  }

  /**
   * A group still rolling (left so by an earlier run, or by GCE's own repairs) is waited for like one just
   * changed, so a kept group is settled when the apply returns, and a stalled rollout fails with its reason.
   */
  @Override
  public Optional<Operation> resume(Observed current, GroupSpec spec, CallContext context) {
    return Optional.of(RolloutWait.of(clients, target, spec));
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
    com.google.cloud.compute.v1.Operation started = clients.instanceGroups.patchCallable().call(
        PatchInstanceGroupManagerRequest.newBuilder().setProject(target.project()).setZone(target.zone())
            .setInstanceGroupManager(spec.name()).setRequestId(context.requestId())
            .setInstanceGroupManagerResource(patch.build()).build());
    return new RolloutWait(clients, target, spec, GceOperation.zonal(clients, target.project(), target.zone(),
        "patch instance group " + spec.name(), started));
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    // deleting a group deletes its machines, and its operation ends when they are gone
    com.google.cloud.compute.v1.Operation started = clients.instanceGroups.deleteCallable().call(
        DeleteInstanceGroupManagerRequest.newBuilder().setProject(target.project()).setZone(target.zone())
            .setInstanceGroupManager(current.name()).setRequestId(context.requestId()).build());
    return GceOperation.zonal(clients, target.project(), target.zone(), "delete instance group " + current.name(), started);
  }

  /** The group's machines that are not on their way out, read as instances, by name. */
  @Override
  public List<Observed> members(Observed group) {
    TreeSet<String> names = new TreeSet<>();
    for (ManagedInstance member : clients.instanceGroups.listManagedInstances(target.project(), target.zone(), group.name())
        .iterateAll()) {
      if (!"DELETING".equals(member.getCurrentAction()) && !"ABANDONING".equals(member.getCurrentAction())) {
        names.add(UrlNames.nameIn(member.getInstance()));
      }
    }
    Map<String, Observed> found = instances.readAll(names);
    return names.stream().filter(found::containsKey).map(found::get).toList();
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
    return Observed.builder().kind(Gce.INSTANCE_GROUP).name(group.getName()).owner(owner)
        .state(settled ? dev.hermitcloud.resource.ResourceState.READY : dev.hermitcloud.resource.ResourceState.PENDING)
        .putAttributes(TEMPLATE, template)
        .putAttributes("stable", String.valueOf(group.getStatus().getIsStable()))
        .build();
  }

}
