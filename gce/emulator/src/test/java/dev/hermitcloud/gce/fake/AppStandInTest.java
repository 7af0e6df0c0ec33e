package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.Denied;
import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.InstancesClient;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app stand-in answers on natIP:port exactly while a firewall rule lets 127.0.0.1 in. */
class AppStandInTest {
  private static final String PROJECT = "app-project";
  private static final String ZONE = "us-central1-a";
  /** A loopback block of its own per test JVM, so parallel builds do not collide. */
  private static final String FIRST_ADDRESS =
      "127.0." + (20 + ProcessHandle.current().pid() % 200) + ".2";

  private FakeGce fake;
  private InstancesClient instances;
  private FirewallsClient firewalls;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().appStandIn(true).firstExternalAddress(FIRST_ADDRESS).start();
    fake.addReadyImage("vm-project", "hermit-1", null, 1);
    instances = FakeGceClients.instances(fake);
    firewalls = FakeGceClients.firewalls(fake);
  }

  @AfterEach
  void stop() {
    instances.close();
    firewalls.close();
    fake.close();
  }

  @Test
  void answersOnlyWhileTheFirewallAllowsTheClient() throws Exception {
    instances.insertAsync(PROJECT, ZONE, InstancesWireTest.spec("web-1").build()).get();
    String ip = fake.instance(PROJECT, ZONE, "web-1").orElseThrow().natIp();
    int port = freePort(ip);
    String binding = ip + ":" + port;
    assertThat(ip).isEqualTo(FIRST_ADDRESS);
    assertThat(fake.appStandInListeners()).isEmpty();

    insertRule("from-elsewhere", port, "10.0.0.0/8", "hermit-echo");
    insertRule("other-target", port, "0.0.0.0/0", "some-other-tag");
    assertThat(fake.appStandInListeners()).isEmpty();
    assertThatThrownBy(() -> get(ip, port)).isInstanceOf(ConnectException.class);

    insertRule("allow-echo", port, "0.0.0.0/0", "hermit-echo");
    assertThat(fake.appStandInListeners()).containsExactly(binding);
    HttpResponse<String> hello = get(ip, port);
    assertThat(hello.statusCode()).isEqualTo(200);
    assertThat(hello.body()).isEqualTo("hello from web-1\n");

    firewalls.insertAsync(PROJECT, FirewallsWireTest.rule("deny-first").clearAllowed()
        .addDenied(Denied.newBuilder().setIPProtocol("tcp").addPorts(Integer.toString(port)))
        .setPriority(100).build()).get();
    assertThat(fake.appStandInListeners()).isEmpty();
    firewalls.deleteAsync(PROJECT, "deny-first").get();
    assertThat(fake.appStandInListeners()).containsExactly(binding);

    instances.deleteAsync(PROJECT, ZONE, "web-1").get();
    assertThat(fake.appStandInListeners()).isEmpty();
    assertThatThrownBy(() -> get(ip, port)).isInstanceOf(ConnectException.class);
    assertThat(fake.appStandInFailures()).isEmpty();
  }

  @Test
  void canBeTurnedOffAndOn() throws Exception {
    instances.insertAsync(PROJECT, ZONE, InstancesWireTest.spec("web-2").build()).get();
    String ip = fake.instance(PROJECT, ZONE, "web-2").orElseThrow().natIp();
    int port = freePort(ip);
    insertRule("allow", port, "127.0.0.1/32", "hermit-echo");
    assertThat(fake.appStandInListeners()).containsExactly(ip + ":" + port);

    fake.appStandIn(false);
    assertThat(fake.appStandInListeners()).isEmpty();
    fake.appStandIn(true);
    assertThat(get(ip, port).body()).isEqualTo("hello from web-2\n");
  }

  @Test
  void servesAManagedInstanceLikeAnyOther() throws Exception {
    fake.addReadyImage(MigFixtures.PROJECT, "web-1", null, 1);
    try (var templates = FakeGceClients.instanceTemplates(fake);
        var managers = FakeGceClients.instanceGroupManagers(fake)) {
      templates.insertAsync(MigFixtures.PROJECT, MigFixtures.template("web-v1", "web-1").build()).get();
      managers.insertAsync(MigFixtures.PROJECT, ZONE, MigFixtures.manager("web", "web-v1", 1).build()).get();
      fake.finishOperationsNow();
    }
    FakeResource vm = fake.instances(MigFixtures.PROJECT).get(0);
    int port = freePort(vm.natIp());
    firewalls.insertAsync(MigFixtures.PROJECT, FirewallsWireTest.rule("allow-web")
        .setAllowed(0, Allowed.newBuilder().setIPProtocol("tcp").addPorts(Integer.toString(port)))
        .setTargetTags(0, MigFixtures.TAG).build()).get();

    assertThat(get(vm.natIp(), port).body()).isEqualTo("hello from " + vm.name() + "\n");
  }

  private void insertRule(String name, int port, String source, String tag) throws Exception {
    firewalls.insertAsync(PROJECT, FirewallsWireTest.rule(name)
        .setAllowed(0, Allowed.newBuilder().setIPProtocol("tcp").addPorts(Integer.toString(port)))
        .setSourceRanges(0, source).setTargetTags(0, tag).build()).get();
  }

  private HttpResponse<String> get(String ip, int port) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://" + ip + ":" + port + "/health"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort(String ip) throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(ip))) {
      return probe.getLocalPort();
    }
  }
}
