package dev.hermitcloud.gce;

import com.google.cloud.compute.v1.AccessConfig;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.AttachedDiskInitializeParams;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstanceProperties;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.Metadata;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.Scheduling;
import com.google.cloud.compute.v1.ServiceAccount;
import com.google.cloud.compute.v1.Tags;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.Ownership;
import java.util.Map;

/**
 * The insert body for one instance, and the same machine as an instance template's properties: a boot
 * disk made from the image, the network with an ephemeral external address, the deployment's network
 * tag, labels, metadata, and a service account only when the spec names one.
 */
final class InstanceResource {
  /** Compute Engine's smallest persistent disk; the image itself may be smaller (1 GiB). */
  static final int MIN_BOOT_DISK_GB = 10;

  private InstanceResource() {}

  static Instance of(InstanceSpec spec, Ownership ownership, Gce target) {
    String zone = "zones/" + target.zone();
    InstanceProperties machine = machine(spec, Labels.of(spec.labels(), ownership), target,
        zone + "/machineTypes/" + spec.resolvedMachineType().name(), zone + "/diskTypes/" + diskType(spec));
    Instance.Builder instance = Instance.newBuilder().setName(spec.name()).setMachineType(machine.getMachineType())
        .addAllDisks(machine.getDisksList()).addAllNetworkInterfaces(machine.getNetworkInterfacesList())
        .setTags(machine.getTags()).putAllLabels(machine.getLabelsMap())
        .addAllServiceAccounts(machine.getServiceAccountsList());
    if (machine.hasMetadata()) {
      instance.setMetadata(machine.getMetadata());
    }
    if (machine.hasScheduling()) {
      instance.setScheduling(machine.getScheduling());
    }
    return instance.build();
  }

  /**
   * The properties of an instance template for machines like {@code spec}, labelled {@code labels}. A
   * template names its machine and disk types bare ({@code e2-small}, {@code pd-balanced}), since it is
   * not bound to a zone (https://cloud.google.com/compute/docs/reference/rest/v1/instanceTemplates:
   * properties.machineType, properties.disks[].initializeParams.diskType).
   */
  static InstanceProperties template(InstanceSpec spec, Map<String, String> labels, Gce target) {
    return machine(spec, labels, target, spec.resolvedMachineType().name(), diskType(spec));
  }

  private static String diskType(InstanceSpec spec) {
    // the API's default is pd-standard, which c3 refuses and which is a slow HDD elsewhere
    // (https://cloud.google.com/compute/docs/reference/rest/v1/instances: initializeParams.diskType)
    return spec.resolvedMachineType().bootDiskType().orElse(GceMachineFamilies.DEFAULT_DISK_TYPE);
  }

  private static InstanceProperties machine(InstanceSpec spec, Map<String, String> labels, Gce target,
      String machineType, String diskType) {
    InstanceProperties.Builder machine = InstanceProperties.newBuilder()
        .setMachineType(machineType)
        .addDisks(AttachedDisk.newBuilder().setBoot(true).setAutoDelete(true).setType("PERSISTENT")
            .setInitializeParams(AttachedDiskInitializeParams.newBuilder()
                .setSourceImage("projects/" + target.project() + "/global/images/" + spec.imageName())
                .setDiskSizeGb(Math.max(MIN_BOOT_DISK_GB, spec.diskGib()))
                .setDiskType(diskType)))
        .addNetworkInterfaces(NetworkInterface.newBuilder()
            // hermit kernels drive virtio-net only: say so, so that a gVNIC-only type fails at insert
            // instead of booting without a network (https://cloud.google.com/compute/docs/networking/using-gvnic)
            .setNicType("VIRTIO_NET")
            .setNetwork(GceNetworkRefs.networkPath(target, spec.network()))
            .addAccessConfigs(AccessConfig.newBuilder().setName("External NAT").setType("ONE_TO_ONE_NAT")))
        .setTags(Tags.newBuilder().addAllItems(spec.tags()))
        .putAllLabels(labels);
    target.subnetwork().ifPresent(s -> machine.getNetworkInterfacesBuilder(0)
        .setSubnetwork(GceNetworkRefs.subnetworkPath(target, GceNetworkRefs.subnetwork(target, s))));
    if (!spec.metadata().isEmpty()) {
      Metadata.Builder metadata = Metadata.newBuilder();
      spec.metadata().forEach((key, value) -> metadata.addItems(Items.newBuilder().setKey(key).setValue(value)));
      machine.setMetadata(metadata);
    }
    if (spec.spot()) {
      // Spot machines may be stopped at any time; they cannot restart themselves or migrate.
      machine.setScheduling(Scheduling.newBuilder().setProvisioningModel("SPOT").setAutomaticRestart(false)
          .setOnHostMaintenance("TERMINATE"));
    }
    spec.serviceAccount().ifPresent(email -> machine.addServiceAccounts(
        ServiceAccount.newBuilder().setEmail(email).addAllScopes(GceCredentials.SCOPES)));
    return machine.build();
  }
}
