package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.unikernel.Unikernel;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Planning reads each kind with list calls: an unchanged re-apply costs the same requests for fifty
 * instances as for one (O(kinds)), and none of them is a GET of one instance or image.
 */
class GceListReadsTest extends FakeGceTestBase {
  @Test
  void anUnchangedReapplyOfFiftyReadsAsManyTimesAsOneOfOne() throws Exception {
    Map<String, Long> one = reapply(GceFixture.unikernel(dir, "one", 64 * 1024, 1), 1);
    Map<String, Long> fifty = reapply(GceFixture.unikernel(dir, "fifty", 64 * 1024, 2), 50);

    assertThat(fifty).as("requests of an unchanged re-apply of 50, by route, against those of 1").isEqualTo(one);
    assertThat(fifty).doesNotContainKeys("GET " + RouteTemplates.INSTANCE, "GET " + RouteTemplates.IMAGE);
    assertThat(fifty.get("GET " + RouteTemplates.INSTANCES)).as("instance lists: the plan's two, the read-back's one")
        .isEqualTo(3);
  }

  @Test
  void aReadOfManyNamesFollowsEveryPageAndReportsOnlyWhatExists() throws Exception {
    GceFixture.deploy(GceFixture.unikernel(dir, "paged", 64 * 1024, 3), GceFixture.target(fake), events).count(5)
        .apply().close();
    fake.stats().reset();
    Map<String, Observed> found;
    try (GceClients clients = GceClients.open(GceFixture.target(fake))) {
      found = new GceInstances(clients, GceFixture.target(fake), 2)
          .readAll(Set.of("paged-0", "paged-1", "paged-2", "paged-3", "paged-4", "paged-9"));
    }

    assertThat(found.keySet()).containsExactlyInAnyOrder("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
    assertThat(found.values()).allSatisfy(o -> assertThat(o.ownedBy("paged")).isTrue());
    assertThat(fake.stats().requests("GET", RouteTemplates.INSTANCES)).as("pages of 2 for 5 instances").isEqualTo(3);
  }

  private Map<String, Long> reapply(Unikernel unikernel, int count) {
    GceFixture.deploy(unikernel, GceFixture.target(fake), events).count(count).apply().close();
    fake.stats().reset();
    Plan again = GceFixture.deploy(unikernel, GceFixture.target(fake), events).count(count).apply().plan();
    assertThat(again.hasChanges()).isFalse();
    // the only writes: the deployment's lock, taken and released
    assertThat(fake.stats().mutatingRequests()).as("mutating requests").isEqualTo(2);
    return new TreeMap<>(fake.stats().requestsByRoute());
  }
}
