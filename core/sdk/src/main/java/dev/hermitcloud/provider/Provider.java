package dev.hermitcloud.provider;

import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.MachineType;
import java.util.List;
import java.util.Optional;

/**
 * A connection to one cloud: what a deployment becomes there ({@link #resources}) and a driver per kind of
 * resource ({@link #drivers}). Implementations make single calls and report what they see; they do not
 * retry, wait or order work: the engine does, from the kinds and dependencies the specs declare.
 *
 * <p>Adding a kind of resource to a cloud touches only its provider: a {@link ResourceSpec} implementation
 * (with its {@link dev.hermitcloud.resource.ResourceKind}), a {@link ResourceDriver} for it, and the
 * specs of that kind returned from {@link #resources}.
 */
public interface Provider extends AutoCloseable {
  /** A short name: {@code gce}, {@code openstack}, {@code local}. */
  String name();

  /** One driver per kind of resource this cloud has, each {@link ResourceDriver#kind() naming its kind}. */
  List<ResourceDriver<?>> drivers();

  /**
   * What {@code spec} needs on this cloud, every resource with its dependencies: usually
   * {@link dev.hermitcloud.resource.DeploymentResources} plus the provider's own kinds. Makes no cloud call.
   *
   * @param machineType the type {@link #resolve} chose for the instances
   */
  List<ResourceSpec> resources(DeploymentSpec spec, ResolvedMachineType machineType);

  /**
   * The cloud's machine type for {@code type}: the named one, or the smallest that satisfies the minimum
   * (fewest vCPUs, then least memory). Read-only; called while planning. A type that does not exist is an
   * {@link dev.hermitcloud.InvalidSpecException} on {@code machineType}.
   */
  ResolvedMachineType resolve(MachineType type, int diskGib) throws Exception;

  /** The instances' serial console. */
  ConsoleReader console();

  /**
   * Whether this cloud keeps {@linkplain DeploymentSpec#group() managed groups}; the engine refuses a spec
   * with a group on a provider without, before any cloud call. False by default.
   */
  default boolean managesGroups() {
    return false;
  }

  /** Checks provider-specific rules on the spec, with no cloud call. */
  default void validate(DeploymentSpec spec) {}

  /**
   * Read-only checks against the cloud before planning, for what the spec relies on but the deployment does
   * not own (GCE: that the network exists and, if custom-mode, that a subnetwork is given). Throws an
   * {@link dev.hermitcloud.InvalidSpecException} naming the field and the fix; runs under the retry policy.
   */
  default void preflight(DeploymentSpec spec) throws Exception {}

  /**
   * The deployment locks this target keeps, if any (an optional capability, see {@link DeploymentLocks}):
   * the engine then holds a deployment's lock through every apply and destroy. Empty by default.
   */
  default Optional<DeploymentLocks> locks() {
    return Optional.empty();
  }

  /**
   * Turns an exception from the cloud's client library into the SDK's own: a {@link
   * dev.hermitcloud.CloudException} carrying the HTTP status, Retry-After and the cloud's message for a
   * failed call, or another {@link dev.hermitcloud.HermitException} (such as a {@link
   * dev.hermitcloud.HostException} for a local file that cannot be written). The engine calls this once,
   * for every exception a driver, an operation, {@link #resolve} or the console throws, the SDK's own
   * included (return those unchanged unless they mean more, such as a refused token to drop). The message
   * must never contain credentials.
   */
  default Exception translate(Exception error) {
    return error;
  }

  @Override
  default void close() throws Exception {}
}
