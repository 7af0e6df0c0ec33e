package dev.hermitcloud.gce;

import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.resource.DeploymentResources;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.Cidr;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.FirewallRule;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a deployment with a managed group is on GCE: the archive and image as always, the firewall, an
 * instance template for its machines, the health check that autohealing and rollouts judge them by (when
 * the deployment has one), the managed instance group and, if asked, its autoscaler.
 */
final class ManagedGroupResources {
  /**
   * Where GCE's health probes come from; a firewall must admit them to the checked port, or every
   * machine is unhealthy (https://cloud.google.com/load-balancing/docs/health-check-concepts#ip-ranges).
   */
  static final List<Cidr> PROBERS = List.of(Cidr.parse("35.191.0.0/16"), Cidr.parse("130.211.0.0/22"));

  /**
   * The zones a regional group spans: GCE picks three of the region's when none are named
   * (https://cloud.google.com/compute/docs/instance-groups/distributing-instances-with-regional-instance-groups).
   */
  static final int REGIONAL_ZONES = 3;

  private ManagedGroupResources() {}

  /**
   * What GCE would refuse only once the image is uploaded: a regional group's fixed rollout limits must each
   * be 0 or at least its number of zones, since it replaces machines zone by zone (per the regional
   * update policy's maxSurge and maxUnavailable, as the provider docs of regionInstanceGroupManagers state).
   */
  static void check(Group group) {
    if (group.isRegional()) {
      group.maxSurge().ifPresent(n -> zonesOrNone("group.rollout.maxSurge", n, group));
      group.maxUnavailable().ifPresent(n -> zonesOrNone("group.rollout.maxUnavailable", n, group));
    }
  }

  private static void zonesOrNone(String field, int value, Group group) {
    if (value != 0 && value < REGIONAL_ZONES) {
      throw new InvalidSpecException(field, value, "is neither 0 nor at least " + REGIONAL_ZONES + ": a regional group"
          + " replaces machines in each of its " + REGIONAL_ZONES + " zones at once, so GCE takes only 0 or "
          + REGIONAL_ZONES + "+ here; give rollout(" + REGIONAL_ZONES + ", 0) (the default) or rollout(0, "
          + REGIONAL_ZONES + ")");
    }
  }

  static List<ResourceSpec> of(DeploymentSpec spec, ResolvedMachineType machineType, Gce target) {
    Group group = spec.group().orElseThrow();
    var oneMachine = DeploymentSpec.builder().from(spec).group(Optional.empty()).count(1);
    spec.health().ifPresent(h -> oneMachine.addFirewall(FirewallRule.of(List.of(Port.tcp(h.port())), PROBERS)));
    DeploymentResources portable = DeploymentResources.of(oneMachine.build(), machineType).importedFromBlob().withFirewall()
        .build();
    InstanceSpec machine = portable.instances().get(0);
    TemplateSpec template = TemplateSpec.builder().deployment(spec.name()).machine(machine).build();
    Optional<HealthCheckSpec> check = spec.health().map(h -> healthCheck(spec.name(), h));
    boolean regional = group.isRegional();
    GroupSpec managed = GroupSpec.builder().deployment(spec.name()).regional(regional)
        .location(regional ? GceNetworkRefs.region(target) : target.zone()).templateName(template.name())
        .initialSize(group.initialSize()).autoscaled(group.autoscaling().isPresent())
        .healthCheckName(check.map(HealthCheckSpec::name)).healingDelaySec((int) group.healingDelay().toSeconds())
        // GCE's defaults are a surge and unavailability of 1 (zonal) or of the zones (regional); the SDK keeps
        // every machine serving
        .maxSurge(group.maxSurge().orElse(regional ? REGIONAL_ZONES : 1)).maxUnavailable(group.maxUnavailable().orElse(0))
        .firewallName(machine.firewallName()).build();

    List<ResourceSpec> all = new ArrayList<>();
    portable.blob().ifPresent(all::add);
    all.add(portable.image());
    portable.firewall().ifPresent(all::add);
    all.add(template);
    check.ifPresent(all::add);
    all.add(managed);
    group.autoscaling().ifPresent(bounds -> all.add(AutoscalerSpec.builder().deployment(spec.name()).regional(regional)
        .groupName(managed.name()).bounds(bounds).build()));
    return all;
  }

  private static HealthCheckSpec healthCheck(String deployment, Health health) {
    return HealthCheckSpec.builder().deployment(deployment).health(health).build();
  }
}
