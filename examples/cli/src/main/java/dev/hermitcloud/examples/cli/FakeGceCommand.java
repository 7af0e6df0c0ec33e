package dev.hermitcloud.examples.cli;

import dev.hermitcloud.examples.fake.SharedFakeGce;
import dev.hermitcloud.gce.fake.FakeGce;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hermit fake-gce}: a fake Compute Engine and Cloud Storage on 127.0.0.1 until interrupted, which
 * {@code deploy|plan|logs|destroy --target gce --fake=URL} use (it prints the exact flag), so the whole flow can be
 * tried with no account. Its app stand-in answers HTTP on each instance's address where the firewall lets
 * 127.0.0.1 in, unless {@code --no-app-stand-in}.
 */
@Command(name = "fake-gce", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a fake GCE + GCS for --target gce --fake, until interrupted.")
final class FakeGceCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "" + SharedFakeGce.PORT, description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = {"--operation-ms", "--op-duration-ms"}, defaultValue = "1000",
      description = "How long each operation (insert, delete, import) takes (default: ${DEFAULT-VALUE}).")
  long operationMillis;

  @Mixin
  FakeCloudOptions common;

  @Option(names = "--project", defaultValue = SharedFakeGce.PROJECT, description = "Project (default: ${DEFAULT-VALUE}).")
  String project;

  @Option(names = "--bucket", defaultValue = SharedFakeGce.BUCKET, description = "Bucket (default: ${DEFAULT-VALUE}).")
  String bucket;

  @Override
  public Integer call() throws Exception {
    try (FakeGce fake = SharedFakeGce.start(new SharedFakeGce.Settings(port, project, bucket,
        Duration.ofMillis(operationMillis), Duration.ofMillis(common.latencyMillis), !common.noAppStandIn && !common.boot, common.seed, common.boot))) {
      boolean defaults = project.equals(SharedFakeGce.PROJECT) && bucket.equals(SharedFakeGce.BUCKET);
      System.out.println("fake-gce listening on " + fake.endpoint() + " (project " + project + ", bucket " + bucket
          + (common.boot ? ", boot mode: instances are QEMU VMs" : ", app stand-in " + (common.noAppStandIn ? "off" : "on")) + ")");
      System.out.println("  stats: curl " + fake.endpoint() + "/_fake/stats");
      System.out.println(FakeCloudOptions.tryLine("gce", fake.endpoint(),
          defaults ? "" : " --project " + project + " --bucket " + bucket));
      System.out.flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
