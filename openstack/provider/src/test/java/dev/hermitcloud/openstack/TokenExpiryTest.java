package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.resource.ResourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keystone tokens that expire or are revoked in the middle of a deployment are renewed, and it goes on. */
class TokenExpiryTest {
  private static final String AUTH = "POST /v3/auth/tokens";

  @TempDir
  Path dir;

  @Test
  void passwordTokensRevokedMidDeployAreRenewedAndTheDeploymentContinues() throws Exception {
    try (FakeOpenStack cloud = FakeClouds.quick().start()) {
      Fixture f = new Fixture(dir);
      revokeOnceTheImageIsReady(cloud, f);

      try (Deployment d = f.deploy(FakeClouds.password(cloud), f.unikernel("echo", 1)).apply()) {
        assertThat(d.instances()).hasSize(1);
      }

      assertThat(cloud.requestCount(AUTH)).isBetween(2, 4);
      assertThat(cloud.servers()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
    }
  }

  @Test
  void applicationCredentialTokensRevokedMidDeployAreFetchedAgain() throws Exception {
    try (FakeOpenStack cloud = FakeClouds.quick().applicationCredential(FakeClouds.APP_CREDENTIAL_ID, "ci",
        FakeClouds.APP_CREDENTIAL_SECRET).start()) {
      Fixture f = new Fixture(dir);
      revokeOnceTheImageIsReady(cloud, f);

      f.deploy(FakeClouds.applicationCredential(cloud), f.unikernel("echo", 1)).apply().close();

      assertThat(cloud.requestCount(AUTH)).isGreaterThanOrEqualTo(2);
      assertThat(cloud.servers()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
      assertThat(f.events).anyMatch(e -> e instanceof ProgressEvent.RetryScheduled r && r.cause().contains("renew"));
    }
  }

  @Test
  void applicationCredentialTokensAreRenewedBeforeTheyExpire() throws Exception {
    try (FakeOpenStack cloud = FakeClouds.quick().tokenLifetime(Duration.ofMillis(600)).buildTime(Duration.ofMillis(900))
        .applicationCredential(FakeClouds.APP_CREDENTIAL_ID, "ci", FakeClouds.APP_CREDENTIAL_SECRET).start()) {
      Fixture f = new Fixture(dir);

      f.deploy(FakeClouds.applicationCredential(cloud), f.unikernel("echo", 1)).apply().close();

      assertThat(cloud.requestCount(AUTH)).isGreaterThanOrEqualTo(2);
      assertThat(f.events).noneMatch(e -> e instanceof ProgressEvent.RetryScheduled);
    }
  }

  @Test
  void aTokenRefusedDuringADeleteIsDroppedAndTheDeleteRetriedForBothKindsOfCredential() throws Exception {
    try (FakeOpenStack cloud = FakeClouds.quick().applicationCredential(FakeClouds.APP_CREDENTIAL_ID, "ci",
        FakeClouds.APP_CREDENTIAL_SECRET).start()) {
      for (boolean applicationCredential : new boolean[] {false, true}) {
        OpenStack target = applicationCredential ? FakeClouds.applicationCredential(cloud) : FakeClouds.password(cloud);
        Fixture f = new Fixture(dir);
        f.deploy(target, f.unikernel("echo", 1)).apply().close();
        int deletesBefore = cloud.requestCount("DELETE /image/v2/images/{id}");
        // Twice: openstack4j renews a password token once and re-sends; the second refusal comes back in the
        // delete's ActionResponse, and only the SDK's own renewal and retry get past it.
        cloud.faults().add(FaultRule.on("DELETE /image/v2/images/{id}").times(2).inject(Fault.httpError(401)));

        f.destroy(target, "echo");

        assertThat(cloud.images()).isEmpty();
        assertThat(cloud.servers()).isEmpty();
        assertThat(cloud.requestCount("DELETE /image/v2/images/{id}") - deletesBefore).isEqualTo(3);
        if (applicationCredential) {
          // openstack4j renews password tokens itself; application-credential ones only the engine's retry does
          assertThat(f.events).anyMatch(e -> e instanceof ProgressEvent.RetryScheduled r && r.call().startsWith("delete image"));
        }
      }
    }
  }

  /** Revokes every token once, while the deployment waits for its server. */
  private static void revokeOnceTheImageIsReady(FakeOpenStack cloud, Fixture f) {
    AtomicBoolean done = new AtomicBoolean();
    f.listeners.add(event -> {
      if (event instanceof ProgressEvent.StepFinished s && s.change().kind() == ResourceKind.IMAGE
          && done.compareAndSet(false, true)) {
        cloud.failures().expireAllTokens();
      }
    });
  }
}
