package dev.hermitcloud.gce.fake;

import static dev.hermitcloud.gce.fake.MigFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.AbortedException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.HTTPHealthCheck;
import com.google.cloud.compute.v1.HealthCheck;
import com.google.cloud.compute.v1.HealthChecksClient;
import com.google.cloud.compute.v1.ListHealthChecksRequest;
import com.google.cloud.compute.v1.TCPHealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real HealthChecksClient against the fake: lifecycle, defaults, validation. */
class HealthChecksWireTest {
  private FakeGce fake;
  private HealthChecksClient checks;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).operationDuration(Duration.ofMillis(30)).start();
    checks = FakeGceClients.healthChecks(fake);
  }

  @AfterEach
  void stop() {
    checks.close();
    fake.close();
  }

  @Test
  void insertsWithTheDocumentedDefaultsListsAndDeletes() throws Exception {
    assertThat(checks.insertAsync(PROJECT, MigFixtures.httpCheck("web-hc").build()).get().hasError()).isFalse();
    checks.insertAsync(PROJECT, HealthCheck.newBuilder().setName("tcp-hc").setType("TCP")
        .setTcpHealthCheck(TCPHealthCheck.newBuilder().setPort(22)).build()).get();

    HealthCheck got = checks.get(PROJECT, "web-hc");
    assertThat(got.getKind()).isEqualTo("compute#healthCheck");
    assertThat(got.getSelfLink()).endsWith("/projects/mig-project/global/healthChecks/web-hc");
    assertThat(got.getId()).isPositive();
    assertThat(got.getCreationTimestamp()).isNotEmpty();
    assertThat(got.getCheckIntervalSec()).isEqualTo(5);
    assertThat(got.getTimeoutSec()).isEqualTo(5);
    assertThat(got.getHealthyThreshold()).isEqualTo(2);
    assertThat(got.getUnhealthyThreshold()).isEqualTo(2);
    assertThat(got.getHttpHealthCheck().getPort()).isEqualTo(MigFixtures.PORT);
    assertThat(got.getHttpHealthCheck().getRequestPath()).isEqualTo("/health");
    assertThat(checks.get(PROJECT, "tcp-hc").getTcpHealthCheck().getPort()).isEqualTo(22);

    List<String> names = new ArrayList<>();
    checks.list(ListHealthChecksRequest.newBuilder().setProject(PROJECT).setFilter("type = TCP").build())
        .iterateAll().forEach(c -> names.add(c.getName()));
    assertThat(names).containsExactly("tcp-hc");
    assertThat(fake.healthChecks(PROJECT)).hasSize(2);
    assertThatThrownBy(() -> checks.insertAsync(PROJECT, MigFixtures.httpCheck("web-hc").build()).get())
        .hasCauseInstanceOf(AbortedException.class);

    checks.deleteAsync(PROJECT, "web-hc").get();
    assertThatThrownBy(() -> checks.get(PROJECT, "web-hc")).isInstanceOf(NotFoundException.class);
    assertThat(fake.resourceCounts()).containsEntry("healthCheck", 1);
  }

  @Test
  void refusesWhatTheServiceRefuses() {
    List<String> problems = new ArrayList<>();
    refuse(problems, b -> b.setName("Bad_Name"), "resource.name");
    refuse(problems, b -> b.setType("TCP"), "resource.httpHealthCheck");
    refuse(problems, b -> b.setHttpHealthCheck(HTTPHealthCheck.newBuilder().setPort(70000)),
        "resource.httpHealthCheck.port");
    refuse(problems, b -> b.setCheckIntervalSec(5).setTimeoutSec(10), "resource.timeoutSec");
    refuse(problems, b -> b.setUnhealthyThreshold(0).setHealthyThreshold(11), "resource.healthyThreshold");
    refuse(problems, b -> b.clearType(), "resource.type");
    assertThat(problems).isEmpty();
    assertThat(fake.healthChecks(PROJECT)).isEmpty();
  }

  private void refuse(List<String> problems, UnaryOperator<HealthCheck.Builder> change, String field) {
    try {
      checks.insertAsync(PROJECT, change.apply(MigFixtures.httpCheck("bad")).build()).get();
      problems.add("accepted: " + field);
    } catch (Exception e) {
      if (!MigFixtures.rootMessage(e).contains(field)) {
        problems.add("expected '" + field + "' but got: " + MigFixtures.rootMessage(e));
      }
    }
  }
}
