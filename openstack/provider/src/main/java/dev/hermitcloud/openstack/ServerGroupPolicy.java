package dev.hermitcloud.openstack;

/**
 * How Nova places a deployment's servers relative to one another, through a server group that the
 * deployment owns ({@link OpenStack#serverGroup(ServerGroupPolicy)}).
 *
 * <p>Both are hard rules, checked when a server is scheduled: a server that cannot be placed by them goes
 * to ERROR with Nova's "No valid host was found", and the SDK reports that fault. The soft policies need
 * compute microversion 2.15, which the SDK does not ask for; Nova refuses them at 2.1.
 */
public enum ServerGroupPolicy {
  /** Every server on the same compute host (fails once that host is full). */
  AFFINITY("affinity"),
  /** Every server on a different compute host: {@code count(n)} needs {@code n} hosts. */
  ANTI_AFFINITY("anti-affinity");

  private final String nova;

  ServerGroupPolicy(String nova) {
    this.nova = nova;
  }

  /** The policy as Nova spells it. */
  public String nova() {
    return nova;
  }

  /** The policy Nova spelled so, or null for another. */
  static ServerGroupPolicy fromNova(String policy) {
    for (ServerGroupPolicy p : values()) {
      if (p.nova.equals(policy)) {
        return p;
      }
    }
    return null;
  }
}
