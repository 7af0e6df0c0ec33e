package dev.hermitcloud.engine;

import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.resource.BlobSpec;
import dev.hermitcloud.resource.FirewallSpec;
import dev.hermitcloud.resource.ImageSpec;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.Names;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resources a deployment needs on one provider: blob (where images come from blobs), image,
 * firewall (where the provider has one; otherwise ports go to the instances), and one spec per instance.
 */
record DesiredState(Optional<BlobSpec> blob, ImageSpec image, Optional<FirewallSpec> firewall, List<InstanceSpec> instances) {

  static DesiredState of(DeploymentSpec spec, Provider provider, ResolvedMachineType machineType) {
    String deployment = spec.name();
    String imageName = Names.image(deployment, ImageSpec.contentFingerprintOf(spec.unikernel(), spec.diskGib()));
    boolean viaBlob = provider.blobs().isPresent();
    ImageSpec image = ImageSpec.builder().name(imageName).deployment(deployment).unikernel(spec.unikernel())
        .diskGib(spec.diskGib()).family(spec.imageFamily()).description(spec.description())
        .labels(spec.labels()).blobName(viaBlob ? Optional.of(Names.blob(imageName)) : Optional.empty()).build();
    Optional<BlobSpec> blob = viaBlob
        ? Optional.of(BlobSpec.builder().name(Names.blob(imageName)).deployment(deployment).image(image).build())
        : Optional.empty();

    boolean cloudFirewall = provider.firewalls().isPresent();
    Optional<FirewallSpec> firewall = cloudFirewall && !spec.firewall().isEmpty()
        ? Optional.of(FirewallSpec.builder().name(Names.firewall(deployment)).deployment(deployment)
            .rules(spec.firewall()).targetTag(Names.networkTag(deployment)).network(spec.network()).build())
        : Optional.empty();
    List<Port> forwarded = cloudFirewall ? List.of()
        : spec.firewall().stream().flatMap(r -> r.ports().stream()).distinct().toList();

    List<InstanceSpec> instances = new ArrayList<>();
    for (int i = 0; i < spec.count(); i++) {
      instances.add(InstanceSpec.builder().name(Names.instance(deployment, i, spec.count())).deployment(deployment)
          .index(i).machineType(spec.machineType()).resolvedMachineType(machineType).imageName(imageName)
          .diskGib(spec.diskGib()).network(spec.network()).addTags(Names.networkTag(deployment))
          .firewallName(firewall.map(FirewallSpec::name)).labels(spec.labels()).metadata(spec.metadata())
          .spot(spec.spot()).serviceAccount(spec.serviceAccount()).forwardedPorts(forwarded).build());
    }
    return new DesiredState(blob, image, firewall, List.copyOf(instances));
  }

  /** Every desired resource, in creation order. */
  List<ResourceSpec> all() {
    List<ResourceSpec> all = new ArrayList<>();
    blob.ifPresent(all::add);
    all.add(image);
    firewall.ifPresent(all::add);
    all.addAll(instances);
    return all;
  }
}
