package dev.hermitcloud.resource;

import org.immutables.value.Value;

/** The disk archive uploaded for an image to be imported from, named after the image it carries. */
@Value.Immutable
public abstract class BlobSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return ResourceKind.BLOB;
  }

  /** The image whose disk the blob holds. */
  public abstract ImageSpec image();

  @Override
  @Value.Lazy
  public String fingerprint() {
    return image().contentFingerprint();
  }

  @Override
  public String replaceFingerprint() {
    return fingerprint();
  }

  public static ImmutableBlobSpec.Builder builder() {
    return ImmutableBlobSpec.builder();
  }
}
