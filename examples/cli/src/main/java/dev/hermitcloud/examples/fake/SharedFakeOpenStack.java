package dev.hermitcloud.examples.fake;

import dev.hermitcloud.openstack.OpenStack;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import java.time.Duration;
import java.util.Map;

/**
 * The fake OpenStack behind {@code --target openstack --fake[=URL]}: the one {@code hermit fake-openstack} runs
 * (on 127.0.0.1:8090 unless given {@code --port}), or, when none is running, one started in this process with
 * its app stand-in answering on the exposed ports of every server, which ends with it. Either way the fake's
 * default user, project and domain ({@code demo}, {@code secret}, {@code Default}).
 */
public final class SharedFakeOpenStack {
  public static final int PORT = 8090;

  private static FakeOpenStack inProcess;

  private SharedFakeOpenStack() {}

  /** A target for the fake a {@code --fake} value ({@link FakeEndpoint#AUTO} or a URL) points at. */
  public static OpenStack target(String fake) {
    return target(FakeEndpoint.resolve(fake, PORT, SharedFakeOpenStack::startInProcess) + "/v3", "demo", "secret",
        "demo");
  }

  /** A target for {@code cloud}, with password credentials as OS_* variables would give them. */
  public static OpenStack target(FakeOpenStack cloud) {
    return target(cloud.authUrl(), cloud.user(), cloud.password(), cloud.project());
  }

  private static OpenStack target(String authUrl, String user, String password, String project) {
    return OpenStack.fromEnvironment(Map.of("OS_AUTH_URL", authUrl, "OS_USERNAME", user, "OS_PASSWORD", password,
        "OS_PROJECT_NAME", project, "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_NAME", "Default",
        "OS_REGION_NAME", "RegionOne"));
  }

  private static synchronized String startInProcess() {
    if (inProcess == null) {
      FakeOpenStack cloud = FakeOpenStack.builder().appStandIn(true).buildTime(Duration.ofMillis(800))
          .saveTime(Duration.ofMillis(300)).deleteTime(Duration.ofMillis(300)).start();
      Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "fake-openstack-stop"));
      System.err.println("no fake-openstack on 127.0.0.1:" + PORT + ": started one in this process at "
          + cloud.authUrl() + " (it ends with it; run 'hermit fake-openstack' to keep one across commands)");
      inProcess = cloud;
    }
    return inProcess.baseUrl();
  }
}
