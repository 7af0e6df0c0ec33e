package dev.hermitcloud.internal.engine;

import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.GroupMembers;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The one boundary where a cloud client library's exceptions become the SDK's: every driver call,
 * operation poll, machine-type resolution and console read goes through {@link Provider#translate} here
 * once, so the retrier, the step runner and users only ever see {@link dev.hermitcloud.HermitException}s
 * (or interruption, or a bug). Not API.
 */
public final class Translation {
  private final Provider provider;

  public Translation(Provider provider) {
    this.provider = provider;
  }

  /** Runs {@code call}, translating what it throws. */
  public <T> T call(Callable<T> call) throws Exception {
    try {
      return call.call();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      // the SDK's own exceptions go through too: a provider may read more into one it threw itself (a 401
      // that means its token must be dropped before the retry)
      throw provider.translate(e);
    }
  }

  /** {@code driver} with every call translated. */
  @SuppressWarnings("unchecked")
  ResourceDriver<ResourceSpec> driver(ResourceDriver<?> driver) {
    ResourceDriver<ResourceSpec> inner = (ResourceDriver<ResourceSpec>) driver;
    return new ResourceDriver<>() {
      @Override
      public ResourceKind kind() {
        return inner.kind();
      }

      @Override
      public Optional<Observed> read(String name) throws Exception {
        return call(() -> inner.read(name));
      }

      @Override
      public List<Observed> listOwned(String deployment) throws Exception {
        return call(() -> inner.listOwned(deployment));
      }

      @Override
      public Operation create(ResourceSpec spec, CallContext context) throws Exception {
        return operation(call(() -> inner.create(spec, context)));
      }

      @Override
      public Optional<Operation> resume(Observed current, ResourceSpec spec, CallContext context) throws Exception {
        return call(() -> inner.resume(current, spec, context)).map(Translation.this::operation);
      }

      @Override
      public boolean updatesInPlace() {
        return inner.updatesInPlace();
      }

      @Override
      public Operation update(Observed current, ResourceSpec spec, CallContext context) throws Exception {
        return operation(call(() -> inner.update(current, spec, context)));
      }

      @Override
      public Operation delete(Observed current, CallContext context) throws Exception {
        return operation(call(() -> inner.delete(current, context)));
      }
    };
  }

  /** {@code reads} with its calls translated. */
  ListReads lists(ListReads reads) {
    return names -> call(() -> reads.readAll(names));
  }

  /** {@code group} with its reads translated. */
  GroupMembers members(GroupMembers group) {
    return observed -> call(() -> group.members(observed));
  }

  /** {@code operation} with its polls translated. */
  Operation operation(Operation operation) {
    return new Operation() {
      @Override
      public String description() {
        return operation.description();
      }

      @Override
      public OperationStatus poll() throws Exception {
        return call(operation::poll);
      }
    };
  }

  /** The provider's console with its reads translated. */
  public ConsoleReader console() {
    ConsoleReader reader = provider.console();
    return (String instance, long offset) -> this.<ConsoleChunk>call(() -> reader.read(instance, offset));
  }
}
