package dev.hermitcloud.gce;

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

  private ManagedGroupResources() {}

  static List<ResourceSpec> of(DeploymentSpec spec, ResolvedMachineType machineType, Gce target) {
    Group group = spec.group().orElseThrow();
    var oneMachine = DeploymentSpec.builder().from(spec).group(Optional.empty()).count(1);
    spec.health().ifPresent(h -> oneMachine.addFirewall(FirewallRule.of(List.of(Port.tcp(h.port())), PROBERS)));
    DeploymentResources portable = DeploymentResources.of(oneMachine.build(), machineType).importedFromBlob().withFirewall()
        .build();
    InstanceSpec machine = portable.instances().get(0);
    TemplateSpec template = TemplateSpec.builder().deployment(spec.name()).machine(machine).build();
    Optional<HealthCheckSpec> check = spec.health().map(h -> healthCheck(spec.name(), h));
    GroupSpec managed = GroupSpec.builder().deployment(spec.name()).zone(target.zone()).templateName(template.name())
        .initialSize(group.initialSize()).autoscaled(group.autoscaling().isPresent())
        .healthCheckName(check.map(HealthCheckSpec::name)).healingDelaySec((int) group.healingDelay().toSeconds())
        // GCE's zonal defaults are a surge of 1 and 1 unavailable; the SDK keeps every machine serving
        .maxSurge(group.maxSurge().orElse(1)).maxUnavailable(group.maxUnavailable().orElse(0))
        .firewallName(machine.firewallName()).build();

    List<ResourceSpec> all = new ArrayList<>();
    portable.blob().ifPresent(all::add);
    all.add(portable.image());
    portable.firewall().ifPresent(all::add);
    all.add(template);
    check.ifPresent(all::add);
    all.add(managed);
    group.autoscaling().ifPresent(bounds -> all.add(AutoscalerSpec.builder().deployment(spec.name())
        .groupName(managed.name()).bounds(bounds).build()));
    return all;
  }

  private static HealthCheckSpec healthCheck(String deployment, Health health) {
    return HealthCheckSpec.builder().deployment(deployment).health(health).build();
  }
}
