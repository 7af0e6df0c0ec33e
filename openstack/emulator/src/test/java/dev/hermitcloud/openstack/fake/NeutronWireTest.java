package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.emulator.time.Eventually;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.network.SecurityGroup;
import org.openstack4j.model.network.SecurityGroupRule;
import org.openstack4j.model.network.options.PortListOptions;

/** Neutron 2.0 through the real openstack4j client. */
class NeutronWireTest {
  private static FakeOpenStack cloud;
  private static OSClientV3 os;

  @BeforeAll
  static void start() {
    cloud = FakeOpenStack.builder().buildTime(java.time.Duration.ofMillis(20)).start();
    os = OpenStackClients.password(cloud);
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  private static SecurityGroupRule tcpRule(String groupId, int min, int max, String prefix) {
    return Builders.securityGroupRule().securityGroupId(groupId).direction("ingress")
        .ethertype("IPv4").protocol("tcp").portRangeMin(min).portRangeMax(max)
        .remoteIpPrefix(prefix).build();
  }

  @Test
  void networksShowWhichIsExternal() {
    List<? extends Network> networks = os.networking().network().list();
    assertThat(networks).extracting(Network::getName).containsExactlyInAnyOrder("private", "public");
    assertThat(networks).filteredOn(Network::isRouterExternal).extracting(Network::getName)
        .containsExactly("public");
  }

  @Test
  void securityGroupGetsDefaultEgressRulesAndRejectsDuplicates() {
    SecurityGroup group = os.networking().securitygroup()
        .create(Builders.securityGroup().name("web-allow").description("test").build());
    assertThat(group.getRules()).hasSize(2)
        .allSatisfy(r -> assertThat(r.getDirection()).isEqualTo("egress"));

    SecurityGroupRule rule =
        os.networking().securityrule().create(tcpRule(group.getId(), 8000, 8000, "0.0.0.0/0"));
    assertThat(rule.getPortRangeMin()).isEqualTo(8000);

    assertThatThrownBy(() -> os.networking().securityrule()
            .create(tcpRule(group.getId(), 8000, 8000, "0.0.0.0/0")))
        .isInstanceOfSatisfying(ClientResponseException.class,
            e -> assertThat(e.getStatus()).isEqualTo(409))
        .hasMessageContaining("Security group rule already exists");

    List<? extends SecurityGroupRule> rules = os.networking().securityrule()
        .list(Map.of("security_group_id", group.getId(), "direction", "ingress"));
    assertThat(rules).extracting(SecurityGroupRule::getId).containsExactly(rule.getId());
    assertThat(os.networking().securitygroup().list(Map.of("name", "web-allow"))).hasSize(1);

    os.networking().securityrule().delete(rule.getId());
    assertThat(os.networking().securityrule().get(rule.getId())).isNull();
    assertThat(os.networking().securitygroup().delete(group.getId()).isSuccess()).isTrue();
    assertThat(cloud.creationCount("security_group", "web-allow")).isEqualTo(1);
  }

  @Test
  void ruleValidationFollowsNeutron() {
    String group = os.networking().securitygroup()
        .create(Builders.securityGroup().name("strict").build()).getId();
    assertThatThrownBy(() -> os.networking().securityrule().create(tcpRule(group, 90, 80, null)))
        .isInstanceOfSatisfying(ClientResponseException.class,
            e -> assertThat(e.getStatus()).isEqualTo(400))
        .hasMessageContaining("port_range_min must be <= port_range_max");
    assertThatThrownBy(() -> os.networking().securityrule()
            .create(tcpRule(group, 80, 70000, null)))
        .hasMessageContaining("Invalid value for port 70000");
    assertThatThrownBy(() -> os.networking().securityrule()
            .create(tcpRule(group, 80, 80, "::/0")))
        .hasMessageContaining("Conflicting value ethertype IPv4 for CIDR ::/0");
    SecurityGroupRule normalised =
        os.networking().securityrule().create(tcpRule(group, 22, 22, "10.1.2.3/8"));
    assertThat(normalised.getRemoteIpPrefix()).isEqualTo("10.0.0.0/8");
  }

  @Test
  void floatingIpOnAServerPortIsALoopbackAddress() {
    String imageId = TestImages.activeRaw(os, "fip-image", 0).getId();
    Server server = os.compute().servers().boot(Builders.server().name("fip-server")
        .image(imageId).flavor("1").build());
    Eventually.get(() -> os.compute().servers().get(server.getId()),
        s -> s.getStatus() == Server.Status.ACTIVE);
    List<? extends Port> ports =
        os.networking().port().list(PortListOptions.create().deviceId(server.getId()));
    assertThat(ports).hasSize(1);

    NetFloatingIP fip = os.networking().floatingip().create(Builders.netFloatingIP()
        .floatingNetworkId(cloud.networkId("public")).portId(ports.get(0).getId()).build());
    assertThat(fip.getFloatingIpAddress()).startsWith("127.0.1.");
    assertThat(fip.getFixedIpAddress()).isEqualTo(ports.get(0).getFixedIps().iterator().next()
        .getIpAddress());
    assertThat(os.networking().floatingip().list(Map.of("port_id", ports.get(0).getId())))
        .extracting(NetFloatingIP::getId).containsExactly(fip.getId());
    assertThat(os.compute().servers().get(server.getId()).getAddresses().getAddresses("private"))
        .anySatisfy(a -> assertThat(a.getAddr()).isEqualTo(fip.getFloatingIpAddress()));

    assertThatThrownBy(() -> os.networking().floatingip().create(Builders.netFloatingIP()
            .floatingNetworkId(cloud.networkId("private")).build()))
        .hasMessageContaining("is not a valid external network");

    ActionResponse deleted = os.networking().floatingip().delete(fip.getId());
    assertThat(deleted.isSuccess()).isTrue();
    assertThat(os.networking().floatingip().get(fip.getId())).isNull();
    assertThat(cloud.creationCount("floating_ip", "fip-server")).isEqualTo(1);
  }
}
