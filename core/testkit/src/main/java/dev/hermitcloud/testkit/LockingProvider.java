package dev.hermitcloud.testkit;

import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.MachineType;
import java.util.List;
import java.util.Optional;

/**
 * An {@link InMemoryProvider} that also keeps deployment locks ({@link InMemoryLocks}): a provider with
 * the optional lock capability, for the engine's lock tests, while the plain in-memory cloud stays
 * lock-free so that its call counts are the resources' alone.
 *
 * <pre>{@code
 * LockingProvider cloud = new LockingProvider(InMemoryProvider.likeGce(), new InMemoryLocks());
 * Hermit.deploy(app).to(cloud.target()).apply();
 * }</pre>
 */
public final class LockingProvider implements Provider {
  private final InMemoryProvider cloud;
  private final InMemoryLocks locks;

  public LockingProvider(InMemoryProvider cloud, InMemoryLocks locks) {
    this.cloud = cloud;
    this.locks = locks;
  }

  /** A target that connects to this provider. */
  public Target target() {
    String describe = cloud.target().describe();
    LockingProvider self = this;
    return new Target() {
      @Override
      public String describe() {
        return describe;
      }

      @Override
      public Provider connect() {
        return self;
      }
    };
  }

  @Override
  public Optional<DeploymentLocks> locks() {
    return Optional.of(locks);
  }

  @Override
  public String name() {
    return cloud.name();
  }

  @Override
  public List<ResourceDriver<?>> drivers() {
    return cloud.drivers();
  }

  @Override
  public List<ResourceSpec> resources(DeploymentSpec spec, ResolvedMachineType machineType) {
    return cloud.resources(spec, machineType);
  }

  @Override
  public ResolvedMachineType resolve(MachineType type, int diskGib) throws Exception {
    return cloud.resolve(type, diskGib);
  }

  @Override
  public ConsoleReader console() {
    return cloud.console();
  }

  @Override
  public Exception translate(Exception error) {
    return cloud.translate(error);
  }

}
