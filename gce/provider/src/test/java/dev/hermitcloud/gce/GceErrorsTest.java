package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.InsertFirewallRequest;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeGceClients;
import dev.hermitcloud.gce.fake.GceFaults;
import dev.hermitcloud.gce.fake.OperationError;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.CloudException;
import dev.hermitcloud.resource.ResourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What the cloud says when it refuses: surfaced with the resource's name and the cloud's own words. */
class GceErrorsTest {
  @TempDir
  Path dir;

  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private FakeGce fake;
  private DeploymentDefinition.WithCreate echo;

  @BeforeEach
  void start() throws IOException {
    fake = GceFixture.fake().start();
    echo = GceFixture.deploy(GceFixture.unikernel(dir, "echo", 64 * 1024, 1), GceFixture.target(fake), events);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void anExhaustedZoneFailsTheInstanceWithTheCloudsCodeAndMessage() {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.INSTANCES)
        .inject(GceFaults.operationError(OperationError.zoneResourcePoolExhausted())));

    assertThatThrownBy(echo::apply).isInstanceOf(DeploymentException.class)
        .hasMessageContaining("instance 'echo'")
        .hasMessageContaining("ZONE_RESOURCE_POOL_EXHAUSTED: The zone does not have enough resources available");

    echo.apply().close();
    assertThat(fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow().status()).isEqualTo("RUNNING");
  }

  @Test
  void anExceededQuotaFailsTheInstanceWithTheCloudsCodeAndMessage() {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.INSTANCES)
        .inject(GceFaults.operationError(OperationError.quotaExceeded("CPUS"))));

    assertThatThrownBy(echo::apply).isInstanceOf(DeploymentException.class)
        .hasMessageContaining("instance 'echo'").hasMessageContaining("QUOTA_EXCEEDED: Quota 'CPUS' exceeded");
  }

  @Test
  void anOperationErrorWithoutAnHttpStatusIsStillAFailureAndTheImageIsReplacedNextRun() {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.IMAGES)
        .inject(GceFaults.operationError(OperationError.of("IMAGE_IMPORT_ERROR", "The archive could not be imported."))));

    assertThatThrownBy(echo::apply).isInstanceOf(DeploymentException.class)
        .hasMessageContaining("image 'echo-").hasMessageContaining("IMAGE_IMPORT_ERROR: The archive could not be imported.");
    assertThat(fake.instances(GceFixture.PROJECT)).isEmpty();

    var plan = echo.plan();
    assertThat(plan.changes()).filteredOn(c -> c.kind() == ResourceKind.IMAGE).singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(Action.REPLACE));
    echo.apply().close();
    assertThat(fake.images(GceFixture.PROJECT)).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("READY"));
  }

  @Test
  void aRefusedCallIsNotRetriedAndNamesTheResourceAndTheReason() {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.FIREWALLS).always().inject(GceFaults.permissionDenied()));

    assertThatThrownBy(echo::apply).isInstanceOf(DeploymentException.class)
        .hasMessageContaining("firewall 'hermit-echo'")
        .hasMessageContaining("HTTP 403: Required permission is missing for this resource. (forbidden)");
    assertThat(fake.stats().requests("POST", RouteTemplates.FIREWALLS)).isEqualTo(1);
    assertThat(events).noneMatch(e -> e instanceof ProgressEvent.RetryScheduled r && r.call().contains("firewall"));
  }

  @Test
  void throttlingCarriesRetryAfterAndTheReason() {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.FIREWALLS).inject(GceFaults.rateLimited(7)));

    CloudException e = translated(() -> insertFirewall("fw"));

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.getMessage()).isEqualTo("Rate Limit Exceeded (rateLimitExceeded)");
    assertThat(e.isTransient()).isTrue();
  }

  @Test
  void aConflictKeepsAlreadyExistsThatGaxDrops() {
    insertFirewall("fw");

    CloudException e = translated(() -> insertFirewall("fw"));

    assertThat(e.isConflict()).isTrue();
    assertThat(e.getMessage()).contains("already exists").endsWith("(alreadyExists)");
  }

  @Test
  void resetLostAndTruncatedAnswersAreConnectionFaults() {
    for (Fault fault : List.of(Fault.connectionReset(), Fault.responseLost(), Fault.truncatedResponse())) {
      fake.faults().add(FaultRule.on("POST", RouteTemplates.FIREWALLS).inject(fault));

      CloudException e = translated(() -> insertFirewall("fw-" + fault.toString().length()));

      assertThat(e.status()).as(fault.toString()).isZero();
      assertThat(e.isTransient()).isTrue();
    }
  }

  @Test
  void storageErrorsKeepTheirStatusAndReason() {
    fake.faults().add(FaultRule.on("GET", RouteTemplates.OBJECT).times(10).inject(GceFaults.permissionDenied()));

    try (Storage storage = FakeGceClients.storage(fake, GceFixture.PROJECT)) {
      CloudException e = translated(() -> storage.get(BlobId.of(GceFixture.BUCKET, "hermit/x.tar.gz")));
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.getMessage()).contains("Required permission is missing").contains("forbidden");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void insertFirewall(String name) {
    try (FirewallsClient firewalls = FakeGceClients.firewalls(fake)) {
      firewalls.insertCallable().call(InsertFirewallRequest.newBuilder().setProject(GceFixture.PROJECT)
          .setFirewallResource(Firewall.newBuilder().setName(name).addSourceRanges("10.0.0.0/8")
              .addAllowed(Allowed.newBuilder().setIPProtocol("tcp").addPorts("22")))
          .build());
    }
  }

  private static CloudException translated(Executable call) {
    try {
      call.execute();
    } catch (Exception e) {
      Exception translated = GceErrors.translate(e);
      assertThat(translated).isInstanceOf(CloudException.class);
      return (CloudException) translated;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
    throw new AssertionError("the call did not fail");
  }
}
