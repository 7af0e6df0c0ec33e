package dev.hermitcloud.gce.fake;

import dev.hermitcloud.emulator.vm.VmEvents;
import dev.hermitcloud.emulator.vm.VmFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Boot mode of the fake: every image import also unpacks the archive's {@code disk.raw} (GNU tar, sparse),
 * every instance that reaches RUNNING boots that disk as a QEMU VM (see {@link VmFleet}), its serial port
 * is the VM's, a guest that powers off makes it TERMINATED, and delete stops the VM. Only the ports
 * {@link Reachability} allows from the loopback client are forwarded to the instance's address.
 */
final class BootedInstances implements AutoCloseable {
  private final ComputeStore store;
  private final Path workDir;
  private final VmFleet fleet;
  private final Map<String, Path> disks = new ConcurrentHashMap<>();

  BootedInstances(ComputeStore store) throws IOException {
    this.store = store;
    this.workDir = Files.createTempDirectory("fake-gce-boot");
    this.fleet = new VmFleet("fake-gce", workDir.resolve("vms"));
  }

  /** Unpacks the image's disk (call without the store lock: it writes a whole disk). */
  void unpack(ResourceKey image, byte[] archive) throws IOException {
    Path dir = Files.createDirectories(workDir.resolve("images").resolve(Long.toString(System.nanoTime())));
    Path tar = dir.resolve("image.tar.gz");
    Files.write(tar, archive);
    Process untar;
    try {
      untar = new ProcessBuilder("tar", "-xSzf", tar.toString(), "-C", dir.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("tar cannot be started (install the Debian package tar): " + e.getMessage(), e);
    }
    try {
      String output = new String(untar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!untar.waitFor(5, TimeUnit.MINUTES) || untar.exitValue() != 0) {
        throw new IOException("tar could not unpack the image archive: " + output);
      }
    } catch (InterruptedException e) {
      untar.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unpacking", e);
    }
    Files.delete(tar);
    disks.put(image.path(), dir.resolve("disk.raw"));
  }

  /** Boots the instance from its image's disk; call with the store locked, when it turns RUNNING. */
  void boot(StoredResource instance, ResourceKey image) {
    Path disk = disks.get(image.path());
    if (disk == null) {
      // an image seeded without an archive (FakeGce.addReadyImage) has no disk: the instance just runs
      return;
    }
    try {
      fleet.start(instance.key().name(), disk, new VmEvents() {
        @Override
        public void serial(String text) {
          synchronized (store) {
            instance.serial().append(text);
          }
        }

        @Override
        public void exited(int exitCode, boolean stoppedByUs) {
          if (!stoppedByUs) {
            synchronized (store) {
              // a guest that powers off leaves the instance TERMINATED, as on GCE
              instance.status("TERMINATED");
            }
            forward();
          }
        }
      });
    } catch (IOException e) {
      instance.serial().append("fake-gce: the VM could not be started: " + e.getMessage() + "\n");
      instance.status("TERMINATED");
    }
  }

  void stop(StoredResource instance) {
    fleet.stop(instance.key().name());
  }

  /** Makes the VMs' forwards what the firewalls allow now. */
  void forward() {
    fleet.forward(Reachability.open(store));
  }

  VmFleet fleet() {
    return fleet;
  }

  @Override
  public void close() {
    fleet.close();
    try (var paths = Files.walk(workDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind holds nothing anyone needs
    }
  }
}
