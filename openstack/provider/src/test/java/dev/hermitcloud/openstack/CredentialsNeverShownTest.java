package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords and application-credential secrets appear in no string the SDK produces: targets, plans,
 * deployments, progress events, exception messages (causes included), and log records.
 */
class CredentialsNeverShownTest {
  private static final String PASSWORD = "pw-Hx93-do-not-print";
  private static final String SECRET = "sec-Qw71-do-not-print";

  @TempDir
  Path dir;

  private FakeOpenStack cloud;
  private Fixture f;
  private final List<String> seen = new ArrayList<>();
  private final Handler logs = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (seen) {
        seen.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
            + " " + record.getThrown());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void start() {
    cloud = FakeClouds.quick().user("alice", PASSWORD).applicationCredential(FakeClouds.APP_CREDENTIAL_ID, "ci", SECRET)
        .start();
    f = new Fixture(dir);
    Logger.getLogger("").addHandler(logs);
  }

  @AfterEach
  void stop() {
    Logger.getLogger("").removeHandler(logs);
    cloud.close();
  }

  private Map<String, String> passwordVariables(String password) {
    Map<String, String> variables = new HashMap<>(FakeClouds.passwordVariables(cloud));
    variables.put("OS_PASSWORD", password);
    return variables;
  }

  private OpenStack applicationCredential(String secret) {
    return OpenStack.fromEnvironment(Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_AUTH_TYPE", "v3applicationcredential",
        "OS_APPLICATION_CREDENTIAL_ID", FakeClouds.APP_CREDENTIAL_ID, "OS_APPLICATION_CREDENTIAL_SECRET", secret));
  }

  @Test
  void notInTargetsOrConfigs() {
    OpenStack target = OpenStack.fromEnvironment(passwordVariables(PASSWORD));
    seen.add(target.toString());
    seen.add(target.describe());
    seen.add(target.config().toString());
    seen.add(applicationCredential(SECRET).toString());
    seen.add(applicationCredential(SECRET).config().toString());
    assertNoSecret();
    assertThat(target.config().toString()).contains("username=alice").doesNotContain("password");
  }

  @Test
  void notInEventsPlansOrMessagesOfDeploymentsThatMeetFaultsAndRevokedTokens() throws Exception {
    for (OpenStack target : List.of(OpenStack.fromEnvironment(passwordVariables(PASSWORD)), applicationCredential(SECRET))) {
      cloud.faults().add(FaultRule.any().probability(0.1).always().inject(Fault.httpError(503)));
      f.listeners.add(e -> {
        if (e instanceof dev.hermitcloud.progress.ProgressEvent.StepFinished) {
          cloud.failures().expireAllTokens();
        }
      });
      try (Deployment d = f.deploy(target, f.unikernel("echo", 1)).apply()) {
        seen.add(d.toString());
        seen.add(d.plan().render());
      }
      Plan destroyed = f.destroy(target, "echo");
      seen.add(destroyed.render());
      cloud.faults().clear();
      f.listeners.clear();
    }
    cloud.faults().add(FaultRule.on("POST /compute/v2.1/servers").inject(Fault.httpError(403)));
    seen.add(messages(catchThrowable(() -> f.deploy(applicationCredential(SECRET), f.unikernel("echo", 1)).apply())));
    f.events.forEach(e -> seen.add(e.toString()));
    assertThat(f.events).anyMatch(e -> e instanceof dev.hermitcloud.progress.ProgressEvent.RetryScheduled);
    assertNoSecret();
  }

  @Test
  void notInAuthenticationFailures() throws Exception {
    String wrongPassword = PASSWORD + "-wrong";
    String wrongSecret = SECRET + "-wrong";
    Throwable password = catchThrowable(() -> f.deploy(OpenStack.fromEnvironment(passwordVariables(wrongPassword)),
        f.unikernel("echo", 1)).apply());
    Throwable secret = catchThrowable(() -> f.deploy(applicationCredential(wrongSecret), f.unikernel("echo", 1)).apply());
    assertThat(password).hasMessageContaining("authentication failed");
    assertThat(secret).hasMessageContaining("Keystone refused application credential id " + FakeClouds.APP_CREDENTIAL_ID);
    seen.add(messages(password));
    seen.add(messages(secret));
    assertThat(String.join("\n", seen)).doesNotContain(wrongPassword, wrongSecret);
    assertNoSecret();
  }

  @Test
  void notInMessagesAboutBrokenCloudsYaml() throws Exception {
    Path broken = Files.writeString(dir.resolve("clouds.yaml"),
        "clouds:\n  x:\n    auth:\n      password: " + PASSWORD + "\n      username: [unclosed\n");
    seen.add(messages(catchThrowable(() -> OpenStack.cloud("x").cloudsYaml(broken).config())));
    Path incomplete = Files.writeString(dir.resolve("incomplete.yaml"),
        "clouds:\n  x:\n    auth:\n      auth_url: http://k/v3\n      password: " + PASSWORD + "\n");
    seen.add(messages(catchThrowable(() -> OpenStack.cloud("x").cloudsYaml(incomplete).config())));
    assertThat(seen).allSatisfy(s -> assertThat(s).isNotEqualTo("null"));
    assertNoSecret();
  }

  private static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      all.append(t).append('\n');
      for (Throwable suppressed : t.getSuppressed()) {
        all.append(suppressed).append('\n');
      }
    }
    return all.toString();
  }

  private void assertNoSecret() {
    synchronized (seen) {
      assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotContain(PASSWORD, SECRET));
    }
  }
}
