package dev.hermitcloud.resource;

/** The kinds of resource a deployment owns, in the order they are created (and reversed for deletion). */
public enum ResourceKind {
  /** The uploaded disk archive an image is imported from (GCE: a Cloud Storage object). */
  BLOB,
  /** The bootable disk image. */
  IMAGE,
  /** Ingress rules scoped to the deployment's instances (GCE firewall, OpenStack security group). */
  FIREWALL,
  /** A virtual machine booting the image. */
  INSTANCE;

  /** Lower-case name for messages. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
