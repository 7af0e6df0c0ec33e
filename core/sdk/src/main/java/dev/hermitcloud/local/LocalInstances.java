package dev.hermitcloud.local;

import dev.hermitcloud.SerialLog;
import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceState;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Instances as detached QEMU processes, {@code instances/<name>/} holding the record, the pid file and
 * the serial log. A process that has exited reads as FAILED, so the next apply replaces it.
 */
final class LocalInstances implements ResourceDriver<InstanceSpec> {
  private final Local target;
  private final Path qemu;
  private final Path dir;
  private final LocalImages images;
  private final AcceleratorChoice accelerator;

  LocalInstances(Local target, Path qemu, LocalImages images, AcceleratorChoice accelerator) {
    this.target = target;
    this.qemu = qemu;
    this.dir = target.stateDir().resolve("instances");
    this.images = images;
    this.accelerator = accelerator;
  }

  private Path home(String name) {
    return dir.resolve(name);
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.INSTANCE;
  }

  @Override
  public Optional<Observed> read(String name) throws IOException {
    return LocalRecord.read(home(name).resolve("record.json")).map(this::observe);
  }

  @Override
  public List<Observed> listOwned(String deployment) throws IOException {
    List<Observed> owned = new ArrayList<>();
    for (LocalRecord record : records()) {
      if (deployment.equals(record.labels().get(Ownership.DEPLOYMENT_KEY))) {
        owned.add(observe(record));
      }
    }
    return owned;
  }

  @Override
  public Operation create(InstanceSpec spec, CallContext context) throws IOException, InterruptedException {
    Path disk = images.disk(spec.imageName());
    if (!Files.exists(disk)) {
      throw new IOException("image " + spec.imageName() + " is missing at " + disk);
    }
    String accel = accelerator.resolve(context);
    Files.createDirectories(dir);
    Path home = home(spec.name());
    LocalRecord record;
    // One lock for all local deployments of this state directory: address allocation must not race within
    // it; across state directories, the addresses differ and their ports are checked before QEMU starts.
    try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      HostFiles.deleteTree(home);
      Files.createDirectories(home);
      Set<String> taken = new HashSet<>();
      for (LocalRecord other : records()) {
        taken.add(other.address());
      }
      String address = LoopbackAddresses.allocate(target.stateDir(), spec.name(), taken, spec.forwardedPorts());
      record = new LocalRecord(spec.name(), context.ownership().toLabels(), spec.imageName(), address,
          spec.forwardedPorts().stream().map(Object::toString).toList(), 0, spec.resolvedMachineType().cpus(),
          spec.resolvedMachineType().memoryMib(), spec.resolvedMachineType().name());
      record.write(home.resolve("record.json"));
      record = launch(record, accel, disk, spec);
    }
    // Outside the lock: a KVM trial may take its whole length, and the address is already taken by the record.
    if (!accelerator.keeps(accel, spec.name(), SerialLog.of(this::console, spec.name()), context)) {
      stop(record);
      Files.deleteIfExists(home.resolve("serial.log"));
      launch(record, "tcg", disk, spec);
    }
    return Operation.completed("start instance " + spec.name());
  }

  /** Starts the instance's QEMU detached under {@code accel} and records its pid. */
  private LocalRecord launch(LocalRecord record, String accel, Path disk, InstanceSpec spec)
      throws IOException, InterruptedException {
    Path home = home(record.name());
    List<String> command = QemuCommand.of(qemu, target, accel, record.name(), disk, home, record.address(),
        spec.forwardedPorts(), record.cpus(), record.memoryMib());
    Process launcher = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(home.resolve("qemu.out").toFile()).start();
    if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
      launcher.destroyForcibly();
      throw new IOException("qemu-system-x86_64 did not detach within 60 s");
    }
    if (launcher.exitValue() != 0) {
      String output = Files.readString(home.resolve("qemu.out")).strip();
      throw new IOException("qemu-system-x86_64 exited with " + launcher.exitValue() + ": " + output);
    }
    long pid = Long.parseLong(Files.readString(home.resolve("qemu.pid")).strip());
    LocalRecord started = record.withPid(pid);
    started.write(home.resolve("record.json"));
    return started;
  }

  @Override
  public Operation delete(Observed current, CallContext context) throws IOException, InterruptedException {
    Optional<LocalRecord> record = LocalRecord.read(home(current.name()).resolve("record.json"));
    if (record.isPresent()) {
      stop(record.get());
    }
    HostFiles.deleteTree(home(current.name()));
    return Operation.completed("stop instance " + current.name());
  }

  /** The serial log from {@code offset}; bytes map one-to-one to characters so offsets stay exact. */
  ConsoleChunk console(String name, long offset) throws IOException {
    Path log = home(name).resolve("serial.log");
    if (!Files.exists(log)) {
      throw new IOException("instance " + name + " has no serial log at " + log);
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      long start = Math.min(Math.max(0, offset), length);
      byte[] bytes = new byte[(int) Math.min(length - start, 1 << 20)];
      file.seek(start);
      file.readFully(bytes);
      return new ConsoleChunk(new String(bytes, StandardCharsets.ISO_8859_1), start, start + bytes.length);
    }
  }

  private List<LocalRecord> records() throws IOException {
    List<LocalRecord> records = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return records;
    }
    try (Stream<Path> homes = Files.list(dir)) {
      for (Path home : homes.filter(Files::isDirectory).toList()) {
        LocalRecord.read(home.resolve("record.json")).ifPresent(records::add);
      }
    }
    return records;
  }

  private Observed observe(LocalRecord record) {
    boolean running = qemuProcess(record).isPresent();
    var observed = Observed.builder().kind(ResourceKind.INSTANCE).name(record.name())
        .owner(Ownership.fromLabels(record.labels()))
        .state(running ? ResourceState.READY : ResourceState.FAILED)
        .attributes(Map.of(Observed.ADDRESS, record.address(), Observed.PRIVATE_ADDRESS, "10.0.2.15",
            Observed.MACHINE_TYPE, String.valueOf(record.machineType()), "pid", Long.toString(record.pid())));
    if (!running) {
      observed.stateMessage("the QEMU process (pid " + record.pid() + ") is not running");
    }
    return observed.build();
  }

  /** Stops the record's QEMU process if it runs: politely, then after 10 s by force; returns once it is gone. */
  private static void stop(LocalRecord record) throws InterruptedException {
    Optional<ProcessHandle> process = qemuProcess(record);
    if (process.isEmpty()) {
      return;
    }
    process.get().destroy();
    try {
      process.get().onExit().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      process.get().destroyForcibly();
      process.get().onExit().join();
    }
  }

  /** The instance's QEMU process, if it is still alive (and is QEMU, not a reused pid). */
  private static Optional<ProcessHandle> qemuProcess(LocalRecord record) {
    if (record.pid() <= 0) {
      return Optional.empty();
    }
    return ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("qemu")).orElse(true));
  }

}
