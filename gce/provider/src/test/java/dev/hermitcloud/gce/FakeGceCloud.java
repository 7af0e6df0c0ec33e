package dev.hermitcloud.gce;

import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.GceFaults;
import dev.hermitcloud.testkit.FakeCloud;
import java.util.Map;

/** {@link FakeGce} as the provider contract sees a cloud: counters and fault switches. */
final class FakeGceCloud implements FakeCloud {
  private final FakeGce fake;

  FakeGceCloud(FakeGce fake) {
    this.fake = fake;
  }

  @Override
  public int mutatingRequests() {
    return (int) fake.stats().mutatingRequests();
  }

  @Override
  public Map<String, Integer> creations() {
    Map<String, Integer> all = new java.util.TreeMap<>(fake.stats().creations());
    all.keySet().removeIf(key -> key.contains("/" + GceLocks.FOLDER));
    return all;
  }

  /** What a deployment can create: images, instances, firewalls and objects (buckets are set up by tests). */
  @Override
  public int resourceCount() {
    Map<String, Integer> counts = fake.resourceCounts();
    return counts.get("image") + counts.get("instance") + counts.get("firewall") + counts.get("object");
  }

  @Override
  public void randomFaults(long seed, double rate) {
    fake.faults().seed(seed);
    for (Fault fault : new Fault[] {GceFaults.rateLimited(0), GceFaults.backendError(), Fault.connectionReset(), Fault.responseLost()}) {
      fake.faults().add(FaultRule.any().probability(rate / 4).always().inject(fault));
    }
  }

  @Override
  public void refuseMutationsAfter(int k) {
    fake.faults().add(FaultRule.mutating().skipFirst(k).always().inject(GceFaults.permissionDenied()));
  }

  @Override
  public void clearFaults() {
    fake.faults().clear();
  }
}
