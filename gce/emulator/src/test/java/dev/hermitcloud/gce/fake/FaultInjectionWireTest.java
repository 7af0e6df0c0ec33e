package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.PermissionDeniedException;
import com.google.api.gax.rpc.ResourceExhaustedException;
import com.google.api.gax.rpc.UnavailableException;
import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.GlobalOperationsClient;
import com.google.cloud.compute.v1.ImagesClient;
import com.google.cloud.compute.v1.InsertFirewallRequest;
import com.google.cloud.compute.v1.InsertInstanceRequest;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import dev.hermitcloud.emulator.client.RawHttp;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults as the real clients see them, and the state they leave behind. */
class FaultInjectionWireTest {
  private static final String PROJECT = "fault-project";
  private static final String ZONE = "us-central1-a";
  private static final String FIREWALL_JSON = "{\"name\":\"raw\",\"allowed\":[{\"IPProtocol\":\"tcp\","
      + "\"ports\":[\"22\"]}],\"sourceRanges\":[\"10.0.0.0/8\"]}";

  private FakeGce fake;
  private InstancesClient instances;
  private FirewallsClient firewalls;
  private ImagesClient images;
  private GlobalOperationsClient operations;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).bucket("fault-bucket").start();
    fake.addReadyImage("vm-project", "hermit-1", null, 1);
    instances = FakeGceClients.instances(fake);
    firewalls = FakeGceClients.firewalls(fake);
    images = FakeGceClients.images(fake);
    operations = FakeGceClients.globalOperations(fake);
  }

  @AfterEach
  void stop() {
    instances.close();
    firewalls.close();
    images.close();
    operations.close();
    fake.close();
  }

  @Test
  void rateLimitingIsResourceExhaustedWithRetryAfterAndChangesNothing() throws Exception {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.FIREWALLS).times(2)
        .inject(GceFaults.rateLimited(3)));

    assertThatThrownBy(() -> firewalls.insertAsync(PROJECT, FirewallsWireTest.rule("fw").build()).get())
        .hasCauseInstanceOf(ResourceExhaustedException.class)
        .rootCause().hasMessageContaining("rateLimitExceeded");
    String raw = RawHttp.exchange(fake.port(), "POST",
        "/compute/v1/projects/" + PROJECT + "/global/firewalls", FIREWALL_JSON);

    assertThat(raw).startsWith("HTTP/1.1 429");
    assertThat(RawHttp.header(raw, "Retry-After")).isEqualTo("3");
    assertThat(fake.firewalls(PROJECT)).isEmpty();
    assertThat(fake.stats().creations()).isEmpty();
    assertThat(firewalls.insertAsync(PROJECT, FirewallsWireTest.rule("fw").build()).get().hasError())
        .isFalse();
    assertThat(fake.stats().creations("firewall", "fw")).isEqualTo(1);
  }

  @Test
  void backendErrorsAndPermissionDeniedReachTheClientAsTheirExceptions() {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.INSTANCES)
        .inject(GceFaults.backendError()));
    fake.faults().add(FaultRule.on("DELETE", RouteTemplates.FIREWALL)
        .inject(GceFaults.permissionDenied()));

    assertThatThrownBy(() -> instances.insertAsync(PROJECT, ZONE,
            InstancesWireTest.spec("vm").build()).get())
        .hasCauseInstanceOf(UnavailableException.class);
    assertThatThrownBy(() -> firewalls.deleteAsync(PROJECT, "anything").get())
        .hasCauseInstanceOf(PermissionDeniedException.class);
    assertThat(fake.instances(PROJECT)).isEmpty();
  }

  @Test
  void aGetAnsweredWithBackendErrorIsRetriedByTheClient() {
    fake.addReadyImage(PROJECT, "img", null, 1);
    fake.faults().add(FaultRule.on("GET", RouteTemplates.IMAGE).inject(GceFaults.backendError()));

    assertThat(images.get(PROJECT, "img").getName()).isEqualTo("img");
    assertThat(fake.stats().requests("GET", RouteTemplates.IMAGE)).isEqualTo(2);
  }

  @Test
  void aResetConnectionChangedNothing() throws Exception {
    FaultRule reset = fake.faults().add(FaultRule.on("POST", RouteTemplates.FIREWALLS)
        .inject(Fault.connectionReset()));

    String raw = RawHttp.exchange(fake.port(), "POST",
        "/compute/v1/projects/" + PROJECT + "/global/firewalls", FIREWALL_JSON);

    assertThat(raw).isEmpty();
    assertThat(reset.fired()).isEqualTo(1);
    assertThat(fake.stats().requests("POST", RouteTemplates.FIREWALLS)).isEqualTo(1);
    assertThat(fake.stats().creations()).isEmpty();
  }

  @Test
  void aTruncatedResponseLosesTheAnswerButTheChangeHappened() throws Exception {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.FIREWALLS)
        .inject(Fault.truncatedResponse()));

    String raw = RawHttp.exchange(fake.port(), "POST",
        "/compute/v1/projects/" + PROJECT + "/global/firewalls", FIREWALL_JSON);

    assertThat(raw).startsWith("HTTP/1.1 200");
    int announced = Integer.parseInt(RawHttp.header(raw, "Content-Length"));
    assertThat(RawHttp.body(raw).length()).isLessThan(announced);
    assertThat(fake.stats().creations("firewall", "raw")).isEqualTo(1);
  }

  @Test
  void anInsertWhoseResponseWasLostIsSafeToRetryWithTheSameRequestId() throws Exception {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.INSTANCES)
        .inject(Fault.responseLost()));
    InsertInstanceRequest request = InsertInstanceRequest.newBuilder()
        .setProject(PROJECT).setZone(ZONE).setRequestId(UUID.randomUUID().toString())
        .setInstanceResource(InstancesWireTest.spec("retried")).build();

    Operation op;
    try {
      op = instances.insertAsync(request).get();
    } catch (Exception lost) {
      op = instances.insertAsync(request).get();
    }

    assertThat(op.hasError()).isFalse();
    assertThat(fake.stats().requests("POST", RouteTemplates.INSTANCES)).isEqualTo(2);
    assertThat(fake.stats().creations("instance", "retried")).isEqualTo(1);
    assertThat(fake.instance(PROJECT, ZONE, "retried").orElseThrow().status()).isEqualTo("RUNNING");
  }

  @Test
  void aSlowOperationIsStillRunningWhenPolled() throws Exception {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.FIREWALLS)
        .inject(GceFaults.slowOperation(Duration.ofMinutes(1))));

    Operation started = firewalls.insertCallable().futureCall(InsertFirewallRequest.newBuilder()
        .setProject(PROJECT).setFirewallResource(FirewallsWireTest.rule("slow")).build()).get();

    assertThat(operations.get(PROJECT, started.getName()).getStatus())
        .isNotEqualTo(Operation.Status.DONE);
    fake.finishOperationsNow();
    assertThat(operations.wait(PROJECT, started.getName()).getStatus())
        .isEqualTo(Operation.Status.DONE);
  }

  @Test
  void storageRetriesAnIdempotentUploadAfterABackendError() throws Exception {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.OBJECT_UPLOADS)
        .inject(GceFaults.backendError()));

    try (Storage storage = FakeGceClients.storage(fake, PROJECT)) {
      storage.create(BlobInfo.newBuilder("fault-bucket", "retried.bin").build(), new byte[] {1, 2},
          Storage.BlobTargetOption.doesNotExist());
    }

    assertThat(fake.stats().requests("POST", RouteTemplates.OBJECT_UPLOADS)).isEqualTo(2);
    assertThat(fake.stats().creations("object", "fault-bucket/retried.bin")).isEqualTo(1);
  }
}
