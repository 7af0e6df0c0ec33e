package dev.hermitcloud.openstack;

import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.testkit.FakeCloud;
import java.util.Map;

/** The provider contract's view of a {@link FakeOpenStack}. */
final class FakeOpenStackCloud implements FakeCloud {
  private final FakeOpenStack cloud;

  FakeOpenStackCloud(FakeOpenStack cloud) {
    this.cloud = cloud;
  }

  @Override
  public int mutatingRequests() {
    return cloud.mutatingRequestCount();
  }

  @Override
  public Map<String, Integer> creations() {
    Map<String, Integer> all = new java.util.TreeMap<>(cloud.creations());
    all.keySet().removeIf(key -> key.contains(NeutronLocks.PREFIX));
    return all;
  }

  /** What a deployment can create: images, servers, its security group, floating IPs. */
  @Override
  public int resourceCount() {
    return cloud.images().size() + cloud.servers().size() + cloud.floatingIps().size()
        + (int) cloud.securityGroups().stream().filter(g -> !g.name().equals("default")).count();
  }

  @Override
  public void randomFaults(long seed, double rate) {
    cloud.faults().seed(seed);
    double each = rate / 4;
    cloud.faults().add(FaultRule.any().probability(each).always().inject(Fault.httpError(429).retryAfter(0)));
    cloud.faults().add(FaultRule.any().probability(each).always().inject(Fault.httpError(503)));
    cloud.faults().add(FaultRule.any().probability(each).always().inject(Fault.connectionReset()));
    // the change is made and the answer lost: what a retry must never do twice
    cloud.faults().add(FaultRule.any().probability(each).always().inject(Fault.responseLost()));
  }

  @Override
  public void refuseMutationsAfter(int k) {
    cloud.faults().add(FaultRule.mutating().skipFirst(k).always().inject(Fault.httpError(403)));
  }

  @Override
  public void clearFaults() {
    cloud.faults().clear();
  }
}
