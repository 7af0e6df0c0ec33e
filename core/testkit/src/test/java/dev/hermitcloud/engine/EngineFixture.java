package dev.hermitcloud.engine;

import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.health.ProbeResult;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.InMemoryProvider;
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

  EngineOptions options() {
    return EngineOptions.builder().time(time).random(new Random(7)).listener(events::add)
        .retryPolicy(RetryPolicy.builder().ratePerSecond(0).build())
        .healthProbe((address, health) -> failingProbes.get() < 0 || failingProbes.getAndDecrement() > 0
            ? ProbeResult.unhealthy("refused") : ProbeResult.healthy("ok"))
        .build();
  }

  Unikernel unikernel(String name, long moduleSeed) throws IOException {
    Path loader = TestElf.loader(dir, "ldhermit.elf", 256, 1);
    Path module = TestElf.module(dir, "server-" + moduleSeed, 4096, moduleSeed);
    return Unikernel.named(name).loader(loader, "-uart=io:0x3f8").module(module.toAbsolutePath(), "").build();
  }

  DeploymentDefinition.WithCreate deploy(Unikernel unikernel) {
    return Hermit.deploy(unikernel).to(cloud.target()).engineOptions(options()).expose(Port.tcp(8000)).from("0.0.0.0/0");
  }
}
