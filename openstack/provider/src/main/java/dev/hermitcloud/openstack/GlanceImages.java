package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.ImageSpec;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceState;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.image.v2.ContainerFormat;
import org.openstack4j.model.image.v2.DiskFormat;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.image.v2.builder.ImageBuilder;
import org.openstack4j.openstack.image.v2.domain.GlanceImage;

/**
 * Images in Glance v2: private, container {@code bare}, qcow2 (or raw), marked with the ownership labels
 * and the content hash as image properties. Creating one is two calls, the record then its data
 * ({@link ImageUpload}), both made by {@link #create}; polls then only watch Glance save it
 * ({@link ImageSaving}). An image left {@code queued} by a lost response or a stopped run gets its data
 * from {@link #resume}.
 *
 * <p>The image id is the call's request id, the same for every retry of the call: a create retried
 * after a lost response meets 409 and the engine adopts the image, instead of making a second one.
 */
final class GlanceImages implements ResourceDriver<ImageSpec>, ListReads {
  /** The property holding the hash of the disk's content. */
  static final String CONTENT_KEY = "hermit-content";

  private final Clients clients;
  private final ImageFormat format;

  GlanceImages(Clients clients, ImageFormat format) {
    this.clients = clients;
    this.format = format;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.IMAGE;
  }

  @Override
  public Optional<Observed> read(String name) throws Exception {
    return Optional.ofNullable(readAll(Set.of(name)).get(name));
  }

  /**
   * One paged list with Glance's {@code in} operator, {@code name=in:a,b}
   * (https://docs.openstack.org/api-ref/image/v2/#list-images: "name", and the "in" operator of its
   * filtering); image names of a deployment hold no comma, which would need quoting there.
   */
  @Override
  public Map<String, Observed> readAll(Set<String> names) throws Exception {
    OSClientV3 os = clients.os();
    List<Image> named = MarkerPages.<Image>all(Map.of("name", "in:" + String.join(",", names)),
        q -> os.imagesV2().list(q), Image::getId);
    // names are not unique in Glance: prefer one we marked, then the newest
    Comparator<Image> preferred = Comparator.comparing((Image i) -> owner(i).isPresent())
        .thenComparing(i -> i.getCreatedAt() == null ? new java.util.Date(0) : i.getCreatedAt());
    Map<String, Image> chosen = new LinkedHashMap<>();
    for (Image image : named) {
      if (names.contains(image.getName())) {
        chosen.merge(image.getName(), image, (kept, other) -> preferred.compare(other, kept) > 0 ? other : kept);
      }
    }
    Map<String, Observed> found = new LinkedHashMap<>();
    chosen.forEach((name, image) -> found.put(name, observe(image)));
    return found;
  }

  @Override
  public List<Observed> listOwned(String deployment) throws Exception {
    var images = clients.os().imagesV2();
    return MarkerPages.<Image>all(Map.of(Ownership.DEPLOYMENT_KEY, deployment), q -> images.list(q), Image::getId)
        .stream().map(this::observe).filter(o -> o.ownedBy(deployment)).toList();
  }

  @Override
  public Operation create(ImageSpec spec, CallContext context) throws Exception {
    ImageBuilder image = Builders.imageV2().id(context.requestId()).name(spec.name())
        .containerFormat(ContainerFormat.BARE)
        .diskFormat(format == ImageFormat.RAW ? DiskFormat.RAW : DiskFormat.QCOW2)
        .visibility(Image.ImageVisibility.PRIVATE).minDisk((long) spec.diskGib());
    spec.labels().forEach(image::additionalProperty);
    image.additionalProperty("description", spec.description());
    image.additionalProperty(CONTENT_KEY, spec.contentFingerprint());
    context.ownership().toLabels().forEach(image::additionalProperty);
    OSClientV3 os = clients.os();
    Image created = os.imagesV2().create(image.build());
    ImageUpload.upload(os, created, spec, format, context);
    return new ImageSaving(clients, created.getId(), spec.name(), format);
  }

  /** Uploads the data of an image still {@code queued}; an image Glance is saving is only waited for. */
  @Override
  public Optional<Operation> resume(Observed current, ImageSpec spec, CallContext context) throws Exception {
    OSClientV3 os = clients.os();
    Image image = os.imagesV2().get(id(current));
    if (image != null && image.getStatus() == Image.ImageStatus.QUEUED) {
      ImageUpload.upload(os, image, spec, format, context);
    }
    return Optional.of(new ImageSaving(clients, id(current), spec.name(), format));
  }

  @Override
  public Operation delete(Observed current, CallContext context) throws Exception {
    CloudErrors.check(clients.os().imagesV2().delete(id(current)), "delete image " + current.name());
    return Operation.completed("delete image " + current.name());
  }

  static String killedMessage(String name, String id, ImageFormat format) {
    return "Glance killed image " + name + " (" + id + "): it refused or lost the uploaded data (declared "
        + format.name().toLowerCase() + "); the next apply replaces it";
  }

  private Observed observe(Image image) {
    var observed = Observed.builder().kind(ResourceKind.IMAGE).name(image.getName()).owner(owner(image))
        .putAttributes(Observed.ID, image.getId());
    Image.ImageStatus status = image.getStatus() == null ? Image.ImageStatus.UNRECOGNIZED : image.getStatus();
    switch (status) {
      case ACTIVE -> observed.state(ResourceState.READY);
      case QUEUED -> observed.state(ResourceState.PENDING).stateMessage("queued: its data is not uploaded yet");
      case KILLED -> observed.state(ResourceState.FAILED).stateMessage(killedMessage(image.getName(), image.getId(),
          image.getDiskFormat() == DiskFormat.RAW ? ImageFormat.RAW : ImageFormat.QCOW2));
      case DEACTIVATED -> observed.state(ResourceState.FAILED).stateMessage("deactivated by an administrator");
      case DELETED, PENDING_DELETE -> observed.state(ResourceState.DELETING);
      default -> observed.state(ResourceState.PENDING).stateMessage(status.name().toLowerCase());
    }
    return observed.build();
  }

  static Optional<Ownership> owner(Image image) {
    Map<String, String> properties = image instanceof GlanceImage glance ? glance.getAdditionalProperties() : null;
    return Ownership.fromLabels(properties == null ? Map.of() : properties);
  }

  private static String id(Observed observed) {
    return observed.attribute(Observed.ID).orElseThrow();
  }
}
