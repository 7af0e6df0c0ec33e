package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.api.exceptions.ServerResponseException;
import org.openstack4j.model.common.ActionResponse;

/**
 * How openstack4j 3.12 surfaces error statuses from each service, pinned against the fake so the
 * provider can rely on it (and so a library upgrade that changes it is noticed).
 */
class Openstack4jErrorMappingTest {
  private static final String MISSING = "0b5a4e1c-0000-4000-8000-000000000000";
  private static FakeOpenStack cloud;
  private static OSClientV3 os;

  @BeforeAll
  static void start() {
    cloud = FakeOpenStack.start();
    os = OpenStackClients.password(cloud);
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  @AfterEach
  void disarm() {
    cloud.faults().clear();
  }

  @Test
  void notFoundIsNullOnGetAndAFailedActionResponseOnDelete() {
    assertThat(os.compute().servers().get(MISSING)).isNull();
    assertThat(os.imagesV2().get(MISSING)).isNull();
    assertThat(os.networking().securitygroup().get(MISSING)).isNull();
    assertThat(os.networking().floatingip().get(MISSING)).isNull();

    for (ActionResponse r : new ActionResponse[] {
        os.compute().servers().delete(MISSING),
        os.imagesV2().delete(MISSING),
        os.networking().securitygroup().delete(MISSING),
        os.networking().floatingip().delete(MISSING)}) {
      assertThat(r.isSuccess()).isFalse();
      assertThat(r.getCode()).isEqualTo(404);
    }
    // rule delete returns void and swallows the 404
    os.networking().securityrule().delete(MISSING);
    assertThat(cloud.requestCount("DELETE /network/v2.0/security-group-rules/{id}")).isEqualTo(1);
  }

  @Test
  void rateLimitIsAClientResponseExceptionWithStatus429OnReadsAndCreates() {
    cloud.faults().add(FaultRule.on("GET /compute/v2.1/servers/{id}").inject(Fault.httpError(429).retryAfter(3)));
    assertThatThrownBy(() -> os.compute().servers().get(MISSING))
        .isInstanceOfSatisfying(ClientResponseException.class,
            e -> assertThat(e.getStatus()).isEqualTo(429))
        .hasMessage("This request was rate-limited.");

    cloud.faults().add(FaultRule.on("POST /network/v2.0/security-groups").inject(Fault.httpError(429)));
    assertThatThrownBy(() -> os.networking().securitygroup()
            .create(Builders.securityGroup().name("limited").build()))
        .isInstanceOfSatisfying(ClientResponseException.class,
            e -> assertThat(e.getStatus()).isEqualTo(429));
    assertThat(cloud.creationCount("security_group", "limited")).isZero();

    cloud.faults().add(FaultRule.on("GET /image/v2/images/{id}").inject(Fault.httpError(413)));
    assertThatThrownBy(() -> os.imagesV2().get(MISSING))
        .isInstanceOfSatisfying(ClientResponseException.class,
            e -> assertThat(e.getStatus()).isEqualTo(413));
  }

  @Test
  void serviceUnavailableIsAServerResponseException() {
    cloud.faults().add(FaultRule.on("GET /compute/v2.1/flavors/detail").inject(Fault.httpError(503)));
    assertThatThrownBy(() -> os.compute().flavors().list())
        .isInstanceOfSatisfying(ServerResponseException.class,
            e -> assertThat(e.getStatus()).isEqualTo(503));
  }

  @Test
  void conflictOnImageDeleteIsAFailedActionResponse() {
    cloud.faults().add(FaultRule.on("DELETE /image/v2/images/{id}").inject(Fault.httpError(409)));
    ActionResponse r = os.imagesV2().delete(MISSING);
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.getCode()).isEqualTo(409);
  }

  /** openstack4j's compute ToActionResponseFunction maps only 400-409 and 500 to failures. */
  @Test
  void serverDeleteReportsSuccessFor429And503() {
    cloud.faults().add(FaultRule.on("DELETE /compute/v2.1/servers/{id}").inject(Fault.httpError(429)));
    cloud.faults().add(FaultRule.on("DELETE /compute/v2.1/servers/{id}").inject(Fault.httpError(503)));
    ActionResponse limited = os.compute().servers().delete(MISSING);
    ActionResponse unavailable = os.compute().servers().delete(MISSING);
    assertThat(limited.isSuccess()).isTrue();
    assertThat(unavailable.isSuccess()).isTrue();
    assertThat(os.compute().servers().delete(MISSING).getCode()).isEqualTo(404);
  }
}
