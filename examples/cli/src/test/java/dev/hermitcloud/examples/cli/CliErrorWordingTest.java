package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.gce.fake.FakeGce;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What someone typing flags reads when the input is wrong: the flag, the rule, the repair as flags and a
 * corrected command line, never a Java call.
 */
class CliErrorWordingTest {
  @TempDir
  Path dir;

  @RegisterExtension
  final CapturedStreams streams = new CapturedStreams();
  final ByteArrayOutputStream err = streams.err;
  List<String> local;

  @BeforeEach
  void files() throws Exception {
    Path kernel = DemoKernel.writeTo(dir.resolve("ldhermit.elf"));
    Path module = DemoModule.writeTo(dir.resolve("server"), "payload".getBytes(StandardCharsets.US_ASCII));
    local = List.of("plan", "--target", "local", "--state-dir", dir.resolve("state").toString(), "--name", "echo",
        "--loader", kernel.toString(), "--module", module.toString());
  }

  String hermit(List<String> base, String... more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    HermitCli.run(args.toArray(String[]::new));
    return err.toString(StandardCharsets.UTF_8);
  }

  String line(List<String> base, String... more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    return "hermit " + String.join(" ", args);
  }

  @Test
  void exposeWithoutFromNamesFromAndAddsIt() {
    String text = hermit(local, "--expose", "tcp:8000");

    assertThat(text).isEqualTo("error: --from: '[]' is empty: say who may connect with --from 203.0.113.0/24"
        + " (or 0.0.0.0/0 for everyone)\n  try: " + line(local, "--expose", "tcp:8000", "--from", "203.0.113.0/24") + "\n");
  }

  @Test
  void aHealthPortThatIsNotExposedGetsTheExposeFlag() {
    String text = hermit(local, "--expose", "tcp:8000", "--from", "0.0.0.0/0", "--health", "tcp:9000");

    assertThat(text).isEqualTo("error: --health: '9000' is not exposed, so the check could never reach it: add --expose tcp:9000\n"
        + "  try: " + line(local, "--expose", "tcp:8000", "--from", "0.0.0.0/0", "--health", "tcp:9000", "--expose", "tcp:9000") + "\n");
  }

  @Test
  void countBesideAGroupSizeNamesBothFlags() {
    String text = hermit(local, "--count", "3", "--group-size", "2");

    assertThat(text).startsWith("error: --count: '3' is set beside a managed group: give the size to the group instead,"
        + " --group-size 3\n  try: ");
  }

  @Test
  void groupFlagsAreCheckedAndALocalTargetRefusesAGroup() {
    assertThat(hermit(local, "--autoscale", "5:2")).startsWith("error: --autoscale: '5' is above max (2): give min <= max");
    err.reset();
    assertThat(hermit(local, "--rollout", "one")).startsWith("error: --rollout: 'one' is not SURGE:UNAVAILABLE");
    err.reset();
    assertThat(hermit(local, "--group-size", "2")).startsWith("error: --group-size: 'managed group of 2' is not something"
        + " local keeps: run the machines yourself with --count 2\n");
  }

  @Test
  void fromWithoutExposeIsRefusedNamingBoth() {
    String text = hermit(local, "--from", "0.0.0.0/0");

    assertThat(text).isEqualTo("error: --expose: '[]' is empty, so --from 0.0.0.0/0 would open nothing: give the ports it opens,"
        + " e.g. --expose tcp:8000\n  try: " + line(local, "--from", "0.0.0.0/0", "--expose", "tcp:8000") + "\n");
  }

  @Test
  void anUnknownHealthFormNamesHealthAndTheFormsItTakes() {
    String text = hermit(local, "--expose", "tcp:21", "--from", "0.0.0.0/0", "--health", "ftp:21");

    assertThat(text).isEqualTo("error: --health: 'ftp:21' is not a health check: write http:PORT/PATH (an HTTP GET),"
        + " http:PORT (path /) or tcp:PORT (a connection that must open)\n"
        + "  try: " + line(local, "--expose", "tcp:21", "--from", "0.0.0.0/0", "--health", "tcp:21") + "\n");
  }

  @Test
  void aNetworkWithHostBitsIsReplacedByTheOneMeant() {
    String text = hermit(local, "--expose", "tcp:8000", "--from", "0.0.0.0/0", "--from", "10.1.2.3/8");

    assertThat(text).isEqualTo("error: --from: '10.1.2.3/8' has host bits set: did you mean 10.0.0.0/8?\n"
        + "  try: " + line(local, "--expose", "tcp:8000", "--from", "0.0.0.0/0", "--from", "10.0.0.0/8") + "\n");
  }

