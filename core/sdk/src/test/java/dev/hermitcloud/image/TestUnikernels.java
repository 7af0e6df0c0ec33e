package dev.hermitcloud.image;

import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/** Boot files for tests: the demo kernel as loader and demo modules with seeded random payloads. */
final class TestUnikernels {
  private TestUnikernels() {}

  static Path demoKernel(Path directory) throws IOException {
    return DemoKernel.writeTo(directory.resolve("demo.elf"));
  }

  /** A module ELF of about {@code size} bytes of random payload, the same for the same seed. */
  static Path module(Path directory, String name, int size, long seed) throws IOException {
    byte[] payload = new byte[size];
    new Random(seed).nextBytes(payload);
    return DemoModule.writeTo(directory.resolve(name), payload);
  }
}
