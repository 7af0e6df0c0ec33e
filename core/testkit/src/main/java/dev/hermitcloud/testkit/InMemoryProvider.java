package dev.hermitcloud.testkit;

import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.CloudException;
import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.resource.DeploymentResources;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.resource.ResourceState;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A cloud kept in memory, for engine tests: resources with labels and states, operations that take a few
 * polls, a call log, counts of mutating calls and of creations per name, and injected faults.
 */
public final class InMemoryProvider implements Provider {
  /** What the cloud holds for one resource. */
  public record Stored(ResourceKind kind, String name, Map<String, String> labels, ResourceState state, Object spec) {}

  private final Map<String, Stored> resources = new ConcurrentHashMap<>();
  private final Map<String, Integer> creations = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger mutatingCalls = new AtomicInteger();
  private final FaultPlan faults = new FaultPlan();
  private final boolean blobs;
  private final boolean firewalls;
  private volatile int pollsPerOperation = 2;
  private volatile int abortAtMutatingCall = -1;
  private volatile Random randomFaults;
  private volatile double randomFaultRate;
  private volatile String failingOperation;
  private final Map<String, String> consoles = new ConcurrentHashMap<>();
  private final Map<String, Transition> transitions = new ConcurrentHashMap<>();
  private final java.util.Set<ResourceKind> finishedByPolling = ConcurrentHashMap.newKeySet();

  /** A change in progress: it completes after a number of observations, as a cloud finishes work on its own. */
  private record Transition(AtomicInteger left, ResourceState whenDone, boolean remove, boolean fails) {}

  private final List<ResourceKind> attachedKinds = new CopyOnWriteArrayList<>();

  public InMemoryProvider(boolean blobs, boolean firewalls) {
    this.blobs = blobs;
    this.firewalls = firewalls;
  }

  /** A cloud shaped like GCE: blobs, images, firewalls, instances. */
  public static InMemoryProvider likeGce() {
    return new InMemoryProvider(true, true);
  }

  /**
   * Adds a kind of the test's own, as a provider would add one (a floating IP): one resource of it per
   * instance, named after the instance, attached to it. The engine must order it with nothing but what
   * the kind and the spec declare.
   */
  public InMemoryProvider withAttachedKind(ResourceKind kind) {
    attachedKinds.add(kind);
    return this;
  }

  /** A target that connects to this provider (closing the connection leaves the state). */
  public Target target() {
    InMemoryProvider self = this;
    return new Target() {
      @Override
      public String describe() {
        return "memory:" + System.identityHashCode(self);
      }

      @Override
      public Provider connect() {
        return self;
      }
    };
  }

  public FaultPlan faults() {
    return faults;
  }

  /** Every call fails with probability {@code rate} (seeded) with a transient fault, before or after taking effect. */
  public void randomFaults(long seed, double rate) {
    this.randomFaults = new Random(seed);
    this.randomFaultRate = rate;
  }

  /** Makes the {@code n}-th mutating call from now (1-based) fail with a permanent error; -1 for never. */
  public void abortAtMutatingCall(int n) {
    this.abortAtMutatingCall = n < 0 ? -1 : mutatingCalls.get() + n;
  }

  /** Makes the operation of calls starting with {@code prefix} end in an error. */
  public void failOperations(String prefix) {
    this.failingOperation = prefix;
  }

  /**
   * Makes resources of {@code kind} two-step, like an OpenStack image whose data is uploaded after it is
   * created: a pending one moves on only when an operation of the driver is polled, never by being read,
   * so one found after a lost response is finished only through {@link ResourceDriver#resume}.
   */
  public void finishOnlyByPolling(ResourceKind kind) {
    finishedByPolling.add(kind);
  }

  public void pollsPerOperation(int polls) {
    this.pollsPerOperation = polls;
  }

