package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.unikernel.Unikernel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Server;
import org.openstack4j.openstack.OSFactory;

/**
 * Planning reads each kind with paged list calls: an unchanged re-apply of fifty servers with floating IPs
 * makes exactly the requests one of one server makes (O(kinds)), and no GET of a single server.
 */
class ListReadsTest extends FakeOpenStackTestBase {
  @Test
  void anUnchangedReapplyOfFiftyReadsAsManyTimesAsOneOfOne() throws Exception {
    Map<String, Integer> one = reapply(f.unikernel("one", 1), 1);
    Map<String, Integer> fifty = reapply(f.unikernel("fifty", 2), 50);

    assertThat(fifty).as("requests of an unchanged re-apply of 50, by route, against those of 1").isEqualTo(one);
    assertThat(fifty).doesNotContainKey("GET /compute/v2.1/servers/{id}");
  }

  @Test
  void serverListsAreReadPageByPageWithLimitAndMarker() throws Exception {
    f.deploy(FakeClouds.password(cloud), f.unikernel("paged", 3)).count(5).apply().close();
    cloud.resetCounters();
    OSClientV3 os = OSFactory.builderV3().endpoint(cloud.authUrl())
        .credentials(cloud.user(), cloud.password(), Identifier.byName(cloud.domain()))
        .scopeToProject(Identifier.byName(cloud.project()), Identifier.byName(cloud.domain())).authenticate();

    List<Server> servers = MarkerPages.<Server>all(Map.of("name", "^paged-"), q -> os.compute().servers().list(q),
        Server::getId, 2);

    assertThat(servers).extracting(Server::getName)
        .containsExactlyInAnyOrder("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
    assertThat(cloud.requestCount("GET /compute/v2.1/servers/detail")).as("pages of 2, 2, 1 and none").isEqualTo(4);
  }

  @Test
  void aCloudWhosePagesAreSmallerThanTheLimitAskedIsStillReadToTheEnd() throws Exception {
    try (FakeOpenStack small = FakeClouds.quick().pageMaximum(3).start()) {
      OpenStack target = FakeClouds.password(small).floatingIpFrom("public");
      Unikernel seven = f.unikernel("seven", 4);
      f.deploy(target, seven).count(7).apply().close();
      small.resetCounters();

      Plan again = f.deploy(target, seven).count(7).plan();

      assertThat(again.hasChanges()).as("every server, image, group and address seen: %s", again.changes()).isFalse();
      assertThat(small.requestCount("GET /compute/v2.1/servers/detail")).as("pages of 3, 3, 1 and none at least")
          .isGreaterThanOrEqualTo(4);
      assertThat(small.creations()).allSatisfy((what, times) -> assertThat(times).as(what).isEqualTo(1));
      f.destroy(target, "seven");
      assertThat(small.servers()).as("destroy reads every page too").isEmpty();
      assertThat(small.images()).isEmpty();
    }
  }

  private Map<String, Integer> reapply(Unikernel unikernel, int count) {
    OpenStack target = FakeClouds.password(cloud).floatingIpFrom("public");
    f.deploy(target, unikernel).count(count).apply().close();
    cloud.resetCounters();
    Plan again = f.deploy(target, unikernel).count(count).apply().plan();
    assertThat(again.hasChanges()).isFalse();
    return new TreeMap<>(cloud.requestCounts());
  }
}
