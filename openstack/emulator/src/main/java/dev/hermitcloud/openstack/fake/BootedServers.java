package dev.hermitcloud.openstack.fake;

import dev.hermitcloud.emulator.vm.VmEvents;
import dev.hermitcloud.emulator.vm.VmFleet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;

/**
 * Boot mode of the fake: Glance keeps each image's data in a file, every server that turns ACTIVE boots its
 * image (qcow2 or raw) as a QEMU VM (see {@link VmFleet}), its console output is the VM's serial port, a
 * VM that ends (the guest powered off, or crashed) leaves the server SHUTOFF (vm_state stopped, power_state 4: SHUTDOWN, as Nova
 * reports it), and delete stops the VM. Only the ports {@link AppReachability} opens to the loopback
 * client are forwarded, on the server's fixed and floating addresses.
 */
final class BootedServers implements AutoCloseable {

  private final CloudState state;
  private final AppReachability reachability;
  private final Path workDir;
  private final VmFleet fleet;

  BootedServers(CloudState state, Set<Integer> appPorts) throws IOException {
    this.state = state;
    this.reachability = new AppReachability(state, appPorts);
    this.workDir = Files.createTempDirectory("fake-openstack-boot");
    this.fleet = new VmFleet("fake-openstack", workDir.resolve("vms"));
  }

  /** Where Glance writes the image's data as it streams in. */
  OutputStream imageData(String imageId) throws IOException {
    Files.createDirectories(workDir.resolve("images"));
    return Files.newOutputStream(image(imageId));
  }

  /** Boots the server from its image; call with the state locked, when it turns ACTIVE. */
  void boot(FakeServer server, FakeImage image) {
    Path disk = image(image.id);
    if (!Files.isRegularFile(disk)) {
      // an image without uploaded data (seeded) has no disk: the server just runs
      return;
    }
    try {
      fleet.start(server.id, disk, "qcow2".equals(image.diskFormat) ? "qcow2" : "raw", new VmEvents() {
        @Override
        public void serial(String text) {
          synchronized (state) {
            server.console.append(text);
          }
        }

        @Override
        public void exited(int exitCode, boolean stoppedByUs) {
          if (stoppedByUs) {
            return;
          }
          synchronized (state) {
            if (state.servers.get(server.id) == server && !server.deleting()) {
              NovaServerApi.shutOff(server);
            }
          }
          forward();
        }
      });
    } catch (IOException e) {
      server.console.append("fake-openstack: the VM could not be started: ").append(e.getMessage()).append('\n');
    }
  }

  long pid(String serverId) {
    return fleet.pid(serverId);
  }

  java.util.List<String> running() {
    return fleet.running();
  }

  void stop(FakeServer server) {
    fleet.stop(server.id);
  }

  /** Makes the VMs' forwards what the security groups open now. */
  void forward() {
    fleet.forward(reachability.open(server -> server.id));
  }

  private Path image(String imageId) {
    return workDir.resolve("images").resolve(imageId);
  }

  @Override
  public void close() {
    fleet.close();
    try (var paths = Files.walk(workDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind holds nothing anyone needs
    }
  }
}