  public int mutatingCalls() {
    return mutatingCalls.get();
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** How many times each resource ({@code KIND/name}) was created over the provider's life. */
  public Map<String, Integer> creations() {
    return Map.copyOf(creations);
  }

  public Map<String, Stored> resources() {
    return Map.copyOf(resources);
  }

  public Optional<Stored> resource(ResourceKind kind, String name) {
    return Optional.ofNullable(resources.get(key(kind, name)));
  }

  /** Puts a resource there that no deployment (or another one) owns. */
  public void putForeign(ResourceKind kind, String name, Map<String, String> labels) {
    resources.put(key(kind, name), new Stored(kind, name, Map.copyOf(labels), ResourceState.READY, null));
  }

  /** The key of a resource in {@link #resources()} and {@link #creations()}: {@code KIND/name}. */
  private static String key(ResourceKind kind, String name) {
    return kind.name() + "/" + name;
  }

  public void console(String instance, String text) {
    consoles.put(instance, text);
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public List<ResourceDriver<?>> drivers() {
    List<ResourceDriver<?>> drivers = new ArrayList<>();
    if (blobs) {
      drivers.add(new Driver<>(ResourceKind.BLOB));
    }
    drivers.add(new Driver<>(ResourceKind.IMAGE));
    if (firewalls) {
      drivers.add(new Driver<>(ResourceKind.FIREWALL));
    }
    drivers.add(new Driver<>(ResourceKind.INSTANCE));
    attachedKinds.forEach(kind -> drivers.add(new Driver<>(kind)));
    return drivers;
  }

  @Override
  public List<ResourceSpec> resources(DeploymentSpec spec, ResolvedMachineType machineType) {
    DeploymentResources.Builder resources = DeploymentResources.of(spec, machineType);
    if (blobs) {
      resources.importedFromBlob();
    }
    if (firewalls) {
      resources.withFirewall();
    }
    DeploymentResources built = resources.build();
    List<ResourceSpec> all = new ArrayList<>(built.all());
    for (ResourceKind kind : attachedKinds) {
      built.instances().forEach(instance -> all.add(AttachedSpec.to(kind, instance)));
    }
    return all;
  }

  @Override
  public ResolvedMachineType resolve(MachineType type, int diskGib) throws Exception {
    enter("read machine types", false);
    List<ResolvedMachineType> catalogue = List.of(ResolvedMachineType.of("tiny", 1, 512),
        ResolvedMachineType.of("small", 1, 2048), ResolvedMachineType.of("medium", 2, 4096));
    if (type.name().isPresent()) {
      return catalogue.stream().filter(t -> t.name().equals(type.name().get())).findFirst()
          .orElseThrow(() -> new InvalidSpecException("machineType.name", type.name().get(), "does not exist here"));
    }
    return catalogue.stream().filter(t -> type.admits(t.cpus(), t.memoryMib())).findFirst()
        .orElseThrow(() -> new InvalidSpecException("machineType", type, "is larger than any type here"));
  }

  @Override
  public ConsoleReader console() {
    return (instance, offset) -> {
      String text = consoles.getOrDefault(instance, "");
      int from = (int) Math.min(offset, text.length());
      return new ConsoleChunk(text.substring(from), from, text.length());
    };
  }

  /** Logs the call and fires any fault that matches before it takes effect; returns a post-effect fault. */
  private Supplier<Exception> enter(String call, boolean mutating) throws Exception {
    calls.add(call);
    if (mutating) {
      int n = mutatingCalls.incrementAndGet();
      if (n == abortAtMutatingCall) {
        throw new CloudException(400, "injected permanent failure at mutating call " + n + " (" + call + ")");
      }
    }
    Random random = randomFaults;
    if (random != null) {
      double roll;
      boolean after;
      synchronized (random) {
        roll = random.nextDouble();
        after = random.nextBoolean();
      }
      if (roll < randomFaultRate) {
        Supplier<Exception> error = () -> new CloudException(503, "injected random fault on " + call);
        if (!after || !mutating) {
          throw error.get();
        }
        return error;
      }
    }
    FaultPlan.Rule rule = faults.match(call);
    if (rule != null) {
      if (!rule.afterEffect()) {
        throw rule.error().get();
      }
      return rule.error();
    }
    return null;
  }

  private Operation operation(String description, String key, ResourceState whenDone, boolean remove) {
    boolean fails = failingOperation != null && description.startsWith(failingOperation);
    transitions.put(key, new Transition(new AtomicInteger(pollsPerOperation), whenDone, remove, fails));
    return new Operation() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public OperationStatus poll() throws Exception {
        enter("poll " + description, false);
        Transition pending = transitions.get(key);
        advance(key);
        if (transitions.get(key) != null) {
          return OperationStatus.running("RUNNING");
        }
        if (pending != null && pending.fails()) {
          return OperationStatus.failed("QUOTA_EXCEEDED: injected operation failure");
        }
        return OperationStatus.done();
      }
    };
  }

  /** The operation a call started, or, for a lost response, the error the client sees instead. */
  private static Operation answer(Operation operation, Supplier<Exception> lost) throws Exception {
    if (lost != null) {
      throw lost.get();
    }
    return operation;
  }

  /** One observation of a resource: moves its pending change one step towards completion. */
  private void advance(String key) {
    Transition t = transitions.get(key);
    if (t == null || t.left().decrementAndGet() > 0) {
      return;
    }
    transitions.remove(key);
    if (t.fails()) {
      resources.computeIfPresent(key, (k, s) -> new Stored(s.kind(), s.name(), s.labels(), ResourceState.FAILED, s.spec()));
    } else if (t.remove()) {
      resources.remove(key);
    } else {
      resources.computeIfPresent(key, (k, s) -> new Stored(s.kind(), s.name(), s.labels(), t.whenDone(), s.spec()));
    }
  }

  private Observed observe(Stored stored) {
    return Observed.builder().kind(stored.kind()).name(stored.name()).owner(Ownership.fromLabels(stored.labels()))
        .state(stored.state()).attributes(stored.kind().equals(ResourceKind.INSTANCE)
            ? Map.of(Observed.ADDRESS, "127.0.0.1", Observed.PRIVATE_ADDRESS, "10.0.0.2") : Map.of())
        .build();
  }

  /** One driver class serves every kind: the engine must not care which kind it drives. */
  private final class Driver<S extends ResourceSpec> implements ResourceDriver<S> {
    private final ResourceKind kind;

    Driver(ResourceKind kind) {
      this.kind = kind;
    }

    @Override
    public ResourceKind kind() {
      return kind;
    }

    @Override
    public Optional<Observed> read(String name) throws Exception {
      enter("read " + kind.label() + " " + name, false);
      if (!finishedByPolling.contains(kind)) {
        advance(key(kind, name));
      }
      return Optional.ofNullable(resources.get(key(kind, name))).map(InMemoryProvider.this::observe);
    }

    @Override
    public List<Observed> listOwned(String deployment) throws Exception {
      enter("list " + kind.label(), false);
      List<Observed> owned = new ArrayList<>();
      for (Stored stored : resources.values()) {
        if (stored.kind().equals(kind) && deployment.equals(stored.labels().get(Ownership.DEPLOYMENT_KEY))) {
          owned.add(observe(stored));
        }
      }
      return owned;
    }

    @Override
    public Operation create(S spec, CallContext context) throws Exception {
      String call = "create " + kind.label() + " " + spec.name();
      Supplier<Exception> lost = enter(call, true);
      String key = key(kind, spec.name());
      Stored fresh = new Stored(kind, spec.name(), context.ownership().toLabels(), ResourceState.PENDING, spec);
      if (resources.putIfAbsent(key, fresh) != null) {
        throw new CloudException(409, kind.label() + " '" + spec.name() + "' already exists (alreadyExists)");
      }
      creations.merge(key, 1, Integer::sum);
      if (kind.equals(ResourceKind.BLOB)) {
        context.bytesTransferred(1024, 1024);
      }
      return answer(operation(call, key, ResourceState.READY, false), lost);
    }

    @Override
    public Optional<Operation> resume(Observed current, S spec, CallContext context) throws Exception {
      if (!finishedByPolling.contains(kind)) {
        return Optional.empty();
      }
      String call = "resume " + kind.label() + " " + spec.name();
      enter(call, false);
      String key = key(kind, spec.name());
      transitions.putIfAbsent(key, new Transition(new AtomicInteger(pollsPerOperation), ResourceState.READY, false, false));
      return Optional.of(new Operation() {
        @Override
        public String description() {
          return call;
        }

        @Override
        public OperationStatus poll() throws Exception {
          enter("poll " + call, false);
          advance(key);
          return transitions.containsKey(key) ? OperationStatus.running("RESUMING") : OperationStatus.done();
        }
      });
    }

    @Override
    public boolean updatesInPlace() {
      return kind.equals(ResourceKind.FIREWALL);
    }

    @Override
    public Operation update(Observed current, S spec, CallContext context) throws Exception {
      String call = "update " + kind.label() + " " + spec.name();
      Supplier<Exception> lost = enter(call, true);
      String key = key(kind, spec.name());
      resources.computeIfPresent(key, (k, s) -> new Stored(kind, s.name(), context.ownership().toLabels(), s.state(), spec));
      return answer(operation(call, key, ResourceState.READY, false), lost);
    }

    @Override
    public Operation delete(Observed current, CallContext context) throws Exception {
      String call = "delete " + kind.label() + " " + current.name();
      Supplier<Exception> lost = enter(call, true);
      String key = key(kind, current.name());
      Stored stored = resources.get(key);
      if (stored == null) {
        throw new CloudException(404, kind.label() + " '" + current.name() + "' not found");
      }
      resources.put(key, new Stored(kind, stored.name(), stored.labels(), ResourceState.DELETING, stored.spec()));
      return answer(operation(call, key, ResourceState.DELETING, true), lost);
    }
  }
}
