package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.NetworksClient;
import com.google.cloud.compute.v1.SubnetworksClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Audit A3, B6: a project without {@code default}, a custom-mode VPC and GCE's 400s, through the real clients. */
class NetworksWireTest {
  private static final String PROJECT = "vm-project";
  private static final String ZONE = "us-central1-a";

  private FakeGce fake;
  private InstancesClient instances;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).noDefaultNetwork().customNetwork("apps")
        .subnetwork("apps", "us-central1", "apps-a").customNetwork("other").subnetwork("other", "us-central1", "other-a")
        .start();
    fake.addReadyImage(PROJECT, "hermit-1", "hermit", 1);
    instances = FakeGceClients.instances(fake);
  }

  @AfterEach
  void stop() {
    instances.close();
    fake.close();
  }

  @Test
  void networksAndSubnetworksCanBeRead() throws Exception {
    try (NetworksClient networks = FakeGceClients.networks(fake); SubnetworksClient subnetworks = FakeGceClients.subnetworks(fake)) {
      assertThat(networks.get(PROJECT, "apps").getAutoCreateSubnetworks()).isFalse();
      assertThatThrownBy(() -> networks.get(PROJECT, "default")).isInstanceOf(NotFoundException.class);
      assertThat(subnetworks.get(PROJECT, "us-central1", "apps-a").getNetwork()).endsWith("/global/networks/apps");
      List<String> names = new ArrayList<>();
      subnetworks.list(PROJECT, "us-central1").iterateAll().forEach(s -> names.add(s.getName()));
      assertThat(names).containsExactlyInAnyOrder("apps-a", "other-a");
    }
  }

  @Test
  void theServiceRefusesWhatANetworkCannotTake() {
    List<String> problems = new ArrayList<>();
    refuse(problems, nic(null, null), "resource.networkInterfaces[0].network");
    refuse(problems, nic(null, null), "The referenced network resource cannot be found.");
    refuse(problems, nic("global/networks/apps", null),
        "Invalid value for field 'resource.networkInterfaces[0]': ''. Subnetwork should be specified for custom subnetmode network");
    refuse(problems, nic("global/networks/apps", "regions/us-central1/subnetworks/nope"),
        "resource.networkInterfaces[0].subnetwork': 'regions/us-central1/subnetworks/nope'. The referenced subnetwork resource cannot be found.");
    refuse(problems, nic("global/networks/apps", "regions/us-central1/subnetworks/other-a"),
        "/subnetworks/other-a\\\" is not valid for Network");
    assertThat(problems).isEmpty();
  }

  @Test
  void aSubnetworkOfTheNetworkIsAccepted() throws Exception {
    instances.insertAsync(PROJECT, ZONE, nic("global/networks/apps", "regions/us-central1/subnetworks/apps-a").build()).get();
    assertThat(fake.instance(PROJECT, ZONE, "vm").orElseThrow().field("/networkInterfaces/0/subnetwork"))
        .endsWith("/regions/us-central1/subnetworks/apps-a");
  }

  private static Instance.Builder nic(String network, String subnetwork) {
    NetworkInterface.Builder nic = NetworkInterface.newBuilder();
    if (network != null) {
      nic.setNetwork(network);
    }
    if (subnetwork != null) {
      nic.setSubnetwork(subnetwork);
    }
    return InstancesWireTest.spec("vm").setNetworkInterfaces(0, nic);
  }

  private void refuse(List<String> problems, Instance.Builder vm, String message) {
    try {
      instances.insertAsync(PROJECT, ZONE, vm.build()).get();
      problems.add("accepted: " + message);
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      if (!(e.getCause() instanceof InvalidArgumentException) || !root.getMessage().contains(message)) {
        problems.add("expected 400 '" + message + "' but got: " + e.getCause());
      }
    }
  }
}
