package dev.hermitcloud.local;

import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.DeploymentResources;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.Cidr;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.spec.Protocol;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.Fix;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.HostException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The local target's drivers: raw images and QEMU instances, no firewall (ports are forwarded per
 * instance). Every local client connects from the loopback network, so a rule whose sources leave out
 * {@code 127.0.0.0/8} forwards nothing: it is the closest QEMU's port forwarding, which cannot filter by
 * client address, comes to the rule.
 */
final class LocalProvider implements Provider {
  private static final int MAX_FORWARDED_PORTS = 64;
  /** Where every client of a forwarded port comes from: the forwards listen on a 127.77.x.y address. */
  static final Cidr LOCAL_CLIENTS = Cidr.parse("127.0.0.0/8");

  private final LocalImages images;
  private final LocalInstances instances;
  private final LocalLocks locks;

  LocalProvider(Local target, Path qemu, AcceleratorChoice accelerator) {
    this.images = new LocalImages(target.stateDir());
    this.instances = new LocalInstances(target, qemu, images, accelerator);
    this.locks = new LocalLocks(target.stateDir());
  }

  @Override
  public Optional<DeploymentLocks> locks() {
    return Optional.of(locks);
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
    return DeploymentResources.of(spec, machineType).forwardingFor(LOCAL_CLIENTS).build().all();
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
    // options a cloud uses and QEMU has no counterpart for: refused rather than silently dropped
    spec.network().ifPresent(network -> {
      throw new InvalidSpecException("deployment.network", network,
          "has no meaning on the local target (QEMU's user network has no named networks): remove .network(...)");
    });
    spec.serviceAccount().ifPresent(account -> {
      throw new InvalidSpecException("deployment.serviceAccount", account,
          "has no meaning on the local target (it is a Compute Engine identity): remove .serviceAccount(...)");
    });
    List<Port> ports = spec.firewall().stream().filter(r -> r.admitsAnyOf(LOCAL_CLIENTS))
        .flatMap(r -> r.ports().stream()).distinct().toList();
    int forwarded = ports.stream().mapToInt(p -> p.to() - p.from() + 1).sum();
    if (forwarded > MAX_FORWARDED_PORTS) {
      throw new InvalidSpecException("firewall.ports", forwarded + " ports",
          "are too many to forward locally: QEMU forwards each port separately; expose at most " + MAX_FORWARDED_PORTS);
    }
    spec.health().ifPresent(h -> {
      if (ports.stream().noneMatch(p -> p.covers(Protocol.TCP, h.port()))) {
        List<Cidr> sources = spec.firewall().stream().filter(r -> r.ports().stream().anyMatch(p -> p.covers(Protocol.TCP, h.port())))
            .flatMap(r -> r.sources().stream()).distinct().toList();
        throw new InvalidSpecException("firewall.sources", sources, "admit no local client, so tcp:" + h.port()
            + " is not forwarded and the health check could never pass: local clients all come from " + LOCAL_CLIENTS
            + "; add", Fix.set("firewall.sources", "127.0.0.0/8").java(".from(\"127.0.0.0/8\")")
                .note("or 127.0.0.1/32, or 0.0.0.0/0, for tcp:" + h.port()));
      }
    });
  }
}
