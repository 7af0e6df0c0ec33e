package dev.hermitcloud.provider;

import dev.hermitcloud.resource.BlobSpec;
import dev.hermitcloud.resource.FirewallSpec;
import dev.hermitcloud.resource.ImageSpec;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.MachineType;
import java.util.Optional;

/**
 * A connection to one cloud, offering a driver per resource kind. Implementations make single calls and
 * report what they see; they do not retry, wait or order work: the engine does.
 */
public interface Provider extends AutoCloseable {
  /** A short name: {@code gce}, {@code openstack}, {@code local}. */
  String name();

  /** Blobs an image is imported from, where the cloud imports images from blobs (GCE). */
  default Optional<ResourceDriver<BlobSpec>> blobs() {
    return Optional.empty();
  }

  ResourceDriver<ImageSpec> images();

  /** Firewalls, where the cloud has them; without them ports are part of the instance spec. */
  default Optional<ResourceDriver<FirewallSpec>> firewalls() {
    return Optional.empty();
  }

  ResourceDriver<InstanceSpec> instances();

  /**
   * The cloud's machine type for {@code type}: the named one, or the smallest that satisfies the minimum
   * (fewest vCPUs, then least memory). Read-only; called while planning. A type that does not exist is an
   * {@link dev.hermitcloud.validation.InvalidSpecException} on {@code machineType}.
   */
  ResolvedMachineType resolve(MachineType type, int diskGib) throws Exception;

  /** The instances' serial console. */
  ConsoleReader console();

  /** Checks provider-specific rules on the spec, with no cloud call. */
  default void validate(DeploymentSpec spec) {}

  /**
   * Turns an exception from the cloud's client library into a {@link CloudException} carrying the HTTP
   * status, Retry-After and the cloud's message, so the engine can classify it. Unknown exceptions, and
   * exceptions that already are {@code CloudException}s, are returned unchanged (the engine may translate
   * twice). The message must never contain credentials.
   */
  default Exception translate(Exception error) {
    return error;
  }

  @Override
  default void close() throws Exception {}
}
