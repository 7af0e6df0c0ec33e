package dev.hermitcloud.gce;

import dev.hermitcloud.testkit.FastEngine;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.progress.ProgressEvent;
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

/** The project, zone and bucket the gce tests use, a target pointed at a fake, and quick engine settings. */
final class GceFixture {
  static final String PROJECT = "hermit-test";
  static final String ZONE = "us-central1-c";
  static final String BUCKET = "hermit-images";

  private GceFixture() {}

  /** A fake with the project and bucket, operations of 30 ms. */
  static FakeGce.Builder fake() {
    return FakeGce.builder().project(PROJECT).bucket(BUCKET).operationDuration(Duration.ofMillis(30));
  }

  static Gce target(FakeGce fake) {
    return Gce.project(PROJECT).zone(ZONE).bucket(BUCKET).endpoint(fake.endpoint());
  }

  /** A unikernel whose module holds {@code moduleBytes} random (incompressible) bytes. */
  static Unikernel unikernel(Path dir, String name, int moduleBytes, long seed) throws IOException {
    Path loader = TestElf.loader(dir, "ldhermit.elf", 512, 1);
    Path module = TestElf.module(dir, name + "-server-" + seed, moduleBytes, seed);
    return Unikernel.named(name).loader(loader, "-uart=io:0x3f8").module(module).build();
  }

  /** {@code echo} on {@code target}: the smallest type with 1 vCPU and 512 MiB, tcp:8000 open to all. */
  /** The fast engine with a lock that lasts the whole test: no renewal writes among the requests a test counts. */
  static final dev.hermitcloud.EngineOptions NO_RENEWAL = dev.hermitcloud.EngineOptions.builder().from(FastEngine.OPTIONS)
      .lockTtl(java.time.Duration.ofMinutes(10)).build();

  static DeploymentDefinition.WithCreate deploy(Unikernel unikernel, Target target, List<ProgressEvent> events) {
    return Hermit.deploy(unikernel).to(target).engineOptions(NO_RENEWAL).retry(FastEngine.RETRY).onProgress(events::add).machineType(MachineType.atLeast(1, 512))
        .expose(Port.tcp(8000)).from("0.0.0.0/0");
  }

  /** The app's answer on port 8000 of {@code address}: the fake's stand-in names the machine it runs on. */
  static String answer(String address) throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
        .connectTimeout(java.time.Duration.ofSeconds(5)).build();
    return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + address + ":8000/"))
        .timeout(java.time.Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }
}
