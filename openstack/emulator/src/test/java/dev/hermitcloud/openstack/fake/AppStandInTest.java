package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.emulator.time.Eventually;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.SecurityGroupRule;
import org.openstack4j.model.network.options.PortListOptions;

/** The app stand-in answers on a server's addresses exactly when its security groups allow. */
class AppStandInTest {
  private static final int APP_PORT = 18_000 + (int) (ProcessHandle.current().pid() % 1000);
  private static FakeOpenStack cloud;
  private static OSClientV3 os;
  private static String image;

  @BeforeAll
  static void start() {
    cloud = FakeOpenStack.builder().appStandIn(true)
        .buildTime(java.time.Duration.ofMillis(20)).deleteTime(java.time.Duration.ofMillis(20))
        .start();
    os = OpenStackClients.password(cloud);
    image = TestImages.activeRaw(os, "app", 0).getId();
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  private static String get(String address) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://" + address + ":" + APP_PORT + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  private static SecurityGroupRule allow(String group, String prefix) {
    return os.networking().securityrule().create(Builders.securityGroupRule()
        .securityGroupId(group).direction("ingress").ethertype("IPv4").protocol("tcp")
        .portRangeMin(APP_PORT).portRangeMax(APP_PORT).remoteIpPrefix(prefix).build());
  }

  private static Server bootActive(String name, String group) {
    Server s = os.compute().servers().boot(Builders.server().name(name).image(image).flavor("1")
        .addSecurityGroup(group).build());
    return Eventually.get(() -> os.compute().servers().get(s.getId()),
        x -> x.getStatus() == Server.Status.ACTIVE);
  }

  @Test
  void answersOnTheFloatingIpOnlyWhileARuleAllowsIt() throws Exception {
    String group = os.networking().securitygroup()
        .create(Builders.securityGroup().name("app-web").build()).getId();
    Server server = bootActive("web", group);
    String port = os.networking().port().list(PortListOptions.create().deviceId(server.getId()))
        .get(0).getId();
    NetFloatingIP fip = os.networking().floatingip().create(Builders.netFloatingIP()
        .floatingNetworkId(cloud.networkId("public")).portId(port).build());
    String address = fip.getFloatingIpAddress();
    assertThatThrownBy(() -> get(address)).isInstanceOf(ConnectException.class);

    SecurityGroupRule elsewhere = allow(group, "10.0.0.0/8");
    assertThatThrownBy(() -> get(address)).isInstanceOf(ConnectException.class);

    SecurityGroupRule open = allow(group, "0.0.0.0/0");
    assertThat(get(address)).isEqualTo("200 hello from web\n");
    assertThat(cloud.appEndpoints()).contains(address + ":" + APP_PORT);

    os.networking().securityrule().delete(open.getId());
    assertThatThrownBy(() -> get(address)).isInstanceOf(ConnectException.class);

    allow(group, "127.0.0.0/8");
    assertThat(get(address)).isEqualTo("200 hello from web\n");
    os.compute().servers().delete(server.getId());
    Eventually.get(() -> cloud.appEndpoints(), e -> !e.contains(address + ":" + APP_PORT));
    assertThatThrownBy(() -> get(address)).isInstanceOf(ConnectException.class);
    os.networking().securityrule().delete(elsewhere.getId());
  }

  @Test
  void withoutAFloatingIpTheLoopbackFixedIpAnswers() throws Exception {
    String group = os.networking().securitygroup()
        .create(Builders.securityGroup().name("app-fixed").build()).getId();
    allow(group, "0.0.0.0/0");
    Server server = bootActive("fixed", group);
    List<String> fixed = server.getAddresses().getAddresses("private").stream()
        .map(a -> a.getAddr()).toList();
    assertThat(fixed).hasSize(1);
    assertThat(fixed.get(0)).startsWith("127.0.2.");
    assertThat(get(fixed.get(0))).isEqualTo("200 hello from fixed\n");
  }
}