  @Test
  void aLocalHealthCheckNoLocalClientCanReachGetsTheLoopbackSource() {
    String text = hermit(local, "--expose", "tcp:8000", "--from", "10.0.0.0/8", "--health", "http:8000/");

    assertThat(text).startsWith("error: --from: '[10.0.0.0/8]' admit no local client").doesNotContain(".from(")
        .contains("add --from 127.0.0.0/8 (or 127.0.0.1/32, or 0.0.0.0/0, for tcp:8000)\n")
        .endsWith("  try: " + line(local, "--expose", "tcp:8000", "--health", "http:8000/", "--from", "127.0.0.0/8") + "\n");
  }

  @Test
  void aLoaderWithoutPathSaysThePathIsEmpty() {
    List<String> noLoader = new ArrayList<>(local);
    int at = noLoader.indexOf("--loader") + 1;
    noLoader.set(at, ":-uart");

    String text = hermit(noLoader);

    assertThat(text).startsWith("error: --loader: ':-uart' has no path before the colon: write PATH[:ARGS]")
        .contains("  try: hermit plan").contains(" --loader PATH:-uart ");
  }

  @Test
  void aTruncatedElfIsCalledTruncated() throws Exception {
    Path stub = Files.write(dir.resolve("stub.elf"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
    List<String> args = new ArrayList<>(local);
    args.set(args.indexOf("--loader") + 1, stub.toString());

    assertThat(hermit(args)).isEqualTo("error: --loader: '" + stub + "' is truncated: 7 bytes, too short for an ELF header"
        + " (52 bytes at least): copy or build the binary again\n");
  }

  @Test
  void imageBuildIntoAMissingDirectoryNamesOutAndTheDirectory() throws Exception {
    Path kernel = DemoKernel.writeTo(dir.resolve("k.elf"));
    Path missing = dir.resolve("no/such");

    String text = hermit(List.of("image", "build", "--loader", kernel.toString(), "--module", kernel.toString(),
        "--out", missing.resolve("disk.raw").toString()));

    assertThat(text).startsWith("error: --out " + missing.resolve("disk.raw") + ": the directory " + missing
        + " does not exist: create it first (mkdir -p " + missing + ") or write elsewhere\n");
  }

  @Test
  void openStackWithoutSettingsOffersCloud() {
    List<String> openstack = new ArrayList<>(local.subList(0, 1));
    openstack.addAll(List.of("--target", "openstack"));
    openstack.addAll(local.subList(3, local.size()));
    openstack.addAll(List.of("--clouds-yaml", write("clouds.yaml", "clouds:\n  alpha: {}\n  beta: {}\n").toString()));

    String text = hermit(openstack);

    assertThat(text).contains("error: --cloud: (missing) is required: ").contains(" defines 2 clouds [alpha, beta],"
        + " so name the one to use with --cloud alpha\n").contains("  try: hermit plan").endsWith(" --cloud alpha\n")
        .doesNotContain("OpenStack.cloud");
  }

  @Test
  void aGceBucketThatDoesNotExistOffersCreateBucket() throws Exception {
    try (FakeGce fake = FakeGce.builder().project("cli-project").bucket("cli-bucket").start()) {
      List<String> gce = new ArrayList<>(local);
      gce.set(gce.indexOf("--target") + 1, "gce");
      gce.addAll(List.of("--project", "cli-project", "--bucket", "not-there", "--endpoint", fake.endpoint()));

      String text = hermit(gce);

      assertThat(text).contains("error: --bucket: 'not-there' does not exist in project cli-project")
          .contains("or let the SDK create it with --create-bucket us-central1\n")
          .endsWith("  try: " + line(gce, "--create-bucket", "us-central1") + "\n").doesNotContain("createBucket(");
    }
  }

  @Test
  void aKeyFileWithoutPrivateKeyNamesTheField() throws Exception {
    Path key = write("key.json", "{\"type\": \"service_account\", \"client_id\": \"1\", \"client_email\": \"sa@p.iam.gserviceaccount.com\","
        + " \"private_key_id\": \"k1\"}");
    try (FakeGce fake = FakeGce.builder().project("cli-project").bucket("cli-bucket").start()) {
      List<String> gce = new ArrayList<>(local);
      gce.set(gce.indexOf("--target") + 1, "gce");
      gce.addAll(List.of("--project", "cli-project", "--bucket", "cli-bucket", "--endpoint", fake.endpoint(),
          "--credentials", key.toString()));

      assertThat(hermit(gce)).isEqualTo("error: --credentials: '" + key + "' has no \"private_key\" field: give the whole JSON"
          + " key file created with 'gcloud iam service-accounts keys create'\n");
    }
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
