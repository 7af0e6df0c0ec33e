package dev.hermitcloud.openstack;

import dev.hermitcloud.resource.Fingerprint;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import org.immutables.value.Value;

/**
 * The deployment's Nova server group, which its servers are booted into. Nova keeps nothing on a group
 * but its name, policy and members (2.1 refuses metadata), so the name carries what the SDK must know:
 * {@code hermit-<deployment>-<policy>}. A group is never changed; another policy is another group, and
 * the servers are replaced into it.
 */
@Value.Immutable
abstract class ServerGroupSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return OpenStack.SERVER_GROUP;
  }

  abstract ServerGroupPolicy policy();

  @Override
  @Value.Derived
  public String name() {
    return nameOf(deployment(), policy());
  }

  static String nameOf(String deployment, ServerGroupPolicy policy) {
    return "hermit-" + deployment + "-" + policy.nova();
  }

  @Override
  @Value.Lazy
  public String fingerprint() {
    return fingerprintOf(name(), policy());
  }

  /** What a group's name and policy say: the fingerprint of the spec it was made from. */
  static String fingerprintOf(String name, ServerGroupPolicy policy) {
    return Fingerprint.of(name, policy.nova());
  }

  @Override
  public String replaceFingerprint() {
    return fingerprint();
  }

  static ImmutableServerGroupSpec.Builder builder() {
    return ImmutableServerGroupSpec.builder();
  }
}
