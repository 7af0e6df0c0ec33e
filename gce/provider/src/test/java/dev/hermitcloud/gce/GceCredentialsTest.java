package dev.hermitcloud.gce;

import dev.hermitcloud.testkit.FastEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.GceFaults;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.InvalidSpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service-account key never shows: not in the target, its messages, errors or progress events. */
class GceCredentialsTest {
  private static final String KEY_ID = "f00dfeedc0ffee0123456789abcdef0123456789";

  @TempDir
  Path dir;

  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private FakeGce fake;
  private Path keyFile;
  private String keyBody;

  @BeforeEach
  void start() throws IOException, NoSuchAlgorithmException {
    fake = GceFixture.fake().start();
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    keyBody = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());
    String pem = "-----BEGIN PRIVATE KEY-----\\n" + keyBody + "\\n-----END PRIVATE KEY-----\\n";
    keyFile = dir.resolve("deployer-key.json");
    Files.writeString(keyFile, "{\"type\":\"service_account\",\"project_id\":\"hermit-test\",\"private_key_id\":\"" + KEY_ID
        + "\",\"private_key\":\"" + pem + "\",\"client_email\":\"deployer@hermit-test.iam.gserviceaccount.com\","
        + "\"client_id\":\"1234567890\",\"token_uri\":\"https://oauth2.googleapis.com/token\"}");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void theTargetDescribesItselfWithoutTheKeyOrItsFile() {
    Gce target = GceFixture.target(fake).credentialsFile(keyFile);
    Gce real = Gce.project("hermit-test").zone("us-central1-c").bucket("my-bucket").credentialsFile(keyFile);

    for (String text : List.of(target.toString(), target.describe(), real.toString(), real.describe())) {
      assertThat(text).doesNotContain(keyBody.substring(0, 40)).doesNotContain(KEY_ID).doesNotContain(keyFile.toString());
    }
    assertThat(real.toString()).contains("service-account key file");
  }

  @Test
  void aKeyFileIsReadButAFakeOnPlainHttpGetsNoCredentials() {
    assertThat(GceCredentials.load(Gce.project("hermit-test").zone("us-central1-c").bucket("my-bucket")
        .endpoint("https://compute.example.test").credentialsFile(keyFile)))
        .isInstanceOfSatisfying(ServiceAccountCredentials.class,
            c -> assertThat(c.getClientEmail()).isEqualTo("deployer@hermit-test.iam.gserviceaccount.com"));
    assertThat(GceCredentials.load(GceFixture.target(fake).credentialsFile(keyFile))).isSameAs(NoCredentials.getInstance());
  }

  @Test
  void deployingFailingAndDestroyingNeverMentionTheKey() {
    DeploymentDefinition.WithCreate echo = deploy();
    fake.faults().add(FaultRule.on("POST", RouteTemplates.INSTANCES).inject(GceFaults.permissionDenied()));

    Throwable failure = catchFailure(echo);
    echo.apply().close();
    Hermit.destroy("echo").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).onProgress(events::add).on(GceFixture.target(fake).credentialsFile(keyFile));

    assertThat(failure).isInstanceOf(DeploymentException.class);
    StringBuilder everything = new StringBuilder(events.toString()).append(echo.plan().render());
    for (Throwable t = failure; t != null; t = t.getCause()) {
      everything.append(t).append('\n');
    }
    assertThat(everything.toString()).doesNotContain(keyBody.substring(0, 40)).doesNotContain(KEY_ID);
    assertThat(events).anyMatch(e -> e instanceof ProgressEvent.StepFailed);
  }

  @Test
  void aBrokenKeyFileIsAnErrorThatQuotesNothingFromIt() throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"type\":\"service_account\",\"private_key_id\":\"" + KEY_ID
        + "\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nTOP-SECRET-NOT-A-KEY\\n-----END PRIVATE KEY-----\\n\"}",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> GceFixture.deploy(GceFixture.unikernel(dir, "echo", 1024, 1),
            GceFixture.target(fake).credentialsFile(broken), events).plan())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("target.credentialsFile");
          assertThat(e.getCause()).isNull();
          assertThat(e.getMessage()).doesNotContain("TOP-SECRET").doesNotContain(KEY_ID)
              .contains("has no \"client_id\", \"client_email\" fields: give the whole JSON key file");
        });
  }

  private DeploymentDefinition.WithCreate deploy() {
    try {
      return GceFixture.deploy(GceFixture.unikernel(dir, "echo", 1024, 1), GceFixture.target(fake).credentialsFile(keyFile),
          events);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Throwable catchFailure(DeploymentDefinition.WithCreate definition) {
    try {
      definition.apply().close();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("apply should have failed");
  }
}
