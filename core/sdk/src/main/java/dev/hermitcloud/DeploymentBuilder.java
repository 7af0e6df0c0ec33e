package dev.hermitcloud;

import dev.hermitcloud.internal.engine.Applied;
import dev.hermitcloud.internal.engine.Engine;
import dev.hermitcloud.internal.engine.EngineRuntime;
import dev.hermitcloud.internal.engine.EngineSettings;
import dev.hermitcloud.internal.engine.RuntimeOverride;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.spec.Cidr;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.FirewallRule;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.ImmutableDeploymentSpec;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import dev.hermitcloud.internal.validation.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The one mutable object behind every stage of {@link DeploymentDefinition}. */
final class DeploymentBuilder implements DeploymentDefinition.WithTarget, DeploymentDefinition.WithSources,
    DeploymentDefinition.WithCreate, RuntimeOverride {
  private final ImmutableDeploymentSpec.Builder spec = DeploymentSpec.builder();
  private List<Port> pendingPorts = List.of();
  private final EngineSettings settings = new EngineSettings();

  DeploymentBuilder(Unikernel unikernel) {
    spec.unikernel(Check.required("unikernel", unikernel,
        "build one with Unikernel.named(\"echo\").loader(path).module(path).build()"));
  }

  @Override
  public DeploymentDefinition.WithCreate to(Target target) {
    spec.target(Check.required("target", target));
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate name(String name) {
    spec.name(name);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate machineType(MachineType type) {
    spec.machineType(Check.required("machineType", type));
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate count(int count) {
    spec.count(count);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate group(Group group) {
    spec.group(group);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate diskGib(int gib) {
    spec.diskGib(gib);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate imageFamily(String family) {
    spec.imageFamily(family);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate description(String description) {
    spec.description(description);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate label(String key, String value) {
    spec.putLabels(Check.required("deployment.labels", key), Check.required("deployment.labels[" + key + "]", value));
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate metadata(String key, String value) {
    spec.putMetadata(Check.required("deployment.metadata", key), Check.required("deployment.metadata[" + key + "]", value));
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate network(String network) {
    spec.network(network);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate spot() {
    spec.spot(true);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate serviceAccount(String email) {
    spec.serviceAccount(email);
    return this;
  }

  @Override
  public DeploymentDefinition.WithSources expose(Port... ports) {
    pendingPorts = List.of(ports);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate from(String... cidrs) {
    List<Cidr> sources = new ArrayList<>();
    for (int i = 0; i < cidrs.length; i++) {
      sources.add(Cidr.parse("firewall.sources[" + i + "]", cidrs[i]));
    }
    spec.addFirewall(FirewallRule.of(pendingPorts, sources));
    pendingPorts = List.of();
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate waitUntil(Health health) {
    spec.health(health);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate waitUntil(Health health, Duration timeout) {
    spec.health(health).healthTimeout(timeout);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate onProgress(ProgressListener listener) {
    settings.listener(listener);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate retry(RetryPolicy policy) {
    settings.retry(policy);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate engineOptions(EngineOptions engineOptions) {
    settings.options(engineOptions);
    return this;
  }

  @Override
  public DeploymentDefinition.WithCreate lockTimeout(java.time.Duration timeout) {
    settings.lockTimeout(timeout);
    return this;
  }

  @Override
  public void runtime(EngineRuntime runtime) {
    settings.runtime(runtime);
  }

  @Override
  public DeploymentSpec spec() {
    return spec.build();
  }

  @Override
  public Plan plan() {
    DeploymentSpec built = spec();
    return HermitException.wrap("plan " + built.name(), () -> {
      try (Provider provider = built.target().connect()) {
        return new Engine(settings).plan(built, provider);
      }
    });
  }

  @Override
  public Deployment apply() {
    DeploymentSpec built = spec();
    Engine engine = new Engine(settings);
    Provider provider = HermitException.wrap("connect to " + built.target().describe(), () -> built.target().connect());
    try {
      Applied applied = HermitException.wrap("apply " + built.name(), () -> engine.apply(built, provider));
      return new Deployment(built.name(), built.target(), engine, provider, applied);
    } catch (RuntimeException e) {
      closeQuietly(provider, e);
      throw e;
    }
  }

  @Override
  public CompletableFuture<Deployment> applyAsync() {
    spec(); // validate now, on the caller's thread, so bad input fails before anything starts
    return CompletableFuture.supplyAsync(this::apply);
  }

  private static void closeQuietly(Provider provider, RuntimeException failure) {
    try {
      provider.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }
}
