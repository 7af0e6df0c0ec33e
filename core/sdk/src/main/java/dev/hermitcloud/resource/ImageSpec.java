package dev.hermitcloud.resource;

import dev.hermitcloud.unikernel.Unikernel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A bootable disk image built from a unikernel. Its name carries a hash of the content, so an unchanged
 * unikernel maps to an existing image and is never built or uploaded twice.
 */
@Value.Immutable
public abstract class ImageSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return ResourceKind.IMAGE;
  }

  /** The unikernel the disk boots. */
  public abstract Unikernel unikernel();

  /** The disk size in whole GiB. */
  public abstract int diskGib();

  /** The image family (GCE) to publish under, if any. */
  public abstract Optional<String> family();

  public abstract String description();

  /** The user's labels, to copy onto the image beside the ownership labels. */
  public abstract Map<String, String> labels();

  /** The blob the image is imported from, where the cloud imports from a blob. */
  public abstract Optional<String> blobName();

  @Override
  public List<ResourceRef> dependsOn() {
    return blobName().map(blob -> List.of(new ResourceRef(ResourceKind.BLOB, blob))).orElse(List.of());
  }

  /** Hash of the disk's content and size: what names the image. */
  @Value.Lazy
  public String contentFingerprint() {
    return contentFingerprintOf(unikernel(), diskGib());
  }

  /** The content fingerprint of the image {@code unikernel} makes on a disk of {@code diskGib} GiB. */
  public static String contentFingerprintOf(Unikernel unikernel, int diskGib) {
    return Fingerprint.of(unikernel.contentHash(), diskGib);
  }

  @Override
  @Value.Lazy
  public String fingerprint() {
    return Fingerprint.of(contentFingerprint(), family(), description(), labels(), blobName());
  }

  @Override
  @Value.Lazy
  public String replaceFingerprint() {
    return fingerprint();
  }

  public static ImmutableImageSpec.Builder builder() {
    return ImmutableImageSpec.builder();
  }
}
