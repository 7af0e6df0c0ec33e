package dev.hermitcloud.openstack;

import dev.hermitcloud.testkit.FastEngine;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.TestElf;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Deployments against a fake, with the short polls and backoffs the fake's timings allow. */
final class Fixture {
  final Path dir;
  final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  /** Called with every event, after it is recorded. */
  final List<ProgressListener> listeners = new CopyOnWriteArrayList<>();

  Fixture(Path dir) {
    this.dir = dir;
  }

  private void record(ProgressEvent event) {
    events.add(event);
    listeners.forEach(l -> l.on(event));
  }

  Unikernel unikernel(String name, long seed) throws IOException {
    return unikernel(name, seed, 64 * 1024);
  }

  Unikernel unikernel(String name, long seed, int moduleBytes) throws IOException {
    Path loader = TestElf.loader(dir, "ldhermit.elf", 512, 1);
    Path module = TestElf.module(dir, "server-" + seed + "-" + moduleBytes, moduleBytes, seed);
    return Unikernel.named(name).loader(loader, "-uart=io:0x3f8").module(module).build();
  }

  /** A deployment of {@code unikernel} exposing TCP 8000 to everyone. */
  DeploymentDefinition.WithCreate deploy(Target target, Unikernel unikernel) {
    return Hermit.deploy(unikernel).to(target).engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).onProgress(this::record).machineType(MachineType.atLeast(1, 512))
        .expose(Port.tcp(8000)).from("0.0.0.0/0");
  }

  Plan destroy(Target target, String name) {
    return Hermit.destroy(name).engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).onProgress(this::record).on(target);
  }
}
