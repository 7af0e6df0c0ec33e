package dev.hermitcloud.openstack;

import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.openstack.fake.FakeOpenStackBuilder;
import java.time.Duration;
import java.util.Map;

/** Fakes with test timings, and targets pointed at them. */
final class FakeClouds {
  static final String APP_CREDENTIAL_ID = "0f7e6d5c4b3a49281706f5e4d3c2b1a0";
  static final String APP_CREDENTIAL_SECRET = "app-secret-Zq8v1";

  private FakeClouds() {}

  /** Machines boot, images save and deletions finish in tens of milliseconds. */
  static FakeOpenStackBuilder quick() {
    return FakeOpenStack.builder().buildTime(Duration.ofMillis(30)).saveTime(Duration.ofMillis(20))
        .deleteTime(Duration.ofMillis(20));
  }

  /** The fake's default user and project, as OS_* variables. */
  static Map<String, String> passwordVariables(FakeOpenStack cloud) {
    return Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_USERNAME", cloud.user(), "OS_PASSWORD", cloud.password(),
        "OS_PROJECT_NAME", cloud.project(), "OS_USER_DOMAIN_NAME", cloud.domain(),
        "OS_PROJECT_DOMAIN_NAME", cloud.domain(), "OS_REGION_NAME", "RegionOne");
  }

  static OpenStack password(FakeOpenStack cloud) {
    return OpenStack.fromEnvironment(passwordVariables(cloud));
  }

  /** Needs a fake built with {@code applicationCredential(APP_CREDENTIAL_ID, "ci", APP_CREDENTIAL_SECRET)}. */
  static OpenStack applicationCredential(FakeOpenStack cloud) {
    return OpenStack.fromEnvironment(Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_AUTH_TYPE", "v3applicationcredential",
        "OS_APPLICATION_CREDENTIAL_ID", APP_CREDENTIAL_ID, "OS_APPLICATION_CREDENTIAL_SECRET", APP_CREDENTIAL_SECRET));
  }
}
