package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.Autoscaler;
import com.google.cloud.compute.v1.AutoscalingPolicy;
import com.google.cloud.compute.v1.AutoscalingPolicyCpuUtilization;
import com.google.cloud.compute.v1.DeleteAutoscalerRequest;
import com.google.cloud.compute.v1.InsertAutoscalerRequest;
import com.google.cloud.compute.v1.ListAutoscalersRequest;
import com.google.cloud.compute.v1.PatchAutoscalerRequest;
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
 * Zonal autoscalers of managed groups, sizing by average CPU use. Like groups, they have no labels: the
 * description says who owns one, and its policy what it is now, so a patched autoscaler reads as changed.
 */
final class GceAutoscalers implements ResourceDriver<AutoscalerSpec> {
  // how long a new machine's CPU is not counted, as it boots: a unikernel boots in seconds, and GCE's
  // default of 60 s (https://cloud.google.com/compute/docs/reference/rest/v1/autoscalers) is its floor
  private static final int COOL_DOWN_SEC = 60;

  private final GceClients clients;
  private final Gce target;

  GceAutoscalers(GceClients clients, Gce target) {
    this.clients = clients;
    this.target = target;
  }

  @Override
  public ResourceKind kind() {
    return Gce.AUTOSCALER;
  }

  @Override
  public Optional<Observed> read(String name) {
    try {
      return Optional.of(observe(clients.autoscalers.get(target.project(), target.zone(), name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    return Owned.of(clients.autoscalers.list(ListAutoscalersRequest.newBuilder().setProject(target.project())
        .setZone(target.zone()).build()).iterateAll(), GceAutoscalers::observe, deployment);
  }

  @Override
  public Operation create(AutoscalerSpec spec, CallContext context) {
    Autoscaler autoscaler = Autoscaler.newBuilder().setName(spec.name())
        .setDescription(Owned.description("autoscaler", spec.deployment(), context.ownership()))
        .setTarget("projects/" + target.project() + "/zones/" + target.zone() + "/instanceGroupManagers/" + spec.groupName())
        .setAutoscalingPolicy(policy(spec)).build();
    com.google.cloud.compute.v1.Operation started = clients.autoscalers.insertCallable().call(InsertAutoscalerRequest
        .newBuilder().setProject(target.project()).setZone(target.zone()).setRequestId(context.requestId())
        .setAutoscalerResource(autoscaler).build());
    return GceOperation.zonal(clients, target.project(), target.zone(), "insert autoscaler " + spec.name(), started);
  }

  @Override
  public boolean updatesInPlace() {
    return true;
  }

  @Override
  public Operation update(Observed current, AutoscalerSpec spec, CallContext context) {
    com.google.cloud.compute.v1.Operation started = clients.autoscalers.patchCallable().call(PatchAutoscalerRequest
        .newBuilder().setProject(target.project()).setZone(target.zone()).setAutoscaler(spec.name())
        .setRequestId(context.requestId())
        .setAutoscalerResource(Autoscaler.newBuilder().setName(spec.name()).setAutoscalingPolicy(policy(spec))).build());
    return GceOperation.zonal(clients, target.project(), target.zone(), "patch autoscaler " + spec.name(), started);
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    com.google.cloud.compute.v1.Operation started = clients.autoscalers.deleteCallable().call(DeleteAutoscalerRequest
        .newBuilder().setProject(target.project()).setZone(target.zone()).setAutoscaler(current.name())
        .setRequestId(context.requestId()).build());
    return GceOperation.zonal(clients, target.project(), target.zone(), "delete autoscaler " + current.name(), started);
  }

  private static AutoscalingPolicy policy(AutoscalerSpec spec) {
    return AutoscalingPolicy.newBuilder().setMinNumReplicas(spec.bounds().min()).setMaxNumReplicas(spec.bounds().max())
        .setCoolDownPeriodSec(COOL_DOWN_SEC)
        .setCpuUtilization(AutoscalingPolicyCpuUtilization.newBuilder().setUtilizationTarget(spec.bounds().cpuTarget()))
        .build();
  }

  private static Observed observe(Autoscaler autoscaler) {
    AutoscalingPolicy policy = autoscaler.getAutoscalingPolicy();
    Optional<Ownership> owner = Ownership.fromDescription(autoscaler.getDescription()).map(m -> ImmutableOwnership.builder()
        .from(m).fingerprint(AutoscalerSpec.fingerprintOf(m.replaceFingerprint(), policy.getMinNumReplicas(),
            policy.getMaxNumReplicas(), policy.getCpuUtilization().getUtilizationTarget()))
        .build());
    return Observed.builder().kind(Gce.AUTOSCALER).name(autoscaler.getName()).owner(owner).build();
  }
}
