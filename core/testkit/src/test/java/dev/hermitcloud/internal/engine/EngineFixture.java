package dev.hermitcloud.internal.engine;

import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.internal.health.ProbeResult;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.DestroyDefinition;
import dev.hermitcloud.testkit.InMemoryProvider;
import dev.hermitcloud.testkit.TestRuntime;
import dev.hermitcloud.testkit.TestElf;
import dev.hermitcloud.testkit.VirtualTime;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** A deployment against an in-memory cloud on a virtual clock, as the engine tests use it. */
final class EngineFixture {
  final Path dir;
  final InMemoryProvider cloud;
  final VirtualTime time = new VirtualTime();
  final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  /** How many probes fail before the app answers; -1 for never. */
  final java.util.concurrent.atomic.AtomicInteger failingProbes = new java.util.concurrent.atomic.AtomicInteger();

  EngineFixture(Path dir, InMemoryProvider cloud) {
    this.dir = dir;
    this.cloud = cloud;
  }

  /** {@code definition} on the virtual clock, seeded randomness and the scripted probe, recording events. */
  DeploymentDefinition.WithCreate configure(DeploymentDefinition.WithCreate definition) {
    return TestRuntime.use(definition, time, new Random(7), this::probe).onProgress(events::add)
        .retry(RetryPolicy.builder().ratePerSecond(0).build());
  }

  DestroyDefinition configure(DestroyDefinition definition) {
    return TestRuntime.use(definition, time, new Random(7), this::probe).onProgress(events::add)
        .retry(RetryPolicy.builder().ratePerSecond(0).build());
  }

  private ProbeResult probe(String address, dev.hermitcloud.spec.Health health) {
    return failingProbes.get() < 0 || failingProbes.getAndDecrement() > 0
        ? ProbeResult.unhealthy("refused") : ProbeResult.healthy("ok");
  }

  Unikernel unikernel(String name, long moduleSeed) throws IOException {
    Path loader = TestElf.loader(dir, "ldhermit.elf", 256, 1);
    Path module = TestElf.module(dir, "server-" + moduleSeed, 4096, moduleSeed);
    return Unikernel.named(name).loader(loader, "-uart=io:0x3f8").module(module.toAbsolutePath(), "").build();
  }

  DeploymentDefinition.WithCreate deploy(Unikernel unikernel) {
    return configure(Hermit.deploy(unikernel).to(cloud.target())).expose(Port.tcp(8000)).from("0.0.0.0/0");
  }
}
