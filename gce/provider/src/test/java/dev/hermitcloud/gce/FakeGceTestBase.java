package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link FakeGce} per test, a small unikernel named echo, and the events of every run. */
abstract class FakeGceTestBase {
  @TempDir
  Path dir;

  final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  FakeGce fake;
  Unikernel echo;

  /** The fake's settings; {@link GceFixture#fake()} unless a test class needs more. */
  FakeGce.Builder fakeSettings() {
    return GceFixture.fake();
  }

  @BeforeEach
  void startFake() throws IOException {
    fake = fakeSettings().start();
    echo = GceFixture.unikernel(dir, "echo", 64 * 1024, 1);
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  /**
   * Checks that {@code definition} plans nothing and that applying it again keeps its {@code machines}
   * machines with no write but the lock's create and delete.
   */
  void assertReapplyWritesOnlyTheLock(DeploymentDefinition.WithCreate definition, int machines) {
    long writes = fake.stats().mutatingRequests();
    assertThat(definition.plan().hasChanges()).isFalse();
    try (Deployment again = definition.apply()) {
      assertThat(again.instances()).hasSize(machines);
    }
    assertThat(fake.stats().mutatingRequests() - writes).as("the lock's create and delete").isEqualTo(2);
  }
}
