package dev.hermitcloud.resource;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A kind of resource a deployment owns. Kinds are open: a provider defines its own (OpenStack's floating
 * IPs) next to the portable ones here, and the engine treats every kind alike.
 *
 * <p>A kind says which kinds its resources <em>use</em> while they exist ({@link #uses()}): an instance
 * boots from an image and sits behind a firewall. The engine deletes a resource only after everything that
 * may use it is gone, so destroy and replacement run in the reverse of that order. What a resource needs
 * only to be <em>created</em> (an image is imported from a blob) is said by its spec instead
 * ({@link ResourceSpec#dependsOn()}).
 *
 * <pre>{@code
 * static final ResourceKind FLOATING_IP = ResourceKind.of("floating-ip", Duration.ofMinutes(5), ResourceKind.INSTANCE);
 * }</pre>
 */
public final class ResourceKind {
  /** The uploaded disk archive an image is imported from (GCE: a Cloud Storage object). */
  public static final ResourceKind BLOB = of("blob", Duration.ofMinutes(60));
  /** The bootable disk image. */
  public static final ResourceKind IMAGE = of("image", Duration.ofMinutes(30));
  /** Ingress rules scoped to the deployment's instances (GCE firewall, OpenStack security group). */
  public static final ResourceKind FIREWALL = of("firewall", Duration.ofMinutes(5));
  /** A virtual machine booting the image. */
  public static final ResourceKind INSTANCE = of("instance", Duration.ofMinutes(15), IMAGE, FIREWALL);

  private final String label;
  private final Duration defaultTimeout;
  private final Set<ResourceKind> uses;

  private ResourceKind(String label, Duration defaultTimeout, Set<ResourceKind> uses) {
    this.label = label;
    this.defaultTimeout = defaultTimeout;
    this.uses = uses;
  }

  /**
   * A kind named {@code label} (lower case, unique among a provider's kinds), whose long-running work gets
   * {@code defaultTimeout} unless the user sets another, and whose resources use resources of {@code uses}.
   */
  public static ResourceKind of(String label, Duration defaultTimeout, ResourceKind... uses) {
    if (!label.matches("[a-z][a-z-]*")) {
      throw new IllegalArgumentException("a kind's label is lower-case letters and '-': " + label);
    }
    return new ResourceKind(label, Objects.requireNonNull(defaultTimeout), Set.of(uses));
  }

  /** Lower-case name for messages, plans and request ids. */
  public String label() {
    return label;
  }

  /** The label in upper case, {@code INSTANCE}, as a constant's name reads. */
  public String name() {
    return label.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  /** How long one step's long-running operation may take, unless the user says otherwise. */
  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  /** The kinds whose resources this kind's resources use while they exist. */
  public Set<ResourceKind> uses() {
    return uses;
  }

  /** Kinds are equal by label, so a kind that crossed a class loader or a copy still matches. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ResourceKind kind && kind.label.equals(label);
  }

  @Override
  public int hashCode() {
    return label.hashCode();
  }

  /** {@link #name()}. */
  @Override
  public String toString() {
    return name();
  }
}
