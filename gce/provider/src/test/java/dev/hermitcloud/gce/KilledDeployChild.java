package dev.hermitcloud.gce;

import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.FastEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A separate JVM that deploys to a fake GCE until the test kills it (kill -9), with a 1 s lock. It plans
 * first (reads only) and prints {@code ready}, then deploys when told {@code go} on stdin: the clients'
 * start-up (seconds of protobuf descriptors) stays out of the window in which the test counts requests.
 */
public final class KilledDeployChild {
  private KilledDeployChild() {}

  public static void main(String[] args) throws Exception {
    Gce target = Gce.project(GceFixture.PROJECT).zone(GceFixture.ZONE).bucket(GceFixture.BUCKET).endpoint(args[0]);
    var echo = GceFixture.unikernel(Path.of(args[1]), args[2], 64 * 1024, 1);
    var deploy = Hermit.deploy(echo).to(target).engineOptions(shortLock()).retry(FastEngine.RETRY)
        .machineType(MachineType.atLeast(1, 512)).expose(Port.tcp(8000)).from("0.0.0.0/0");
    deploy.plan();
    System.out.println("ready");
    System.out.flush();
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if ("go".equals(in.readLine())) {
      deploy.apply().close();
      System.out.println("finished");
    }
  }

  static EngineOptions shortLock() {
    return EngineOptions.builder().from(FastEngine.OPTIONS).lockTtl(Duration.ofSeconds(1)).build();
  }
}
