package dev.hermitcloud.examples.bench;

import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.image.DiskImage;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * How long it takes to make the Compute Engine archive of a unikernel (demo kernel as loader, a 20 MB
 * {@link SyntheticBinary} as module, 1 GiB disk): with hermit-cloud's {@link DiskImage}, in this JVM
 * and as a fresh JVM per build (start-up included, heap capped at 64 MiB), and with the 2017 tutorial's
 * root pipeline ({@link TutorialPipeline}) on the same files. Prints the median, minimum and maximum
 * wall time of each, the archive sizes and the builder's peak heap.
 *
 * <pre>
 * ./hermit --class dev.hermitcloud.examples.bench.ImageBench [RUNS]
 * </pre>
 *
 * <p>The tutorial pipeline needs root, losetup, sfdisk (fdisk), mkfs.ext2 (e2fsprogs), grub-install
 * (grub2-common, grub-pc-bin), qemu-img and tar; without them only hermit-cloud's figures are printed.
 */
public final class ImageBench {
  private static final int MODULE_SIZE = 20_000_000;
  private static final String LOADER_ARGS = "-uart=io:0x3f8";
  private static final String CHILD_HEAP = "-Xmx64m";
  private static final long SETTLE_MILLIS = 500;
  private static final String WARM = "hermit-cloud, warm JVM";
  private static final String NEW_JVM = "hermit-cloud, new JVM " + CHILD_HEAP;
  private static final String NEW_JVM_ONE_CORE = NEW_JVM + ", 1 core";
  private static final String TUTORIAL = "tutorial pipeline (root, loop)";

