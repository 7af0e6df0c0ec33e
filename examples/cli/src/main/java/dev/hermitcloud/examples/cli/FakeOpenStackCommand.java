package dev.hermitcloud.examples.cli;

import dev.hermitcloud.examples.fake.SharedFakeOpenStack;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.openstack.fake.FakeOpenStackBuilder;
import dev.hermitcloud.openstack.fake.FakeOpenStackMain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hermit fake-openstack}: runs the fake OpenStack until interrupted and prints how to point the SDK at
 * it: the exact {@code --target openstack --fake=URL}, and the OS_* variables and clouds.yaml entry (for
 * {@code --target openstack} without {@code --fake}, or the {@code openstack} command). Its app stand-in answers
 * HTTP on each server's addresses where the security groups let 127.0.0.1 in, unless {@code --no-app-stand-in}.
 */
@Command(name = "fake-openstack", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a fake OpenStack (Keystone, Glance, Nova, Neutron) for --target openstack --fake, until interrupted.")
final class FakeOpenStackCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "" + SharedFakeOpenStack.PORT, description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--operation-ms",
      description = "How long each asynchronous change (server build, image save, server delete) takes, unless one of the three below says otherwise.")
  Long operationMillis;

  @Mixin
  FakeCloudOptions common;

  @Option(names = "--build-ms", description = "Server BUILD to ACTIVE (default: --operation-ms, else 2000).")
  Long buildMillis;

  @Option(names = "--save-ms", description = "Image saving to active (default: --operation-ms, else 1000).")
  Long saveMillis;

  @Option(names = "--delete-ms", description = "How long a deleted server lingers (default: --operation-ms, else 1000).")
  Long deleteMillis;

  @Option(names = "--user", defaultValue = "demo", description = "User (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--password", defaultValue = "secret", description = "Password (default: ${DEFAULT-VALUE}).")
  String password;

  @Option(names = "--project", defaultValue = "demo", description = "Project (default: ${DEFAULT-VALUE}).")
  String project;

  @Option(names = "--app-credential", arity = "3", paramLabel = "ID NAME SECRET",
      description = "An application credential of the user, scoped to the project.")
  List<String> appCredential = new ArrayList<>();

  @Option(names = "--app-port", paramLabel = "PORT",
      description = "A port the app stand-in serves even where a rule opens all ports (repeatable).")
  List<Integer> appPorts = new ArrayList<>();

  @Option(names = "--token-lifetime-s", defaultValue = "3600", description = "Token lifetime (default: ${DEFAULT-VALUE}).")
  long tokenLifetimeSeconds;

  @Option(names = "--trace", description = "Print each API call and its status (never bodies or headers).")
  boolean trace;

  @Override
  public Integer call() throws Exception {
    long build = millis(buildMillis, 2000);
    long save = millis(saveMillis, 1000);
    long delete = millis(deleteMillis, 1000);
    FakeOpenStackBuilder b = FakeOpenStack.builder().port(port).user(user, password).project(project)
        .buildTime(Duration.ofMillis(build)).saveTime(Duration.ofMillis(save)).deleteTime(Duration.ofMillis(delete))
        .latency(Duration.ofMillis(common.latencyMillis)).seed(common.seed)
        .tokenLifetime(Duration.ofSeconds(tokenLifetimeSeconds)).trace(trace).boot(common.boot)
        .appStandIn(!common.noAppStandIn, appPorts.stream().mapToInt(Integer::intValue).toArray());
    for (int i = 0; i + 2 < appCredential.size(); i += 3) {
      b.applicationCredential(appCredential.get(i), appCredential.get(i + 1), appCredential.get(i + 2));
    }
    try (FakeOpenStack cloud = b.start()) {
      FakeOpenStackMain.printConnection(cloud, System.out);
      System.out.println("app stand-in " + (common.noAppStandIn ? "off" : "on"));
      boolean defaults = user.equals("demo") && password.equals("secret") && project.equals("demo");
      // --fake=URL signs in as the fake's default user; other credentials go through the OS_* variables
      System.out.println(defaults ? FakeCloudOptions.tryLine("openstack", cloud.baseUrl(), "")
          : "  try (with the OS_* variables above): hermit deploy --target openstack --floating-ip-network public"
              + " --name echo --loader LOADER --module APP --expose tcp:8000 --from 0.0.0.0/0 --health http:8000/");
      System.out.flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }

  private long millis(Long own, long fallback) {
    return own != null ? own : operationMillis != null ? operationMillis : fallback;
  }
}
