package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.unikernel.Unikernel;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building every output for a 20 MB module fits in a 16 MiB heap: file contents are streamed, never
 * held. Runs in a fresh JVM started with -Xmx16m, so an out-of-memory error fails the test.
 */
class LowMemoryTest {
  private static final String HEAP = "-Xmx16m";

  @TempDir Path dir;

  @Test
  void buildsAllOutputsOfA20MbModuleIn16MibOfHeap() throws Exception {
    TestUnikernels.demoKernel(dir);
    TestUnikernels.module(dir, "server", 20_000_000, 11);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = dir.resolve("child.log");
    List<String> command = new ArrayList<>(List.of(java.toString(), HEAP, "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), LowMemoryTest.class.getName(), dir.toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = child.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      child.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(finished).as(output).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("peak heap MiB:");
    assertThat(Files.size(dir.resolve("disk.tar.gz"))).isGreaterThan(20_000_000L);
    assertThat(Files.size(dir.resolve("disk.qcow2"))).isGreaterThan(20_000_000L);
  }

  /** The child JVM: builds the image of the files in {@code args[0]} there and prints its peak heap use. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Unikernel unikernel = Unikernel.named("low-memory")
        .loader(dir.resolve("demo.elf"), "-uart=io:0x3f8")
        .module(dir.resolve("server"))
        .build();
    DiskImage image = DiskImage.of(unikernel);
    image.writeRaw(dir.resolve("disk.raw"));
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("disk.tar.gz")))) {
      image.writeGceArchive(out);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("disk.qcow2")))) {
      image.writeQcow2(out);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("peak heap MiB: " + (peak >> 20));
  }
}
