package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.Autoscaler;
import com.google.cloud.compute.v1.AutoscalingPolicy;
import com.google.cloud.compute.v1.AutoscalingPolicyCpuUtilization;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.ImmutableOwnership;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import java.util.List;
import java.util.Optional;

/**
 * Autoscalers of managed groups, beside their group in its zone or region ({@link AutoscalerScopes}),
 * sizing by average CPU use. Like groups, they have no labels: the description says who owns one, and its
 * policy what it is now, so a patched autoscaler reads as changed.
 */
final class GceAutoscalers implements ResourceDriver<AutoscalerSpec> {
  // how long a new machine's CPU is not counted, as it boots: a unikernel boots in seconds, and GCE's
  // default of 60 s (https://cloud.google.com/compute/docs/reference/rest/v1/autoscalers) is its floor
  private static final int COOL_DOWN_SEC = 60;

  private final AutoscalerScopes autoscalers;
  private final GroupScopes groups;
  private final Gce target;

  /** @param groups where the groups these autoscalers size live: the same zone or region */
  GceAutoscalers(AutoscalerScopes autoscalers, GroupScopes groups, Gce target) {
    this.autoscalers = autoscalers;
    this.groups = groups;
    this.target = target;
  }

  @Override
  public ResourceKind kind() {
    return autoscalers.kind();
  }

  @Override
  public Optional<Observed> read(String name) {
    try {
      return Optional.of(observe(autoscalers.get(name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    return Owned.of(autoscalers.list(), this::observe, deployment);
  }

  @Override
  public Operation create(AutoscalerSpec spec, CallContext context) {
    Autoscaler autoscaler = Autoscaler.newBuilder().setName(spec.name())
        .setDescription(Owned.description("autoscaler", spec.deployment(), context.ownership()))
        .setTarget(groups.path(target.project(), spec.groupName()))
        .setAutoscalingPolicy(policy(spec)).build();
    return autoscalers.insert(autoscaler, context.requestId());
  }

  @Override
  public boolean updatesInPlace() {
    return true;
  }

  @Override
  public Operation update(Observed current, AutoscalerSpec spec, CallContext context) {
    return autoscalers.patch(spec.name(), Autoscaler.newBuilder().setName(spec.name()).setAutoscalingPolicy(policy(spec))
        .build(), context.requestId());
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    return autoscalers.delete(current.name(), context.requestId());
  }

  private static AutoscalingPolicy policy(AutoscalerSpec spec) {
    return AutoscalingPolicy.newBuilder().setMinNumReplicas(spec.bounds().min()).setMaxNumReplicas(spec.bounds().max())
        .setCoolDownPeriodSec(COOL_DOWN_SEC)
        .setCpuUtilization(AutoscalingPolicyCpuUtilization.newBuilder().setUtilizationTarget(spec.bounds().cpuTarget()))
        .build();
  }

  private Observed observe(Autoscaler autoscaler) {
    AutoscalingPolicy policy = autoscaler.getAutoscalingPolicy();
    Optional<Ownership> owner = Ownership.fromDescription(autoscaler.getDescription()).map(m -> ImmutableOwnership.builder()
        .from(m).fingerprint(AutoscalerSpec.fingerprintOf(m.replaceFingerprint(), policy.getMinNumReplicas(),
            policy.getMaxNumReplicas(), policy.getCpuUtilization().getUtilizationTarget()))
        .build());
    return Observed.builder().kind(autoscalers.kind()).name(autoscaler.getName()).owner(owner).build();
  }
}
