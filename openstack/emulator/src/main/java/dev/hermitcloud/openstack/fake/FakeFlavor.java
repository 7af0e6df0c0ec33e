package dev.hermitcloud.openstack.fake;

import java.util.List;

/** A Nova flavor of the fake's fixed catalogue. */
record FakeFlavor(String id, String name, int vcpus, int ramMiB, int diskGiB) {

  /** The devstack-like defaults plus a small {@code c1.micro}. */
  static final List<FakeFlavor> DEFAULTS =
      List.of(
          new FakeFlavor("1", "m1.tiny", 1, 512, 1),
          new FakeFlavor("2", "m1.small", 1, 2048, 20),
          new FakeFlavor("3", "m1.medium", 2, 4096, 40),
          new FakeFlavor("4", "m1.large", 4, 8192, 80),
          new FakeFlavor("6", "c1.micro", 1, 1024, 1));
}
