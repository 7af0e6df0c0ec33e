package dev.hermitcloud.examples.cli;

import dev.hermitcloud.examples.fake.SharedFakeGce;
import dev.hermitcloud.gce.fake.FakeGce;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hermit fake-gce}: a fake Compute Engine and Cloud Storage on 127.0.0.1 until interrupted, which
 * {@code deploy|plan|logs|destroy --target gce --fake} use, so the whole flow can be tried with no account.
 * Its app stand-in answers HTTP on each instance's address where the firewall lets 127.0.0.1 in.
 */
@Command(name = "fake-gce", mixinStandardHelpOptions = true,
    description = "Run a fake GCE + GCS for --target gce --fake, until interrupted.")
final class FakeGceCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "" + SharedFakeGce.PORT, description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--project", defaultValue = SharedFakeGce.PROJECT, description = "Project (default: ${DEFAULT-VALUE}).")
  String project;

  @Option(names = "--bucket", defaultValue = SharedFakeGce.BUCKET, description = "Bucket (default: ${DEFAULT-VALUE}).")
  String bucket;

  @Option(names = "--op-duration-ms", defaultValue = "1000", description = "How long operations take (default: ${DEFAULT-VALUE}).")
  long operationMillis;

  @Option(names = "--latency-ms", defaultValue = "0", description = "Latency added to every call (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(names = "--no-app-stand-in", description = "Do not answer HTTP on the instances' addresses.")
  boolean noAppStandIn;

  @Override
  public Integer call() throws Exception {
    try (FakeGce fake = SharedFakeGce.start(port, project, bucket, Duration.ofMillis(operationMillis),
        Duration.ofMillis(latencyMillis), !noAppStandIn)) {
      System.out.println("fake-gce listening on " + fake.endpoint() + " (project " + project + ", bucket " + bucket + ")");
      System.out.println("  stats: curl " + fake.endpoint() + "/_fake/stats");
      System.out.println("  try:   hermit deploy --target gce --fake --name echo --loader LOADER --module APP"
          + " --expose tcp:8000 --from 0.0.0.0/0");
      System.out.flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
