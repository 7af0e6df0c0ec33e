package dev.hermitcloud.gce.fake;

import com.google.cloud.compute.v1.AccessConfig;
import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.AttachedDiskInitializeParams;
import com.google.cloud.compute.v1.FixedOrPercent;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.HTTPHealthCheck;
import com.google.cloud.compute.v1.HealthCheck;
import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.InstanceGroupManagerAutoHealingPolicy;
import com.google.cloud.compute.v1.InstanceGroupManagerUpdatePolicy;
import com.google.cloud.compute.v1.InstanceProperties;
import com.google.cloud.compute.v1.InstanceTemplate;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.Metadata;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.Tags;

/** What the group tests build again and again: templates, health checks, the probers' firewall rule, managers. */
final class MigFixtures {
  static final String PROJECT = "mig-project";
  static final String ZONE = "us-central1-a";
  static final String TAG = "hermit-web";
  static final int PORT = 8080;

  private MigFixtures() {}

  /** A fake whose operations take no time, holding the READY image {@code web-1} templates boot. */
  static FakeGce fake() throws java.io.IOException {
    FakeGce fake = FakeGce.builder().project(PROJECT).operationDuration(java.time.Duration.ZERO).start();
    fake.addReadyImage(PROJECT, "web-1", "web", 1);
    return fake;
  }

  static InstanceTemplate.Builder template(String name, String image) {
    return InstanceTemplate.newBuilder().setName(name).setProperties(InstanceProperties.newBuilder()
        .setMachineType("e2-small")
        .addDisks(AttachedDisk.newBuilder().setBoot(true).setAutoDelete(true)
            .setInitializeParams(AttachedDiskInitializeParams.newBuilder()
                .setSourceImage("projects/" + PROJECT + "/global/images/" + image).setDiskSizeGb(10)))
        .addNetworkInterfaces(NetworkInterface.newBuilder().setNetwork("global/networks/default")
            .addAccessConfigs(AccessConfig.newBuilder().setName("External NAT").setType("ONE_TO_ONE_NAT")))
        .setTags(Tags.newBuilder().addItems(TAG))
        .putLabels("hermit-deployment", "web")
        .setMetadata(Metadata.newBuilder().addItems(Items.newBuilder().setKey("app").setValue(name))));
  }

  static HealthCheck.Builder httpCheck(String name) {
    return HealthCheck.newBuilder().setName(name).setType("HTTP")
        .setHttpHealthCheck(HTTPHealthCheck.newBuilder().setPort(PORT).setRequestPath("/health"));
  }

  /** Lets Google's health-check probers reach the app's port on the group's instances. */
  static Firewall.Builder probers(String name) {
    return Firewall.newBuilder().setName(name).setNetwork("global/networks/default").setDirection("INGRESS")
        .addAllowed(Allowed.newBuilder().setIPProtocol("tcp").addPorts(Integer.toString(PORT)))
        .addSourceRanges("35.191.0.0/16").addSourceRanges("130.211.0.0/22").addTargetTags(TAG);
  }

  static InstanceGroupManager.Builder manager(String name, String template, int size) {
    return InstanceGroupManager.newBuilder().setName(name).setBaseInstanceName(name)
        .setInstanceTemplate("global/instanceTemplates/" + template).setTargetSize(size);
  }

  static InstanceGroupManager.Builder healing(InstanceGroupManager.Builder manager, String check) {
    return manager.addAutoHealingPolicies(InstanceGroupManagerAutoHealingPolicy.newBuilder()
        .setHealthCheck("global/healthChecks/" + check).setInitialDelaySec(60));
  }

  static InstanceGroupManagerUpdatePolicy surge(int maxSurge, int maxUnavailable) {
    return InstanceGroupManagerUpdatePolicy.newBuilder().setType("PROACTIVE")
        .setMaxSurge(FixedOrPercent.newBuilder().setFixed(maxSurge))
        .setMaxUnavailable(FixedOrPercent.newBuilder().setFixed(maxUnavailable)).build();
  }

  static String natIp(com.google.cloud.compute.v1.Instance vm) {
    return vm.getNetworkInterfaces(0).getAccessConfigs(0).getNatIP();
  }

  /** The root cause's message of a failed call. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
