package dev.hermitcloud.resource;

import dev.hermitcloud.spec.Cidr;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portable resources of a deployment, for a provider's {@code resources(...)}: the image, the
 * firewall where the cloud has one (otherwise the exposed ports are forwarded by each instance), the blob
 * where images are imported from one, and one instance per {@code count}.
 *
 * <pre>{@code
 * public List<ResourceSpec> resources(DeploymentSpec spec, ResolvedMachineType type) {
 *   return DeploymentResources.of(spec, type).importedFromBlob().withFirewall().build().all();
 * }
 * }</pre>
 */
public final class DeploymentResources {
  private final Optional<BlobSpec> blob;
  private final ImageSpec image;
  private final Optional<FirewallSpec> firewall;
  private final List<InstanceSpec> instances;

  private DeploymentResources(Optional<BlobSpec> blob, ImageSpec image, Optional<FirewallSpec> firewall,
      List<InstanceSpec> instances) {
    this.blob = blob;
    this.image = image;
    this.firewall = firewall;
    this.instances = instances;
  }

  /** Starts the resources of {@code spec} on instances of {@code machineType}. */
  public static Builder of(DeploymentSpec spec, ResolvedMachineType machineType) {
    return new Builder(spec, machineType);
  }

  /** The blob the image is imported from, if the cloud imports images from blobs. */
  public Optional<BlobSpec> blob() {
    return blob;
  }

  public ImageSpec image() {
    return image;
  }

  /** The firewall, if the cloud has firewalls and the deployment exposes ports. */
  public Optional<FirewallSpec> firewall() {
    return firewall;
  }

  public List<InstanceSpec> instances() {
    return instances;
  }

  /** Every resource: blob, image, firewall, instances. */
  public List<ResourceSpec> all() {
    List<ResourceSpec> all = new ArrayList<>();
    blob.ifPresent(all::add);
    all.add(image);
    firewall.ifPresent(all::add);
    all.addAll(instances);
    return all;
  }

  /** Says how the cloud takes images and ports. */
  public static final class Builder {
    private final DeploymentSpec spec;
    private final ResolvedMachineType machineType;
    private boolean fromBlob;
    private boolean cloudFirewall;
    private boolean createBeforeDelete;
    private Optional<Cidr> forwardedClients = Optional.empty();

    private Builder(DeploymentSpec spec, ResolvedMachineType machineType) {
      this.spec = spec;
      this.machineType = machineType;
    }

    /** The cloud imports images from an uploaded blob (GCE), which becomes a resource of its own. */
    public Builder importedFromBlob() {
      fromBlob = true;
      return this;
    }

    /** The cloud has firewalls (security groups); without, each instance forwards the exposed ports itself. */
    public Builder withFirewall() {
      cloudFirewall = true;
      return this;
    }

    /**
     * A replaced instance's successor is created under the instance's {@linkplain Names#otherSide second
     * name} and answers before the old one goes, where the cloud can run both at once (its ports are not
     * forwarded from one host port).
     */
    public Builder createBeforeDelete() {
      createBeforeDelete = true;
      return this;
    }

    /**
     * Without a firewall, forward only the ports of rules with a source overlapping {@code clients}, the
     * networks every client of the forwarded ports comes from (local QEMU: {@code 127.0.0.0/8}). A rule
     * that admits none of them opens nothing; by default every exposed port is forwarded.
     */
    public Builder forwardingFor(Cidr clients) {
      forwardedClients = Optional.of(clients);
      return this;
    }

    public DeploymentResources build() {
      String deployment = spec.name();
      String imageName = Names.image(deployment, ImageSpec.contentFingerprintOf(spec.unikernel(), spec.diskGib()));
      ImageSpec image = ImageSpec.builder().name(imageName).deployment(deployment).unikernel(spec.unikernel())
          .diskGib(spec.diskGib()).family(spec.imageFamily()).description(spec.description())
          .labels(spec.labels()).blobName(fromBlob ? Optional.of(Names.blob(imageName)) : Optional.empty()).build();
      Optional<BlobSpec> blob = fromBlob
          ? Optional.of(BlobSpec.builder().name(Names.blob(imageName)).deployment(deployment).image(image).build())
          : Optional.empty();
      Optional<FirewallSpec> firewall = cloudFirewall && !spec.firewall().isEmpty()
          ? Optional.of(FirewallSpec.builder().name(Names.firewall(deployment)).deployment(deployment)
              .rules(spec.firewall()).targetTag(Names.networkTag(deployment)).network(spec.network()).build())
          : Optional.empty();
      List<Port> forwarded = cloudFirewall ? List.of() : forwardedPorts(spec);
      List<InstanceSpec> instances = new ArrayList<>();
      for (int i = 0; i < spec.machines(); i++) {
        String name = Names.instance(deployment, i, spec.machines());
        instances.add(InstanceSpec.builder().name(name).deployment(deployment)
            .otherName(createBeforeDelete ? Optional.of(Names.otherSide(name)) : Optional.empty())
            .index(i).machineType(spec.machineType()).resolvedMachineType(machineType).imageName(imageName)
            .diskGib(spec.diskGib()).network(spec.network()).addTags(Names.networkTag(deployment))
            .firewallName(firewall.map(FirewallSpec::name)).labels(spec.labels()).metadata(spec.metadata())
            .spot(spec.spot()).serviceAccount(spec.serviceAccount()).forwardedPorts(forwarded).build());
      }
      return new DeploymentResources(blob, image, firewall, List.copyOf(instances));
    }

    private List<Port> forwardedPorts(DeploymentSpec spec) {
      return spec.firewall().stream()
          .filter(rule -> forwardedClients.map(rule::admitsAnyOf).orElse(true))
          .flatMap(rule -> rule.ports().stream()).distinct().toList();
    }
  }
}
