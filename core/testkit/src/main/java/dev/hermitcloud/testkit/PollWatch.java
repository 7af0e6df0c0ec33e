package dev.hermitcloud.testkit;

import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.MachineType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * Wraps a target so that every {@link Operation#poll()} its drivers return is watched: the server's count
 * of mutating requests is read before and after each poll, and a poll that changed it is recorded. Run
 * the engine with parallelism 1, so nothing else runs during a poll, and {@link #writingPolls()} lists
 * the polls that broke the rule that polls only read.
 */
public final class PollWatch implements Target {
  private final Target target;
  private final IntSupplier mutatingRequests;
  private final List<String> writingPolls = new CopyOnWriteArrayList<>();
  private volatile int polls;

  /** Watches {@code target}'s polls against the server's counter {@code mutatingRequests}. */
  public PollWatch(Target target, IntSupplier mutatingRequests) {
    this.target = target;
    this.mutatingRequests = mutatingRequests;
  }

  /** The polls that made mutating requests, with how many. */
  public List<String> writingPolls() {
    return List.copyOf(writingPolls);
  }

  /** How many polls were watched. */
  public int polls() {
    return polls;
  }

  @Override
  public String describe() {
    return target.describe();
  }

  @Override
  public Provider connect() throws Exception {
    Provider provider = target.connect();
    return new Provider() {
      @Override
      public String name() {
        return provider.name();
      }

      @Override
      public List<ResourceDriver<?>> drivers() {
        return provider.drivers().stream().<ResourceDriver<?>>map(PollWatch.this::watched).toList();
      }

      @Override
      public List<ResourceSpec> resources(DeploymentSpec spec, ResolvedMachineType machineType) {
        return provider.resources(spec, machineType);
      }

      @Override
      public ResolvedMachineType resolve(MachineType type, int diskGib) throws Exception {
        return provider.resolve(type, diskGib);
      }

      @Override
      public ConsoleReader console() {
        return provider.console();
      }

      @Override
      public void validate(DeploymentSpec spec) {
        provider.validate(spec);
      }

      @Override
      public Exception translate(Exception error) {
        return provider.translate(error);
      }

      @Override
      public void close() throws Exception {
        provider.close();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private ResourceDriver<ResourceSpec> watched(ResourceDriver<?> driver) {
    ResourceDriver<ResourceSpec> inner = (ResourceDriver<ResourceSpec>) driver;
    return new ResourceDriver<>() {
      @Override
      public ResourceKind kind() {
        return inner.kind();
      }

      @Override
      public Optional<Observed> read(String name) throws Exception {
        return inner.read(name);
      }

      @Override
      public List<Observed> listOwned(String deployment) throws Exception {
        return inner.listOwned(deployment);
      }

      @Override
      public Operation create(ResourceSpec spec, CallContext context) throws Exception {
        return watched(inner.create(spec, context));
      }

      @Override
      public Optional<Operation> resume(Observed current, ResourceSpec spec, CallContext context) throws Exception {
        return inner.resume(current, spec, context).map(PollWatch.this::watched);
      }

      @Override
      public boolean updatesInPlace() {
        return inner.updatesInPlace();
      }

      @Override
      public Operation update(Observed current, ResourceSpec spec, CallContext context) throws Exception {
        return watched(inner.update(current, spec, context));
      }

      @Override
      public Operation delete(Observed current, CallContext context) throws Exception {
        return watched(inner.delete(current, context));
      }
    };
  }

  private Operation watched(Operation operation) {
    return new Operation() {
      @Override
      public String description() {
        return operation.description();
      }

      @Override
      public OperationStatus poll() throws Exception {
        int before = mutatingRequests.getAsInt();
        try {
          return operation.poll();
        } finally {
          polls++;
          int made = mutatingRequests.getAsInt() - before;
          if (made != 0) {
            writingPolls.add(operation.description() + ": " + made + " mutating request(s)");
          }
        }
      }
    };
  }
}
