package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.AbortedException;
import com.google.api.gax.rpc.FailedPreconditionException;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.UnavailableException;
import com.google.cloud.compute.v1.AccessConfig;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.AttachedDiskInitializeParams;
import com.google.cloud.compute.v1.GetSerialPortOutputInstanceRequest;
import com.google.cloud.compute.v1.InsertInstanceRequest;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.InstancesSetLabelsRequest;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.ListInstancesRequest;
import com.google.cloud.compute.v1.Metadata;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.Scheduling;
import com.google.cloud.compute.v1.SerialPortOutput;
import com.google.cloud.compute.v1.ServiceAccount;
import com.google.cloud.compute.v1.SetLabelsInstanceRequest;
import com.google.cloud.compute.v1.Tags;
import com.google.cloud.compute.v1.ZoneOperationsClient;
import dev.hermitcloud.emulator.fault.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real InstancesClient against the fake: lifecycle, validation, serial port, op errors. */
class InstancesWireTest {
  private static final String PROJECT = "vm-project";
  private static final String ZONE = "us-central1-a";

  private FakeGce fake;
  private InstancesClient instances;
  private ZoneOperationsClient operations;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).start();
    fake.addReadyImage(PROJECT, "hermit-1", "hermit", 1);
    fake.addReadyImage(PROJECT, "big", null, 10);
    instances = FakeGceClients.instances(fake);
    operations = FakeGceClients.zoneOperations(fake);
  }

  @AfterEach
  void stop() {
    instances.close();
    operations.close();
    fake.close();
  }

  @Test
  void insertsRunningInstancesEachWithItsOwnLoopbackAddress() throws Exception {
    Operation op = instances.insertAsync(PROJECT, ZONE, spec("vm-1").build()).get();
    assertThat(op.hasError()).isFalse();
    instances.insertAsync(PROJECT, ZONE, spec("vm-2").build()).get();

    Instance vm1 = instances.get(PROJECT, ZONE, "vm-1");
    Instance vm2 = instances.get(PROJECT, ZONE, "vm-2");
    assertThat(vm1.getStatus()).isEqualTo("RUNNING");
    assertThat(natIp(vm1)).isEqualTo("127.0.0.2");
    assertThat(natIp(vm2)).isEqualTo("127.0.0.3");
    assertThat(vm1.getNetworkInterfaces(0).getNetworkIP()).startsWith("10.128.0.");
    assertThat(vm1.getNetworkInterfaces(0).getNetwork()).endsWith("/global/networks/default");
    assertThat(vm1.getMachineType()).endsWith("/zones/us-central1-a/machineTypes/f1-micro");
    assertThat(vm1.getZone()).endsWith("/zones/us-central1-a");
    assertThat(vm1.getDisks(0).getDiskSizeGb()).isEqualTo(10);
    assertThat(vm1.getDisks(0).getBoot()).isTrue();
    assertThat(vm1.getDisks(0).getSource()).endsWith("/zones/us-central1-a/disks/vm-1");
    assertThat(vm1.getTags().getItemsList()).containsExactly("hermit-echo");
    assertThat(vm1.getLabelsMap()).containsEntry("hermit-deployment", "echo");
    assertThat(vm1.getMetadata().getItems(0).getValue()).isEqualTo("v");

    instances.deleteAsync(PROJECT, ZONE, "vm-1").get();
    instances.insertAsync(PROJECT, ZONE, spec("vm-3").build()).get();
    assertThat(natIp(instances.get(PROJECT, ZONE, "vm-3"))).isNotEqualTo(natIp(vm2));
    assertThatThrownBy(() -> instances.get(PROJECT, ZONE, "vm-1"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anInstanceIsProvisioningUntilItsOperationIsDone() throws Exception {
    fake.operationDuration(Duration.ofMinutes(1));

    Operation started = instances.insertCallable().futureCall(
        InsertInstanceRequest.newBuilder().setProject(PROJECT)
            .setZone(ZONE).setInstanceResource(spec("slow")).build()).get();

    assertThat(instances.get(PROJECT, ZONE, "slow").getStatus()).isEqualTo("PROVISIONING");
    assertThatThrownBy(() -> instances.deleteAsync(PROJECT, ZONE, "slow").get())
        .hasCauseInstanceOf(InvalidArgumentException.class)
        .rootCause().hasMessageContaining("resourceNotReady");
    fake.finishOperationsNow();
    Operation done = operations.wait(PROJECT, ZONE, started.getName());
    assertThat(done.getStatus()).isEqualTo(Operation.Status.DONE);
    assertThat(instances.get(PROJECT, ZONE, "slow").getStatus()).isEqualTo("RUNNING");
  }

  @Test
  void refusesWhatTheServiceRefuses() {
    List<String> problems = new ArrayList<>();
    refuse(problems, b -> b.setMachineType("f1-micro"), "zones/ZONE/machineTypes/TYPE");
    refuse(problems, b -> b.setMachineType("zones/us-central1-a/machineTypes/huge-9"),
        "does not exist in zone");
    refuse(problems, b -> b.setName("VM_1"), "resource.name");
    refuse(problems, b -> b.putLabels("Bad", "x"), "Label key 'Bad'");
    refuse(problems, b -> b.setTags(Tags.newBuilder().addItems("Web_1")), "tags.items[0]");
    refuse(problems, b -> b.setDisks(0, disk("projects/vm-project/global/images/big", 5)),
        "cannot be smaller than the image size (10 GB)");
    refuse(problems, b -> b.setDisks(0, disk("global/images/hermit-1", 0)), "at least 1 GB");
    refuse(problems, b -> b.setScheduling(Scheduling.newBuilder()
        .setProvisioningModel("SPOT").setAutomaticRestart(true)), "automaticRestart");
    refuse(problems, b -> b.setDisks(0, disk("https://www.googleapis.com/compute/v1/projects/"
        + "vm-project/global/images/no-such-image", 10)), "was not found");
    refuse(problems, b -> b.setNetworkInterfaces(0, NetworkInterface.newBuilder()
        .setNetwork("global/networks/other")), "The referenced network resource cannot be found.");
    // ^ GCE answers a missing network with 400 invalid, not 404 (audit B6; btcpayserver-googlecloud#7)
    assertThat(problems).isEmpty();
    assertThatThrownBy(() -> instances.insertAsync(PROJECT, "us-central1-z", spec("z").build()).get())
        .hasCauseInstanceOf(InvalidArgumentException.class)
        .rootCause().hasMessageContaining("Unknown zone");
    assertThat(fake.instances(PROJECT)).isEmpty();
    assertThat(fake.stats().creations()).isEmpty();
  }

  @Test
  void aSecondInsertOfTheSameNameIsAConflict() throws Exception {
    instances.insertAsync(PROJECT, ZONE, spec("twin").build()).get();
    assertThatThrownBy(() -> instances.insertAsync(PROJECT, ZONE, spec("twin").build()).get())
        .hasCauseInstanceOf(AbortedException.class)
        .rootCause().hasMessageContaining("alreadyExists");
    assertThat(fake.stats().creations("instance", "twin")).isEqualTo(1);
  }

  @Test
  void keepsSpotSchedulingServiceAccountsAndBootOutput() throws Exception {
    fake.bootOutput("SeaBIOS (fake)\n");
    instances.insertAsync(PROJECT, ZONE, spec("spot")
        .setScheduling(Scheduling.newBuilder().setProvisioningModel("SPOT"))
        .addServiceAccounts(ServiceAccount.newBuilder()
            .setEmail("runner@vm-project.iam.gserviceaccount.com")
            .addScopes("https://www.googleapis.com/auth/cloud-platform"))
        .build()).get();

    Instance spot = instances.get(PROJECT, ZONE, "spot");
    assertThat(spot.getScheduling().getProvisioningModel()).isEqualTo("SPOT");
    assertThat(spot.getScheduling().getAutomaticRestart()).isFalse();
    assertThat(spot.getScheduling().getOnHostMaintenance()).isEqualTo("TERMINATE");
    assertThat(spot.getServiceAccounts(0).getEmail())
        .isEqualTo("runner@vm-project.iam.gserviceaccount.com");
    assertThat(serial("spot", 0).getContents()).isEqualTo("SeaBIOS (fake)\n");
  }

  @Test
  void serialPortHonoursStartOffsets() throws Exception {
    instances.insertAsync(PROJECT, ZONE, spec("talker").build()).get();
    fake.appendSerialOutput(PROJECT, ZONE, "talker", "hello\n");
    fake.appendSerialOutput(PROJECT, ZONE, "talker", "world\n");

    SerialPortOutput all = serial("talker", 0);
    SerialPortOutput tail = serial("talker", 6);
    SerialPortOutput beyond = serial("talker", 100);
    SerialPortOutput last3 = serial("talker", -3);

    assertThat(all.getContents()).isEqualTo("hello\nworld\n");
    assertThat(all.getStart()).isZero();
    assertThat(all.getNext()).isEqualTo(12);
    assertThat(tail.getContents()).isEqualTo("world\n");
    assertThat(tail.getStart()).isEqualTo(6);
    assertThat(tail.getNext()).isEqualTo(12);
    assertThat(beyond.getContents()).isEmpty();
    assertThat(beyond.getStart()).isEqualTo(100);
    assertThat(beyond.getNext()).isEqualTo(100);
    assertThat(last3.getContents()).isEqualTo("ld\n");
    assertThat(last3.getStart()).isEqualTo(9);
  }

  @Test
  void anOperationErrorWithHttpStatusMakesGetThrowAndLeavesNoInstance() {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.INSTANCES)
        .inject(GceFaults.operationError(OperationError.zoneResourcePoolExhausted())));

    assertThatThrownBy(() -> instances.insertAsync(PROJECT, ZONE, spec("unlucky").build()).get())
        .hasCauseInstanceOf(UnavailableException.class);

    assertThatThrownBy(() -> instances.get(PROJECT, ZONE, "unlucky"))
        .isInstanceOf(NotFoundException.class);
    assertThat(fake.stats().creations("instance", "unlucky")).isEqualTo(1);
  }

  @Test
  void anOperationErrorWithoutHttpStatusIsReturnedInTheOperation() throws Exception {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.INSTANCES)
        .inject(GceFaults.operationError(OperationError.of("INTERNAL_ERROR", "Something broke."))));

    Operation op = instances.insertAsync(PROJECT, ZONE, spec("quiet").build()).get();

    assertThat(op.hasError()).isTrue();
    assertThat(op.getError().getErrors(0).getCode()).isEqualTo("INTERNAL_ERROR");
    assertThat(op.getError().getErrors(0).getMessage()).isEqualTo("Something broke.");
  }

  @Test
  void setLabelsNeedsTheCurrentFingerprint() throws Exception {
    instances.insertAsync(PROJECT, ZONE, spec("labelled").build()).get();
    String fingerprint = instances.get(PROJECT, ZONE, "labelled").getLabelFingerprint();

    instances.setLabelsAsync(setLabels("labelled", fingerprint, "v2")).get();

    Instance after = instances.get(PROJECT, ZONE, "labelled");
    assertThat(after.getLabelsMap()).containsExactly(Map.entry("hermit-spec", "v2"));
    assertThat(after.getLabelFingerprint()).isNotEqualTo(fingerprint);
    assertThatThrownBy(() -> instances.setLabelsAsync(setLabels("labelled", fingerprint, "v3")).get())
        .hasCauseInstanceOf(FailedPreconditionException.class);
  }

  @Test
  void listsFilterByLabel() throws Exception {
    instances.insertAsync(PROJECT, ZONE, spec("mine").build()).get();
    instances.insertAsync(PROJECT, ZONE, spec("theirs").putLabels("hermit-deployment", "other")
        .build()).get();

    List<String> names = new ArrayList<>();
    instances.list(ListInstancesRequest.newBuilder().setProject(PROJECT).setZone(ZONE)
            .setFilter("labels.hermit-deployment = echo").build())
        .iterateAll().forEach(i -> names.add(i.getName()));

    assertThat(names).containsExactly("mine");
  }

  private void refuse(List<String> problems, UnaryOperator<Instance.Builder> change,
      String message) {
    try {
      instances.insertAsync(PROJECT, ZONE, change.apply(spec("bad")).build()).get();
      problems.add("accepted: " + message);
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      if (!root.getMessage().contains(message)) {
        problems.add("expected '" + message + "' but got: " + root.getMessage());
      }
    }
  }

  private SerialPortOutput serial(String instance, long start) {
    return instances.getSerialPortOutput(GetSerialPortOutputInstanceRequest.newBuilder()
        .setProject(PROJECT).setZone(ZONE).setInstance(instance).setPort(1).setStart(start)
        .build());
  }

  private static SetLabelsInstanceRequest setLabels(String instance, String fingerprint,
      String spec) {
    return SetLabelsInstanceRequest.newBuilder().setProject(PROJECT).setZone(ZONE)
        .setInstance(instance)
        .setInstancesSetLabelsRequestResource(InstancesSetLabelsRequest.newBuilder()
            .setLabelFingerprint(fingerprint).putLabels("hermit-spec", spec))
        .build();
  }

  private static String natIp(Instance instance) {
    return instance.getNetworkInterfaces(0).getAccessConfigs(0).getNatIP();
  }

  private static AttachedDisk disk(String image, long sizeGb) {
    return AttachedDisk.newBuilder().setBoot(true).setAutoDelete(true)
        .setInitializeParams(AttachedDiskInitializeParams.newBuilder()
            .setSourceImage(image).setDiskSizeGb(sizeGb))
        .build();
  }

  static Instance.Builder spec(String name) {
    return Instance.newBuilder()
        .setName(name)
        .setMachineType("zones/us-central1-a/machineTypes/f1-micro")
        .addDisks(disk("projects/vm-project/global/images/hermit-1", 10))
        .addNetworkInterfaces(NetworkInterface.newBuilder()
            .setNetwork("global/networks/default")
            .addAccessConfigs(AccessConfig.newBuilder().setName("External NAT")
                .setType("ONE_TO_ONE_NAT")))
        .setMetadata(Metadata.newBuilder().addItems(Items.newBuilder().setKey("k").setValue("v")))
        .setTags(Tags.newBuilder().addItems("hermit-echo"))
        .putLabels("hermit-deployment", "echo");
  }
}
