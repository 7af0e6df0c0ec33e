package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.DeleteImageRequest;
import com.google.cloud.compute.v1.Image;
import com.google.cloud.compute.v1.InsertImageRequest;
import com.google.cloud.compute.v1.ListImagesRequest;
import com.google.cloud.compute.v1.RawDisk;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.ImageSpec;
import dev.hermitcloud.resource.ImmutableObserved;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Images imported from the uploaded archive ({@code rawDisk.source} in the https form), labelled with
 * the ownership marks and the user's labels.
 *
 * <p>No {@code guestOsFeatures}: the disk boots through GRUB's BIOS code in the MBR, and marking it
 * {@code UEFI_COMPATIBLE} would let Compute Engine start it under UEFI firmware, which cannot boot it.
 */
final class GceImages implements ResourceDriver<ImageSpec>, ListReads {
  private final GceClients clients;
  private final Gce target;

  GceImages(GceClients clients, Gce target) {
    this.clients = clients;
    this.target = target;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.IMAGE;
  }

  @Override
  public Optional<Observed> read(String name) {
    try {
      return Optional.of(observe(clients.images.get(target.project(), name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public Map<String, Observed> readAll(Set<String> names) {
    Map<String, Observed> found = new LinkedHashMap<>();
    for (String filter : NameFilter.anyOf(names)) {
      ListImagesRequest request = ListImagesRequest.newBuilder().setProject(target.project()).setFilter(filter)
          .setMaxResults(NameFilter.MAX_RESULTS).build();
      for (Image image : clients.images.list(request).iterateAll()) {
        found.put(image.getName(), observe(image));
      }
    }
    return found;
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    ListImagesRequest request = ListImagesRequest.newBuilder().setProject(target.project())
        .setFilter(Labels.ownedFilter(deployment)).build();
    return Owned.of(clients.images.list(request).iterateAll(), GceImages::observe, deployment);
  }

  @Override
  public Operation create(ImageSpec spec, CallContext context) {
    String blob = spec.blobName().orElseThrow(() -> new IllegalStateException(
        "image " + spec.name() + " has no blob to import from"));
    Image.Builder image = Image.newBuilder()
        .setName(spec.name())
        .setDescription(spec.description())
        .putAllLabels(Labels.of(spec.labels(), context.ownership()))
        .setRawDisk(RawDisk.newBuilder().setSource(GceBlobs.httpsUrl(target.bucket(), blob)))
        // so that GCE refuses an ARM machine at insert rather than booting a disk that never starts
        // (https://cloud.google.com/compute/docs/reference/rest/v1/images: architecture)
        .setArchitecture("X86_64");
    spec.family().ifPresent(image::setFamily);
    com.google.cloud.compute.v1.Operation started = clients.images.insertCallable().call(InsertImageRequest.newBuilder()
        .setProject(target.project()).setRequestId(context.requestId()).setImageResource(image).build());
    return GceOperation.global(clients, target.project(), "import image " + spec.name(), started);
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    com.google.cloud.compute.v1.Operation started = clients.images.deleteCallable().call(DeleteImageRequest.newBuilder()
        .setProject(target.project()).setImage(current.name()).setRequestId(context.requestId()).build());
    return GceOperation.global(clients, target.project(), "delete image " + current.name(), started);
  }

  private static Observed observe(Image image) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(Observed.ID, Long.toUnsignedString(image.getId()));
    if (image.hasDiskSizeGb()) {
      attributes.put("diskSizeGb", Long.toString(image.getDiskSizeGb()));
    }
    if (image.hasFamily()) {
      attributes.put("family", image.getFamily());
    }
    ResourceState state = switch (image.getStatus()) {
      case "READY" -> ResourceState.READY;
      case "FAILED" -> ResourceState.FAILED;
      case "DELETING" -> ResourceState.DELETING;
      default -> ResourceState.PENDING;
    };
    ImmutableObserved.Builder observed = Observed.builder().kind(ResourceKind.IMAGE).name(image.getName())
        .owner(Ownership.fromLabels(image.getLabelsMap())).state(state).attributes(attributes);
    if (state == ResourceState.FAILED) {
      observed.stateMessage("the import of " + image.getRawDisk().getSource() + " failed");
    }
    return observed.build();
  }
}
