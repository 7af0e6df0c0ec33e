package dev.hermitcloud.openstack;

import dev.hermitcloud.openstack.fake.FakeOpenStack;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh quick {@link FakeOpenStack} per test and a {@link Fixture} to deploy to it. */
abstract class FakeOpenStackTestBase {
  @TempDir
  Path dir;

  FakeOpenStack cloud;
  Fixture f;

  @BeforeEach
  void startFake() {
    cloud = FakeClouds.quick().start();
    f = new Fixture(dir);
  }

  @AfterEach
  void stopFake() {
    cloud.close();
  }
}
