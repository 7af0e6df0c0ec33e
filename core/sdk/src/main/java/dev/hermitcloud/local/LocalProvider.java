package dev.hermitcloud.local;

import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.LockHolder;
import dev.hermitcloud.provider.LockLease;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.DeploymentResources;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.HostException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The local target's drivers: raw images and QEMU instances, no firewall (ports are forwarded per instance). */
final class LocalProvider implements Provider, DeploymentLocks {
  private static final int MAX_FORWARDED_PORTS = 64;

  private final LocalImages images;
  private final LocalInstances instances;
  private final LocalLocks locks;

  LocalProvider(Local target, Path qemu) {
    this.images = new LocalImages(target.stateDir());
    this.instances = new LocalInstances(target, qemu, images);
    this.locks = new LocalLocks(target.stateDir());
  }

  @Override
  public Optional<LockLease> acquire(String deployment, LockHolder holder, Instant since, Instant expires) throws IOException {
    return locks.acquire(deployment, holder, since, expires);
  }

  @Override
  public Optional<LockLease> replace(LockLease current, LockHolder holder, Instant since, Instant expires) throws IOException {
    return locks.replace(current, holder, since, expires);
  }

  @Override
  public void release(LockLease lease) throws IOException {
    locks.release(lease);
  }

  @Override
  public Optional<LockLease> breakLock(String deployment) throws IOException {
    return locks.breakLock(deployment);
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public List<ResourceDriver<?>> drivers() {
    return List.of(images, instances);
  }

  /** The image and the instances; no firewall: each instance forwards the exposed ports itself. */
  @Override
  public List<ResourceSpec> resources(DeploymentSpec spec, ResolvedMachineType machineType) {
    return DeploymentResources.of(spec, machineType).build().all();
  }

  @Override
  public ResolvedMachineType resolve(MachineType type, int diskGib) {
    return LocalMachineTypes.resolve(type);
  }

  @Override
  public ConsoleReader console() {
    return instances::console;
  }

  /**
   * Every I/O failure here is this machine's (a state directory that is a file, a full disk, QEMU refusing
   * to start): retrying cannot fix it, so it is a {@link HostException}, not a fault to retry.
   */
  @Override
  public Exception translate(Exception error) {
    if (error instanceof IOException io) {
      String message = io instanceof FileSystemException fs && fs.getFile() != null
          ? fs.getFile() + ": " + (fs.getReason() == null ? io.getClass().getSimpleName() : fs.getReason())
          : String.valueOf(io.getMessage());
      return new HostException("local: " + message, io);
    }
    return error;
  }

  @Override
  public void validate(DeploymentSpec spec) {
    int forwarded = spec.firewall().stream().flatMap(r -> r.ports().stream()).distinct()
        .mapToInt(p -> p.to() - p.from() + 1).sum();
    if (forwarded > MAX_FORWARDED_PORTS) {
      throw new InvalidSpecException("firewall.ports", forwarded + " ports",
          "are too many to forward locally: QEMU forwards each port separately; expose at most " + MAX_FORWARDED_PORTS);
    }
  }
}
