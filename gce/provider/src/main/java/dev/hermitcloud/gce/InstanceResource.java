package dev.hermitcloud.gce;

import com.google.cloud.compute.v1.AccessConfig;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.AttachedDiskInitializeParams;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.Metadata;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.Scheduling;
import com.google.cloud.compute.v1.ServiceAccount;
import com.google.cloud.compute.v1.Tags;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.Ownership;

/**
 * The insert body for one instance: a boot disk made from the image, the network with an ephemeral
 * external address, the deployment's network tag, labels, metadata, and a service account only when
 * the spec names one.
 */
final class InstanceResource {
  /** Compute Engine's smallest persistent disk; the image itself may be smaller (1 GiB). */
  static final int MIN_BOOT_DISK_GB = 10;

  private InstanceResource() {}

  static Instance of(InstanceSpec spec, Ownership ownership, Gce target) {
    Instance.Builder instance = Instance.newBuilder()
        .setName(spec.name())
        .setMachineType("zones/" + target.zone() + "/machineTypes/" + spec.resolvedMachineType().name())
        .addDisks(AttachedDisk.newBuilder().setBoot(true).setAutoDelete(true).setType("PERSISTENT")
            .setInitializeParams(AttachedDiskInitializeParams.newBuilder()
                .setSourceImage("projects/" + target.project() + "/global/images/" + spec.imageName())
                .setDiskSizeGb(Math.max(MIN_BOOT_DISK_GB, spec.diskGib()))
                // the API's default is pd-standard, which c3 refuses and which is a slow HDD elsewhere
                // (https://cloud.google.com/compute/docs/reference/rest/v1/instances: initializeParams.diskType)
                .setDiskType("zones/" + target.zone() + "/diskTypes/"
                    + spec.resolvedMachineType().bootDiskType().orElse(GceMachineFamilies.DEFAULT_DISK_TYPE))))
        .addNetworkInterfaces(NetworkInterface.newBuilder()
            // hermit kernels drive virtio-net only: say so, so that a gVNIC-only type fails at insert
            // instead of booting without a network (https://cloud.google.com/compute/docs/networking/using-gvnic)
            .setNicType("VIRTIO_NET")
            .setNetwork(GceNetworkRefs.networkPath(target, spec.network()))
            .addAccessConfigs(AccessConfig.newBuilder().setName("External NAT").setType("ONE_TO_ONE_NAT")))
        .setTags(Tags.newBuilder().addAllItems(spec.tags()))
        .putAllLabels(Labels.of(spec.labels(), ownership));
    target.subnetwork().ifPresent(s -> instance.getNetworkInterfacesBuilder(0)
        .setSubnetwork(GceNetworkRefs.subnetworkPath(target, GceNetworkRefs.subnetwork(target, s))));
    if (!spec.metadata().isEmpty()) {
      Metadata.Builder metadata = Metadata.newBuilder();
      spec.metadata().forEach((key, value) -> metadata.addItems(Items.newBuilder().setKey(key).setValue(value)));
      instance.setMetadata(metadata);
    }
    if (spec.spot()) {
      // Spot machines may be stopped at any time; they cannot restart themselves or migrate.
      instance.setScheduling(Scheduling.newBuilder().setProvisioningModel("SPOT").setAutomaticRestart(false)
          .setOnHostMaintenance("TERMINATE"));
    }
    spec.serviceAccount().ifPresent(email -> instance.addServiceAccounts(
        ServiceAccount.newBuilder().setEmail(email).addAllScopes(GceCredentials.SCOPES)));
    return instance.build();
  }
}
