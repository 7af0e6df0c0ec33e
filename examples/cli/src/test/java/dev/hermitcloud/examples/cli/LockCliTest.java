package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.gce.fake.FakeGce;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hermit deploy --no-wait}, {@code hermit destroy --no-wait} and {@code hermit unlock} against a
 * fake GCE whose bucket holds the lease of a writer that is still renewing it (another user's deploy).
 */
class LockCliTest {
  @RegisterExtension
  final CapturedStreams streams = new CapturedStreams();

  @TempDir
  Path dir;

  private FakeGce fake;
  private List<String> target;
  private List<String> unikernel;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project("lock-project").bucket("lock-bucket").operationDuration(Duration.ofMillis(30)).start();
    target = List.of("--target", "gce", "--project", "lock-project", "--zone", "us-central1-c", "--bucket", "lock-bucket",
        "--endpoint", fake.endpoint());
    Path kernel = DemoKernel.writeTo(dir.resolve("kernel.elf"));
    Path module = DemoModule.writeTo(dir.resolve("app"), "hi\n".getBytes(StandardCharsets.US_ASCII));
    unikernel = List.of("--name", "busy", "--loader", kernel + ":-uart=io:0x3f8", "--module", module.toString(),
        "--machine-type", "f1-micro");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** The lease another writer (bob on build-7, pid 4242) holds and renews for the next hour. */
  private void bobHoldsTheLock() {
    Storage storage = StorageOptions.newBuilder().setProjectId("lock-project").setHost(fake.endpoint())
        .setCredentials(NoCredentials.getInstance()).build().getService();
    Instant since = Instant.now().minusSeconds(90);
    storage.create(BlobInfo.newBuilder("lock-bucket", "hermit-locks/busy.json").setMetadata(Map.of(
        "hermit-lock-user", "bob", "hermit-lock-host", "build-7", "hermit-lock-pid", "4242",
        "hermit-lock-run", "run-of-bob", "hermit-lock-since", since.toString(),
        "hermit-lock-expires", since.plusSeconds(3600).toString())).build(), "{}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void noWaitFailsAtOnceNamingTheHolderAndUnlockLetsTheNextDeployIn() {
    bobHoldsTheLock();

    assertThat(HermitCli.run(command("deploy", target, unikernel, List.of("--no-wait")))).isEqualTo(1);
    assertThat(streams.err.toString(StandardCharsets.UTF_8))
        .contains("deployment 'busy'", "is locked by bob@build-7 pid 4242", "Nothing was changed", "hermit unlock busy");
    assertThat(fake.instances("lock-project")).isEmpty();
    assertThat(HermitCli.run(command("destroy", target, List.of("busy", "--no-wait")))).isEqualTo(1);

    assertThat(HermitCli.run(command("unlock", target, List.of("busy")))).isZero();
    assertThat(streams.out.toString(StandardCharsets.UTF_8)).contains("broke the lock of busy held by bob@build-7 pid 4242");

    assertThat(HermitCli.run(command("deploy", target, unikernel, List.of("--no-wait")))).isZero();
    assertThat(fake.instance("lock-project", "us-central1-c", "busy")).isPresent();
    assertThat(HermitCli.run(command("unlock", target, List.of("busy")))).isZero();
    assertThat(streams.out.toString(StandardCharsets.UTF_8)).contains("busy was not locked");
    assertThat(HermitCli.run(command("destroy", target, List.of("busy")))).isZero();
    assertThat(fake.objects("lock-bucket")).isEmpty();
  }

  @SafeVarargs
  private static String[] command(String name, List<String>... parts) {
    List<String> args = new ArrayList<>(List.of(name));
    for (List<String> part : parts) {
      args.addAll(part);
    }
    return args.toArray(String[]::new);
  }
}
