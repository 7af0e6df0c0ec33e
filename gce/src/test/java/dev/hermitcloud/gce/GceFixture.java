package dev.hermitcloud.gce;

import dev.hermitcloud.gce.fake.FakeGce;

/** The project, zone and bucket the gce tests use, and a target pointed at a fake. */
final class GceFixture {
  static final String PROJECT = "hermit-test";
  static final String ZONE = "us-central1-c";
  static final String BUCKET = "hermit-images";

  private GceFixture() {}

  static Gce target(FakeGce fake) {
    return Gce.project(PROJECT).zone(ZONE).bucket(BUCKET).endpoint(fake.endpoint());
  }
}
