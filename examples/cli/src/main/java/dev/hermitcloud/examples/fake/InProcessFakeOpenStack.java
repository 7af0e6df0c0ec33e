package dev.hermitcloud.examples.fake;

import dev.hermitcloud.openstack.OpenStack;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import java.time.Duration;
import java.util.Map;

/**
 * A fake OpenStack in this process (from the openstack module's test jar), with its app stand-in
 * answering on the exposed ports of every server, and a target pointed at it. For trying the SDK without
 * a cloud: the fake lives as long as this process.
 */
public final class InProcessFakeOpenStack {
  private static FakeOpenStack running;

  private InProcessFakeOpenStack() {}

  /** Starts the fake once per process (stopped at exit) and returns a target for it. */
  public static synchronized OpenStack target() {
    if (running == null) {
      running = FakeOpenStack.builder().appStandIn(true).buildTime(Duration.ofMillis(800))
          .saveTime(Duration.ofMillis(300)).deleteTime(Duration.ofMillis(300)).start();
      FakeOpenStack cloud = running;
      Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "fake-openstack-stop"));
      System.err.println("fake OpenStack (in this process) at " + cloud.authUrl());
    }
    return target(running);
  }

  /** A target for {@code cloud}, with password credentials from OS_* style variables. */
  public static OpenStack target(FakeOpenStack cloud) {
    return OpenStack.fromEnvironment(Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_USERNAME", cloud.user(),
        "OS_PASSWORD", cloud.password(), "OS_PROJECT_NAME", cloud.project(), "OS_USER_DOMAIN_NAME", cloud.domain(),
        "OS_PROJECT_DOMAIN_NAME", cloud.domain(), "OS_REGION_NAME", "RegionOne"));
  }

  /** The running fake, if {@link #target()} started one. */
  public static synchronized FakeOpenStack cloud() {
    return running;
  }
}
