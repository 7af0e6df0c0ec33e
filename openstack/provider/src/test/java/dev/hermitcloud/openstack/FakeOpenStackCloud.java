package dev.hermitcloud.openstack;

import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.openstack.fake.FaultRule;
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
    return cloud.creations();
  }

  /** What a deployment can create: images, servers, its security group, floating IPs. */
  @Override
  public int resourceCount() {
    return cloud.images().size() + cloud.servers().size() + cloud.floatingIps().size()
        + (int) cloud.securityGroups().stream().filter(g -> !g.name().equals("default")).count();
  }

  @Override
  public void randomFaults(long seed, double rate) {
    cloud.faults().reseed(seed);
    double each = rate / 4;
    cloud.faults().add(FaultRule.any().status(429).retryAfter(0).probability(each).always());
    cloud.faults().add(FaultRule.any().status(503).probability(each).always());
    cloud.faults().add(FaultRule.any().resetConnection().probability(each).always());
    // the change is made and the answer lost: what a retry must never do twice
    cloud.faults().add(FaultRule.any().resetAfterCommit().probability(each).always());
  }

  @Override
  public void refuseMutationsAfter(int k) {
    cloud.faults().add(FaultRule.any().mutatingOnly().after(k).status(403).always());
  }

  @Override
  public void clearFaults() {
    cloud.faults().clear();
  }
}
