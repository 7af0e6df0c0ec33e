package dev.hermitcloud.openstack.fake;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeOpenStack} as a standalone process until killed, printing how to point
 * clients at it ({@code OS_*} variables and a clouds.yaml entry).
 *
 * <pre>
 * fake-openstack [--port N] [--user NAME] [--password PW] [--project NAME]
 *                [--app-credential ID NAME SECRET] [--build-ms N] [--save-ms N] [--delete-ms N]
 *                [--token-lifetime-s N] [--seed N] [--app-stand-in] [--app-port P]... [--trace] [--boot]
 * </pre>
 */
public final class FakeOpenStackMain {
  private FakeOpenStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    FakeOpenStack cloud;
    try {
      cloud = launch(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("fake-openstack: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cloud.close();
      stopped.countDown();
    }));
    stopped.await();
  }

  /** Starts a fake as the arguments say and prints its connection details. */
  static FakeOpenStack launch(String[] args, PrintStream out) {
    FakeOpenStackBuilder b = FakeOpenStack.builder().buildTime(Duration.ofSeconds(2))
        .saveTime(Duration.ofSeconds(1)).deleteTime(Duration.ofSeconds(1));
    String user = "demo";
    String password = "secret";
    String project = "demo";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> b.port(Integer.parseInt(value(args, ++i, a)));
        case "--user" -> user = value(args, ++i, a);
        case "--password" -> password = value(args, ++i, a);
        case "--project" -> project = value(args, ++i, a);
        case "--app-credential" -> b.applicationCredential(value(args, ++i, a),
            value(args, ++i, a), value(args, ++i, a));
        case "--build-ms" -> b.buildTime(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
        case "--save-ms" -> b.saveTime(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
        case "--delete-ms" -> b.deleteTime(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
        case "--token-lifetime-s" ->
            b.tokenLifetime(Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
        case "--seed" -> b.seed(Long.parseLong(value(args, ++i, a)));
        case "--app-stand-in" -> b.appStandIn(true);
        case "--app-port" -> b.appStandIn(true, Integer.parseInt(value(args, ++i, a)));
        case "--trace" -> b.trace(true);
        case "--boot" -> b.boot(true);
        default -> throw new IllegalArgumentException("unknown option " + a
            + " (see the FakeOpenStackMain Javadoc for the options)");
      }
    }
    FakeOpenStack cloud = b.user(user, password).project(project).start();
    printConnection(cloud, out);
    return cloud;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** Prints the URLs, the OS_* variables and the clouds.yaml entry that point clients at {@code cloud}. */
  public static void printConnection(FakeOpenStack cloud, PrintStream out) {
    out.println("fake-openstack listening on " + cloud.baseUrl());
    out.println("auth URL: " + cloud.authUrl());
    out.println();
    out.println("export OS_AUTH_URL=" + cloud.authUrl());
    out.println("export OS_IDENTITY_API_VERSION=3");
    out.println("export OS_USERNAME=" + cloud.user());
    out.println("export OS_PASSWORD=" + cloud.password());
    out.println("export OS_PROJECT_NAME=" + cloud.project());
    out.println("export OS_USER_DOMAIN_NAME=" + cloud.domain());
    out.println("export OS_PROJECT_DOMAIN_NAME=" + cloud.domain());
    out.println("export OS_REGION_NAME=" + Catalog.REGION);
    out.println();
    out.println("# clouds.yaml");
    out.println("clouds:");
    out.println("  fake:");
    out.println("    auth:");
    out.println("      auth_url: " + cloud.authUrl());
    out.println("      username: " + cloud.user());
    out.println("      password: " + cloud.password());
    out.println("      project_name: " + cloud.project());
    out.println("      user_domain_name: " + cloud.domain());
    out.println("      project_domain_name: " + cloud.domain());
    out.println("    region_name: " + Catalog.REGION);
    out.println("    identity_api_version: 3");
    out.println();
    out.println("control: GET " + cloud.baseUrl() + "/_fake/stats, POST /_fake/faults, "
        + "DELETE /_fake/faults, POST /_fake/reset (see OpenStackAdmin)");
    out.flush();
  }
}
