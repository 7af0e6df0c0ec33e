package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.CloudException;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.emulator.time.Eventually;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.testkit.FastEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over a server's life on a fake that answers as real Nova does (FINDINGS.md): nothing yet,
 * but no error, while the server builds; the text once it runs; and once the guest is off, what this
 * connection read before, or an error saying why there is nothing (Nova keeps no console of a stopped
 * guest). A stopped server is replaced by the next apply.
 */
class ConsoleLifeTest {
  @TempDir
  Path dir;

  @Test
  void aBuildingServersConsoleIsEmptyNotAnError() throws Exception {
    try (FakeOpenStack cloud = FakeClouds.quick().buildTime(Duration.ofSeconds(2)).start()) {
      OpenStack target = FakeClouds.password(cloud);
      Fixture f = new Fixture(dir);
      var echo = f.unikernel("echo", 1);
      CompletableFuture<Deployment> apply = CompletableFuture.supplyAsync(() -> f.deploy(target, echo).apply());
      List<String> phases = new ArrayList<>();
      try (Provider provider = target.connect()) {
        Eventually.get(() -> cloud.servers().size(), n -> n == 1);
        while (true) {
          String phase = phase(cloud);
          ConsoleChunk chunk = provider.console().read("echo", 0);
          if (!phase.startsWith("BUILD")) {
            assertThat(chunk.text()).startsWith("fake-openstack: powering on echo");
            break;
          }
          if (phase.equals(phase(cloud))) { // not a read that met the server turning ACTIVE
            assertThat(chunk.text()).as("the console while %s", phase).isEmpty();
            assertThat(chunk.next()).isZero();
            phases.add(phase);
          }
          Thread.sleep(100);
        }
      }
      assertThat(phases).contains("BUILD/scheduling", "BUILD/spawning");
      apply.join().close();
    }
  }

  @Test
  void aGuestThatPowersOffDuringTheHealthWaitEndsTheWaitWithTheReason() throws Exception {
    try (FakeOpenStack cloud = FakeClouds.quick().start()) { // no app stand-in: nothing answers on 8000
      OpenStack target = FakeClouds.password(cloud);
      Fixture f = new Fixture(dir);
      CountDownLatch probing = new CountDownLatch(1);
      var powerOff = CompletableFuture.runAsync(() -> {
        try {
          probing.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        cloud.powerOff(cloud.servers().get(0).id());
      });
      var deploy = f.deploy(target, f.unikernel("echo", 1)).waitUntil(Health.http(8000, "/"), Duration.ofSeconds(90))
          .onProgress(e -> {
            if (e instanceof ProgressEvent.HealthCheckAttempt) {
              probing.countDown();
            }
          });

      assertThatThrownBy(deploy::apply).isInstanceOf(DeploymentException.class)
          .hasMessageContaining("instance 'echo'")
          .hasMessageContaining("stopped while waiting for http :8000/ (SHUTOFF: the machine is not running)")
          .hasMessageContaining("the next apply replaces it")
          .hasMessageNotContaining("within 90 s");
      powerOff.join();
      f.destroy(target, "echo");
    }
  }

  @Test
  void aGuestThatExitsBeforeTheCreateSawItActiveFailsTheCreateAndIsReplacedNextTime() throws Exception {
    try (FakeOpenStack cloud = FakeClouds.quick().start()) {
      OpenStack target = FakeClouds.password(cloud);
      Fixture f = new Fixture(dir);
      cloud.failures().powerOffNextServer();

      assertThatThrownBy(() -> f.deploy(target, f.unikernel("echo", 1)).apply()).isInstanceOf(DeploymentException.class)
          .hasMessageContaining("is SHUTOFF: the machine is not running: a unikernel that exits at once leaves it so;"
              + " the next apply replaces it");
      String first = cloud.servers().get(0).id();

      f.deploy(target, f.unikernel("echo", 1)).apply().close();
      assertThat(cloud.servers()).singleElement().satisfies(s -> {
        assertThat(s.id()).isNotEqualTo(first);
        assertThat(s.status()).isEqualTo("ACTIVE");
      });
      f.destroy(target, "echo");
    }
  }

  private static String phase(FakeOpenStack cloud) {
    return cloud.servers().get(0).status() + "/" + cloud.servers().get(0).field("OS-EXT-STS:task_state");
  }

  @Test
  void aStoppedGuestsConsoleIsWhatWasReadBeforeOrAnErrorThatSaysWhy() throws Exception {
    try (FakeOpenStack cloud = FakeClouds.quick().start()) {
      OpenStack target = FakeClouds.password(cloud);
      Fixture f = new Fixture(dir);
      try (Deployment deployment = f.deploy(target, f.unikernel("echo", 1)).apply()) {
        String id = cloud.servers().get(0).id();
        cloud.appendConsoleOutput(id, "echo: listening on port 8000\n");
        String before = deployment.serialLog().read();
        assertThat(before).contains("listening on port 8000");

        cloud.powerOff(id);

        assertThat(deployment.serialLog().read()).as("what this connection read before the stop").isEqualTo(before);
        try (Provider fresh = target.connect()) {
          assertThatThrownBy(() -> fresh.console().read("echo", 0)).isInstanceOf(CloudException.class)
              .hasMessageContaining("server echo (" + id + ") is SHUTOFF")
              .hasMessageContaining("\"Guest does not have a console available.\"")
              .hasMessageContaining("what it printed is gone")
              .hasMessageContaining("the next apply replaces it");
        }
      }

      var replan = f.deploy(target, f.unikernel("echo", 1)).plan();
      assertThat(replan.changes()).filteredOn(c -> c.kind().label().equals("instance")).singleElement()
          .satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.REPLACE);
            assertThat(c.reason()).contains("SHUTOFF");
          });
      f.deploy(target, f.unikernel("echo", 1)).apply().close();
      assertThat(cloud.servers()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
      Hermit.destroy("echo").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).on(target);
    }
  }
}
