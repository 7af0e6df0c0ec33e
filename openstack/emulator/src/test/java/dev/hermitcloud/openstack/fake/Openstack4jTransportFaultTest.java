package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import java.time.Duration;
import javax.ws.rs.ProcessingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.ServerCreate;
import org.openstack4j.openstack.OSFactory;

/**
 * What openstack4j 3.12 does when the connection misbehaves or tokens are refused: what it
 * retries by itself, and what reaches the caller.
 */
class Openstack4jTransportFaultTest {
  private static final String FLAVORS = "GET /compute/v2.1/flavors/detail";
  private FakeOpenStack cloud;
  private OSClientV3 os;

  @BeforeEach
  void start() {
    cloud = FakeOpenStack.start();
    os = OpenStackClients.password(cloud);
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  private ServerCreate server(String name) {
    String image = TestImages.activeRaw(os, "transport", 0).getId();
    return Builders.server().name(name).image(image).flavor("1").build();
  }

  @Test
  void aResetReadIsRetriedSilentlyByTheHttpClientUpToThreeTimes() {
    cloud.faults().add(FaultRule.on(FLAVORS).inject(Fault.connectionReset()));
    assertThat(os.compute().flavors().list()).isNotEmpty();
    assertThat(cloud.requestCount(FLAVORS)).isEqualTo(2);

    cloud.faults().add(FaultRule.on(FLAVORS).times(4).inject(Fault.connectionReset()));
    assertThatThrownBy(() -> os.compute().flavors().list())
        .isInstanceOfSatisfying(ConnectionException.class,
            e -> assertThat(e.getStatus()).isZero());
    assertThat(cloud.requestCount(FLAVORS)).isEqualTo(2 + 4);
  }

  @Test
  void aResetCreateIsAConnectionExceptionAndCreatesNothing() {
    ServerCreate create = server("reset");
    cloud.faults().add(FaultRule.on("POST /compute/v2.1/servers").inject(Fault.connectionReset()));
    assertThatThrownBy(() -> os.compute().servers().boot(create))
        .isInstanceOf(ConnectionException.class);
    assertThat(cloud.requestCount("POST /compute/v2.1/servers")).isEqualTo(1);
    assertThat(cloud.servers()).isEmpty();
  }

  @Test
  void aResetAfterCommitLeavesTheServerBehindTheException() {
    ServerCreate create = server("committed");
    cloud.faults().add(FaultRule.on("POST /compute/v2.1/servers").inject(Fault.responseLost()));
    assertThatThrownBy(() -> os.compute().servers().boot(create))
        .isInstanceOf(ConnectionException.class);
    assertThat(cloud.creationCount("server", "committed")).isEqualTo(1);
    assertThat(cloud.servers()).extracting(FakeResource::name).containsExactly("committed");
  }

  @Test
  void aBodyCutShortEscapesAsAJaxRsProcessingException() {
    cloud.faults().add(FaultRule.on(FLAVORS).inject(Fault.cutBody()));
    assertThatThrownBy(() -> os.compute().flavors().list())
        .isInstanceOf(ProcessingException.class)
        .hasMessageContaining("Premature end of Content-Length delimited message body");
  }

  @Test
  void oneRefusedTokenIsRenewedAndTheCallRetriedButTwoAreNot() {
    int auths = cloud.requestCount("POST /v3/auth/tokens");
    cloud.faults().add(FaultRule.on(FLAVORS).inject(Fault.httpError(401)));
    assertThat(os.compute().flavors().list()).isNotEmpty();
    assertThat(cloud.requestCount("POST /v3/auth/tokens")).isEqualTo(auths + 1);
    assertThat(cloud.requestCount(FLAVORS)).isEqualTo(2);

    cloud.faults().add(FaultRule.on(FLAVORS).times(2).inject(Fault.httpError(401)));
    assertThatThrownBy(() -> os.compute().flavors().list())
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.getStatus()).isEqualTo(401));
  }

  @Test
  void readTimeoutDoesNotBoundASlowAnswer() {
    OSClientV3 impatient = OSFactory.builderV3().endpoint(cloud.authUrl())
        .withConfig(Config.newConfig().withReadTimeout(50).withConnectionTimeout(50))
        .credentials(cloud.user(), cloud.password(), Identifier.byName(cloud.domain()))
        .scopeToProject(Identifier.byName(cloud.project()), Identifier.byName(cloud.domain()))
        .authenticate();
    cloud.faults().add(FaultRule.on(FLAVORS).inject(Fault.latency(Duration.ofMillis(400))));
    // a working read timeout of 50 ms would throw here; openstack4j sets it as the pool timeout
    assertThat(impatient.compute().flavors().list()).isNotEmpty();
  }

  @Test
  void associateToPortFailsInsideTheClientAndNeverReachesNeutron() {
    assertThatThrownBy(() -> os.networking().floatingip().associateToPort("fip", "port"))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("could not find writer for content-type application/json");
    assertThat(cloud.requestCount("PUT /network/v2.0/floatingips/{id}")).isZero();
  }
}