  private ImageBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("build")) {
      buildInThisProcess(Path.of(args[1]), args[2], Path.of(args[3]), Path.of(args[4]),
          args.length > 5 && args[5].equals("--report"));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path work = Files.createTempDirectory("hermit-bench");
    try {
      run(work, runs);
    } finally {
      HostFiles.deleteTree(work);
    }
  }

  private static void run(Path work, int runs) throws Exception {
    Path loader = DemoKernel.writeTo(work.resolve("demo.elf"));
    byte[] payload = SyntheticBinary.generate(MODULE_SIZE - 84, 2017);
    Path module = DemoModule.writeTo(work.resolve("server"), payload);
    System.out.printf("inputs: %s (%d B), %s (%d B, gzip -6 alone: %.1f MB), 1 GiB disk, %d runs each, %d cores%n",
        loader.getFileName(), Files.size(loader), module.getFileName(), Files.size(module),
        deflatedSize(Files.readAllBytes(module)) / 1e6, runs, Runtime.getRuntime().availableProcessors());
    payload = null;

    Path ours = Files.createDirectories(work.resolve("ours"));
    Map<String, Run> variants = new LinkedHashMap<>();
    variants.put(WARM, () -> {
      long start = System.nanoTime();
      Path archive = ours.resolve("disk.tar.gz");
      writeArchive(loader, module, archive);
      return new Sample(System.nanoTime() - start, Files.size(archive), "");
    });
    variants.put(NEW_JVM, () -> child(work, loader, module, List.of(), false));
    variants.put(NEW_JVM_ONE_CORE, () -> child(work, loader, module, List.of("-XX:ActiveProcessorCount=1"), false));
    String tutorialProblem = checkTutorialPrerequisites();
    if (tutorialProblem == null) {
      Path tutorialWork = Files.createDirectories(work.resolve("tutorial"));
      TutorialPipeline tutorial = TutorialPipeline.in(tutorialWork);
      variants.put(TUTORIAL, () -> {
        long start = System.nanoTime();
        Path archive = tutorial.run(loader, LOADER_ARGS, module, tutorialWork);
        return new Sample(System.nanoTime() - start, Files.size(archive), "");
      });
    }
    // Round-robin, so that load from elsewhere on the machine hits every variant alike; before each
    // sample, let the previous one's disk writeback and this JVM's compiler threads finish.
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    for (int round = 0; round < runs; round++) {
      for (Map.Entry<String, Run> variant : variants.entrySet()) {
        settle();
        samples.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(variant.getValue().once());
      }
    }
    Map<String, Result> results = new LinkedHashMap<>();
    samples.forEach((name, list) -> results.put(name, Result.of(list)));
    print(results, tutorialProblem);
    System.out.println("\none more new JVM build, reporting: " + child(work, loader, module, List.of(), true).details());
    System.out.println("smallest heap that builds it: " + smallestHeap(work, loader, module));
  }

  /** The smallest -Xmx, in MiB, from a few candidates, with which a new JVM completes the build. */
  private static String smallestHeap(Path work, Path loader, Path module) throws Exception {
    for (int mib : new int[] {8, 12, 16, 24, 32, 48, 64}) {
      try {
        child(work, loader, module, List.of("-Xmx" + mib + "m"), false);
        return "-Xmx" + mib + "m";
      } catch (IOException failed) {
        if (!failed.getMessage().contains("OutOfMemoryError") && !failed.getMessage().contains("heap")) {
          throw failed;
        }
      }
    }
    return "more than 64 MiB";
  }

  private static void print(Map<String, Result> results, String tutorialProblem) {
    System.out.printf("%n%-40s %10s %10s %10s %14s%n", "", "median s", "min s", "max s", "archive B");
    results.forEach((name, result) -> System.out.printf("%-40s %10.3f %10.3f %10.3f %14d%n", name,
        result.median() / 1e9, result.min() / 1e9, result.max() / 1e9, result.archiveBytes()));
    Result tutorial = results.get(TUTORIAL);
    if (tutorial == null) {
      System.out.println("\ntutorial pipeline not run: " + tutorialProblem);
      return;
    }
    Result child = results.get(NEW_JVM);
    Result warm = results.get(WARM);
    System.out.printf("%nspeed-up (median wall, tutorial / hermit-cloud): new JVM %.1fx, warm JVM %.1fx%n",
        (double) tutorial.median() / child.median(), (double) tutorial.median() / warm.median());
    System.out.printf("archive size, hermit-cloud / tutorial: %.3f%n",
        (double) child.archiveBytes() / tutorial.archiveBytes());
  }

  private static void writeArchive(Path loader, Path module, Path archive) throws IOException {
    Unikernel unikernel = Unikernel.named("bench").loader(loader, LOADER_ARGS).module(module).build();
    DiskImage image = DiskImage.of(unikernel);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16)) {
      image.writeGceArchive(out);
    }
  }

  /** One build in a new JVM, timed from outside: JVM start-up and class loading count. */
  private static Sample child(Path work, Path loader, Path module, List<String> jvmOptions, boolean report)
      throws IOException, InterruptedException, URISyntaxException {
    Path archive = work.resolve("ours").resolve("child.tar.gz");
    Path log = work.resolve("child.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(CHILD_HEAP);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath(), ImageBench.class.getName(), "build", loader.toString(), LOADER_ARGS,
        module.toString(), archive.toString()));
    if (report) {
      command.add("--report");
    }
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    long elapsed = System.nanoTime() - start;
    String output = Files.readString(log, StandardCharsets.UTF_8).strip();
    if (!finished || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("child build failed: " + output);
    }
    return new Sample(elapsed, Files.size(archive), output);
  }

  /** The child side: build, as a command-line tool would, then optionally report heap and GC figures. */
  private static void buildInThisProcess(Path loader, String loaderArgs, Path module, Path archive, boolean report)
      throws IOException {
    long start = System.nanoTime();
    Unikernel unikernel = Unikernel.named("bench").loader(loader, loaderArgs).module(module).build();
    DiskImage image = DiskImage.of(unikernel);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16)) {
      image.writeGceArchive(out);
    }
    long elapsed = System.nanoTime() - start;
    if (!report) {
      return;
    }
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    long collections = 0;
    long collectionMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections += Math.max(0, gc.getCollectionCount());
      collectionMillis += Math.max(0, gc.getCollectionTime());
    }
    System.out.printf("build %.3f s inside the JVM, peak heap %.1f MiB (sum of heap pool peaks), max heap %d MiB,"
            + " %d GCs taking %d ms, %d B written of %d B disk%n",
        elapsed / 1e9, peakHeap / 1048576.0, Runtime.getRuntime().maxMemory() >> 20, collections, collectionMillis,
        image.allocatedBytes(), image.sizeBytes());
  }

  private static String classPath() throws URISyntaxException {
    List<String> entries = new ArrayList<>();
    for (Class<?> type : List.of(ImageBench.class, DiskImage.class)) {
      String entry = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      if (!entries.contains(entry)) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static long deflatedSize(byte[] data) {
    Deflater deflater = new Deflater(6, true);
    deflater.setInput(data);
    deflater.finish();
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    while (!deflater.finished()) {
      total += deflater.deflate(buffer);
    }
    deflater.end();
    return total;
  }

  private static void settle() throws IOException, InterruptedException {
    new ProcessBuilder("sync").inheritIO().start().waitFor();
    Thread.sleep(SETTLE_MILLIS);
  }

  /** Why the tutorial pipeline cannot run here, or null. */
  private static String checkTutorialPrerequisites() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "it needs root (loop devices, mount)";
    }
    List<String> path = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    path.addAll(List.of("/usr/sbin", "/sbin"));
    for (String tool : List.of("losetup", "sfdisk", "mkfs.ext2", "grub-install", "qemu-img", "tar", "mount")) {
      if (path.stream().noneMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)))) {
        return tool + " is not installed";
      }
    }
    return null;
  }

  private interface Run {
    Sample once() throws Exception;
  }

  private record Sample(long nanos, long archiveBytes, String details) {}

  private record Result(long median, long min, long max, long archiveBytes, String details) {
    static Result of(List<Sample> samples) {
      List<Long> times = samples.stream().map(Sample::nanos).sorted().toList();
      Sample last = samples.get(samples.size() - 1);
      return new Result(times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), last.archiveBytes(),
          last.details());
    }
  }
}
