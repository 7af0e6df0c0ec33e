package dev.hermitcloud.gce.fake;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link FakeGce} as a process: {@code fake-gce --port N [--project P]... [--bucket B]...
 * [--op-duration-ms MS] [--wait-limit-ms MS] [--latency-ms MS] [--app-stand-in]
 * [--first-external-address 127.0.0.2] [--boot-output TEXT] [--seed N]}. Prints the endpoint and
 * serves until killed; faults, stats and resets go through {@code /_fake/...}.
 */
public final class FakeGceMain {
  private FakeGceMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    FakeGce.Builder builder = FakeGce.builder();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
        case "--project" -> builder.project(value(args, ++i, arg));
        case "--bucket" -> builder.bucket(value(args, ++i, arg));
        case "--op-duration-ms" ->
            builder.operationDuration(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
        case "--wait-limit-ms" ->
            builder.operationWaitLimit(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
        case "--latency-ms" ->
            builder.latency(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
        case "--app-stand-in" -> builder.appStandIn(true);
        case "--first-external-address" -> builder.firstExternalAddress(value(args, ++i, arg));
        case "--boot-output" -> builder.bootOutput(value(args, ++i, arg));
        case "--seed" -> builder.faultSeed(Long.parseLong(value(args, ++i, arg)));
        case "--help", "-h" -> {
          System.out.println(usage());
          return;
        }
        default -> {
          System.err.println("unknown option " + arg + "\n" + usage());
          System.exit(2);
        }
      }
    }
    FakeGce fake = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
    System.out.println("fake-gce listening on " + fake.endpoint());
    System.out.println("  compute: " + fake.endpoint() + "/compute/v1/projects/{project}/...");
    System.out.println("  storage: " + fake.endpoint() + "/storage/v1/b/...");
    System.out.println("  admin:   " + fake.endpoint() + "/_fake/stats");
    System.out.flush();
    new CountDownLatch(1).await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      System.err.println(option + " needs a value\n" + usage());
      System.exit(2);
    }
    return args[i];
  }

  private static String usage() {
    return "usage: fake-gce --port N [--project P]... [--bucket B]... [--op-duration-ms MS]"
        + " [--wait-limit-ms MS] [--latency-ms MS] [--app-stand-in]"
        + " [--first-external-address 127.0.0.2] [--boot-output TEXT] [--seed N]";
  }
}
