package dev.hermitcloud.openstack;

import dev.hermitcloud.resource.Fingerprint;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.Optional;
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

  /** The policy of {@code deployment}'s group named {@code name}, or empty for a name that is not one of its. */
  static Optional<ServerGroupPolicy> policyOf(String deployment, String name) {
    return java.util.Arrays.stream(ServerGroupPolicy.values()).filter(p -> nameOf(deployment, p).equals(name)).findFirst();
  }

  /**
   * The deployment whose group of this policy is named {@code name}, or empty for a name {@link #nameOf}
   * does not make. The policy is needed: {@code hermit-a-anti-affinity} is deployment {@code a}'s
   * anti-affinity group or deployment {@code a-anti}'s affinity group.
   */
  static Optional<String> deploymentOf(String name, ServerGroupPolicy policy) {
    String prefix = "hermit-";
    String suffix = "-" + policy.nova();
    boolean ours = name != null && name.startsWith(prefix) && name.endsWith(suffix)
        && name.length() > prefix.length() + suffix.length();
    return ours ? Optional.of(name.substring(prefix.length(), name.length() - suffix.length())) : Optional.empty();
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
