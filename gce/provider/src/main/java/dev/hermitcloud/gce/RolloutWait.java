package dev.hermitcloud.gce;

import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.ManagedInstance;
import com.google.cloud.compute.v1.ManagedInstanceInstanceHealth;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Waits for a managed group to hold what its insert or patch asked for. GCE ends the operation once the
 * group itself is changed, while its machines are still being made or replaced
 * (https://cloud.google.com/compute/docs/reference/rest/v1/instanceGroupManagers/patch), so after the
 * operation each poll reads the group: done when it is stable and every machine runs the template
 * ({@code status.isStable}, {@code status.versionTarget.isReached}).
 *
 * <p>A rollout GCE cannot finish on its own fails here, with the machines and the reason: a new machine
 * its health check finds unhealthy (autohealing recreates it for ever, while the surge leaves the old
 * machines serving), or one GCE cannot create (its last attempt's errors, such as a quota).
 */
final class RolloutWait implements Operation {
  private final GroupScopes groups;
  private final GroupSpec spec;
  private final java.util.Optional<GceOperation> change;

  RolloutWait(GroupScopes groups, GroupSpec spec, GceOperation change) {
    this(groups, spec, java.util.Optional.of(change));
  }

  /** The wait alone, for a group a run before changed and did not see settle. */
  static RolloutWait of(GroupScopes groups, GroupSpec spec) {
    return new RolloutWait(groups, spec, java.util.Optional.empty());
  }

  private RolloutWait(GroupScopes groups, GroupSpec spec, java.util.Optional<GceOperation> change) {
    this.groups = groups;
    this.spec = spec;
    this.change = change;
  }

  @Override
  public String description() {
    return change.map(c -> c.description() + " and wait").orElse("wait") + " until every machine of group " + spec.name()
        + " runs " + spec.templateName();
  }

  @Override
  public OperationStatus poll() throws Exception {
    if (change.isPresent()) {
      OperationStatus changed = change.get().poll();
      if (!(changed instanceof OperationStatus.Done)) {
        return changed;
      }
    }
    InstanceGroupManager group = groups.get(spec.name());
    boolean settled = group.getStatus().getIsStable() && group.getStatus().getVersionTarget().getIsReached();
    List<String> stuck = new ArrayList<>();
    int onTemplate = 0;
    int members = 0;
    for (ManagedInstance member : groups.members(spec.name())) {
      members++;
      boolean current = UrlNames.nameIn(member.getVersion().getInstanceTemplate()).equals(spec.templateName());
      onTemplate += current ? 1 : 0;
      String name = UrlNames.nameIn(member.getInstance());
      if (member.hasLastAttempt() && member.getLastAttempt().getErrors().getErrorsCount() > 0) {
        stuck.add(name + " could not be created: " + member.getLastAttempt().getErrors().getErrorsList().stream()
            .map(e -> e.getCode() + ": " + e.getMessage()).collect(Collectors.joining("; ")));
      } else if (current && unhealthy(member)) {
        stuck.add(name + " fails health check " + spec.healthCheckName().orElse("?") + " ("
            + member.getInstanceHealthList().get(0).getDetailedHealthState() + ")");
      }
    }
    // a machine on its way out may still be listed as the group turns stable: done once only its size is left
    if (settled && onTemplate == members && members == group.getTargetSize()) {
      return OperationStatus.done();
    }
    if (!stuck.isEmpty()) {
      return OperationStatus.failed("the rollout of group " + spec.name() + " to template " + spec.templateName()
          + " stopped: " + String.join("; ", stuck) + ". Machines of the earlier template go only as new ones become"
          + " healthy, so all but at most " + spec.maxUnavailable() + " (maxUnavailable) of them still serve. Fix the app"
          + " (its console: hermit logs <machine>) or the health check, and apply again");
    }
    return OperationStatus.running(onTemplate + " of " + members + " machines on " + spec.templateName()
        + (group.getStatus().getIsStable() ? "" : ", group not yet stable"));
  }

  private static boolean unhealthy(ManagedInstance member) {
    // UNHEALTHY and TIMEOUT come only from probes after the initial delay
    // (https://cloud.google.com/compute/docs/reference/rest/v1/instanceGroupManagers/listManagedInstances)
    return member.getInstanceHealthList().stream().map(ManagedInstanceInstanceHealth::getDetailedHealthState)
        .anyMatch(state -> state.equals("UNHEALTHY") || state.equals("TIMEOUT"));
  }
}
