package dev.hermitcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.Hermit;
import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.image.DiskImage;
import dev.hermitcloud.local.Local;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.spec.Autoscaling;
import dev.hermitcloud.spec.Cidr;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.InMemoryProvider;
import dev.hermitcloud.testkit.TestElf;
import dev.hermitcloud.unikernel.BootFile;
import dev.hermitcloud.unikernel.ImmutableUnikernel;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input is refused when the value is built, before any cloud call, with an error naming the
 * field, quoting the value and saying the fix.
 */
class BadInputCatalogueTest {
  @TempDir
  static Path dir;
  static Path loader;
  static Path module;
  static Path text;
  static Path noMultiboot;
  static Path huge;
  static final InMemoryProvider CLOUD = InMemoryProvider.likeGce();

  @BeforeAll
  static void files() throws Exception {
    loader = TestElf.loader(dir, "ldhermit.elf", 64, 1);
    module = TestElf.module(dir, "server", 64, 2);
    noMultiboot = TestElf.module(dir, "plain.elf", 64, 3);
    text = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\necho hi\n");
    huge = TestElf.module(dir, "huge", 64, 4);
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(1_200_000_000L); // sparse: takes no space, but 1.2 GB of file for the image
    }
  }

  static Unikernel echo() {
    return Unikernel.named("echo").loader(loader, "-uart=io:0x3f8").module(module).build();
  }

  static dev.hermitcloud.DeploymentDefinition.WithCreate deploy() {
    return Hermit.deploy(echo()).to(CLOUD.target()).engineOptions(EngineOptions.defaults());
  }

  @FunctionalInterface
  interface Input {
    Object build() throws Exception;
  }

  static Arguments bad(String field, String description, Input input) {
    return Arguments.of(field, description, input);
  }

  static Stream<Arguments> catalogue() {
    return Stream.of(
        bad("unikernel.name", "upper case", () -> Unikernel.named("Echo").loader(loader).module(module).build()),
        bad("unikernel.name", "leading hyphen", () -> Unikernel.named("-echo").loader(loader).module(module).build()),
        bad("unikernel.name", "trailing hyphen", () -> Unikernel.named("echo-").loader(loader).module(module).build()),
        bad("unikernel.name", "underscore", () -> Unikernel.named("echo_server").loader(loader).module(module).build()),
        bad("unikernel.name", "too long for suffixes", () -> Unikernel.named("e".repeat(50)).loader(loader).module(module).build()),
        bad("unikernel.name", "missing", () -> Unikernel.named(null)),
        bad("unikernel.loader.path", "missing file", () -> Unikernel.named("echo").loader(dir.resolve("nope.elf")).module(module).build()),
        bad("unikernel.loader.path", "a directory", () -> Unikernel.named("echo").loader(dir).module(module).build()),
        bad("unikernel.loader.path", "a shell script", () -> Unikernel.named("echo").loader(text).module(module).build()),
        bad("unikernel.loader.path", "no Multiboot header", () -> Unikernel.named("echo").loader(noMultiboot).module(module).build()),
        bad("unikernel.loader.path", "Multiboot 2 only", () -> Unikernel.named("echo").loader(TestElf.multiboot2Only(dir, "mb2.elf")).module(module).build()),
        bad("unikernel.loader.path", "bad Multiboot checksum", () -> Unikernel.named("echo").loader(TestElf.badChecksum(dir, "sum.elf")).module(module).build()),
        bad("unikernel.loader.args", "newline in loader args", () -> Unikernel.named("echo").loader(loader, "-uart=io:0x3f8\nboot").module(module).build()),
        bad("unikernel.loader.args", "bare double quote GRUB would drop", () -> Unikernel.named("echo").loader(loader, "say=\"hi\"").module(module).build()),
        bad("unikernel.modules[0].args", "bare apostrophe GRUB would drop", () -> Unikernel.named("echo").loader(loader).module(module, "it's").build()),
        bad("unikernel.modules[0].args", "lone backslash", () -> Unikernel.named("echo").loader(loader).module(module, "a\\b").build()),
        bad("unikernel.modules[0].path", "missing module", () -> Unikernel.named("echo").loader(loader).module(dir.resolve("gone")).build()),
        bad("unikernel.modules[0].path", "module not ELF", () -> Unikernel.named("echo").loader(loader).module(text).build()),
        bad("unikernel.modules[1].path", "second module missing", () -> Unikernel.named("echo").loader(loader).module(module).module(dir.resolve("x")).build()),
        bad("unikernel.modules[0].args", "control character in module args", () -> Unikernel.named("echo").loader(loader).module(module, "a\tb").build()),
        bad("unikernel.modules[0].bootName", "same name as loader", () -> Unikernel.named("echo").loader(loader).module(BootFile.of(module, "").renamed("ldhermit.elf")).build()),
        bad("unikernel.modules[0].bootName", "reserved name grub", () -> Unikernel.named("echo").loader(loader).module(BootFile.of(module, "").renamed("grub")).build()),
        bad("unikernel.modules[0].bootName", "slash in name", () -> Unikernel.named("echo").loader(loader).module(BootFile.of(module, "").renamed("a/b")).build()),
        bad("unikernel.modules", "no module", () -> ImmutableUnikernel.builder().name("echo").loader(BootFile.of(loader, "")).build()),
        bad("port.from", "port 0", () -> Port.tcp(0)),
        bad("port.from", "port 70000", () -> Port.udp(70000)),
        bad("port.to", "range end past 65535", () -> Port.tcp(8000, 65536)),
        bad("port.to", "reversed range", () -> Port.tcp(9000, 8000)),
        bad("port.protocol", "unknown protocol", () -> Port.parse("http:80")),
        bad("port", "not a number", () -> Port.parse("tcp:eighty")),
        bad("firewall.sources[0]", "host bits set", () -> deploy().expose(Port.tcp(8000)).from("10.1.2.3/8")),
        bad("firewall.sources[0]", "octet over 255", () -> deploy().expose(Port.tcp(8000)).from("300.1.1.1/32")),
        bad("firewall.sources[0]", "IPv4 prefix 33", () -> deploy().expose(Port.tcp(8000)).from("10.0.0.0/33")),
        bad("firewall.sources[0]", "IPv6 prefix 129", () -> deploy().expose(Port.tcp(8000)).from("2001:db8::/129")),
        bad("firewall.sources[0]", "host name, not address", () -> deploy().expose(Port.tcp(8000)).from("example.com")),
        bad("firewall.sources[1]", "empty second source", () -> deploy().expose(Port.tcp(8000)).from("0.0.0.0/0", " ")),
        bad("firewall.sources", "no source at all", () -> deploy().expose(Port.tcp(8000)).from().spec()),
        bad("firewall.ports", "no port at all", () -> deploy().expose().from("0.0.0.0/0").spec()),
        bad("machineType.name", "space in type name", () -> MachineType.named("f1 micro")),
        bad("machineType.cpus", "zero vCPUs", () -> MachineType.atLeast(0, 512)),
        bad("machineType.memoryMib", "10 MiB", () -> MachineType.atLeast(1, 10)),
        bad("deployment.count", "zero instances", () -> deploy().count(0).spec()),
        bad("deployment.count", "too many instances", () -> deploy().count(1000).spec()),
        bad("deployment.diskGib", "zero GiB", () -> deploy().diskGib(0).spec()),
        bad("deployment.diskGib", "files larger than the disk", () -> Hermit.deploy(
            Unikernel.named("big").loader(loader).module(huge).build()).to(CLOUD.target()).plan()),
        bad("deployment.name", "bad override", () -> deploy().name("Echo Server").spec()),
        bad("deployment.imageFamily", "bad family", () -> deploy().imageFamily("Hermit_Family").spec()),
        bad("deployment.description", "newline in description", () -> deploy().description("a\nb").spec()),
        bad("deployment.labels", "upper-case label key", () -> deploy().label("Team", "x").spec()),
        bad("deployment.labels", "reserved label prefix", () -> deploy().label("hermit-deployment", "x").spec()),
        bad("deployment.labels[team]", "space in label value", () -> deploy().label("team", "a b").spec()),
        bad("deployment.metadata", "space in metadata key", () -> deploy().metadata("startup script", "x").spec()),
        bad("deployment.serviceAccount", "not an e-mail", () -> deploy().serviceAccount("default").spec()),
        bad("deployment.health.port", "health port not exposed", () -> deploy().expose(Port.tcp(8000)).from("0.0.0.0/0").waitUntil(Health.tcp(9000)).spec()),
        bad("health.path", "path without slash", () -> Health.http(8000, "healthz")),
        bad("health.port", "health port 0", () -> Health.tcp(0)),
        bad("retry.maxAttempts", "zero attempts", () -> RetryPolicy.builder().maxAttempts(0).build()),
        bad("retry.jitter", "jitter above 1", () -> RetryPolicy.builder().jitter(2).build()),
        bad("deployment.name", "destroy with bad name", () -> Hermit.destroy("Echo")),
        bad("target", "no target", () -> Hermit.deploy(echo()).to(null)),
        bad("unikernel", "nothing to deploy", () -> Hermit.deploy(null)),
        bad("unikernel", "an image of nothing", () -> DiskImage.of(null)),
        bad("bootFile.path", "a boot file without a path", () -> BootFile.of(null, "")),
        bad("machineType.name", "a type named null", () -> MachineType.named(null)),
        bad("health.path", "an HTTP check without a path", () -> Health.http(8000, null)),
        bad("deployment.metadata", "reserved metadata prefix", () -> deploy().metadata("hermit-spec", "x").spec()),
        bad("deployment.network", "a network on the local target", () -> Hermit.deploy(echo())
            .to(Local.qemu().stateDir(dir.resolve("local-state"))).network("backend").plan()),
        bad("deployment.serviceAccount", "a service account on the local target", () -> Hermit.deploy(echo())
            .to(Local.qemu().stateDir(dir.resolve("local-state"))).serviceAccount("a@p.iam.gserviceaccount.com").plan()),
        bad("group.size", "a group of none", () -> Group.managed().size(0)),
        bad("group.size", "a group over 100", () -> Group.managed().size(101)),
        bad("group.autoscale.min", "autoscaler min above max", () -> Autoscaling.between(5, 2)),
        bad("group.autoscale.cpuTarget", "CPU target 0", () -> Autoscaling.between(1, 3).cpuTarget(0)),
        bad("group.autoscale.cpuTarget", "CPU target as a percentage", () -> Autoscaling.between(1, 3).cpuTarget(60)),
        bad("group.size", "size outside the autoscaler", () -> Group.managed().size(8).autoscale(Autoscaling.between(1, 3))),
        bad("group.rollout", "a rollout with no room", () -> Group.managed().rollout(0, 0)),
        bad("group.rollout.maxSurge", "a negative surge", () -> Group.managed().rollout(-1, 1)),
        bad("group.healingDelay", "a negative healing delay", () -> Group.managed().healingDelay(java.time.Duration.ofSeconds(-1))),
        bad("deployment.count", "count beside a group", () -> deploy().count(3).group(Group.managed()).spec()),
        bad("deployment.group", "a group on a target without groups", () -> deploy().group(Group.managed().size(2)).plan()),
        bad("deployment.group", "a group on the local target", () -> Hermit.deploy(echo())
            .to(Local.qemu().stateDir(dir.resolve("local-state"))).group(Group.managed().size(2)).plan()));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("catalogue")
  void refusesWithTheFieldNamed(String field, String description, Input input) {
    int callsBefore = CLOUD.calls().size();
    assertThatThrownBy(input::build)
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> {
          InvalidSpecException invalid = (InvalidSpecException) e;
          assertThat(invalid.field()).isEqualTo(field);
          assertThat(invalid.getMessage()).startsWith(field + ": ").contains(invalid.rule());
          assertThat(invalid.rule()).isNotBlank();
        });
    assertThat(CLOUD.calls()).hasSize(callsBefore);
  }

  @Test
  void catalogueIsLarge() {
    assertThat(catalogue().count()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void hostBitsErrorSuggestsTheNetwork() {
    assertThatThrownBy(() -> Cidr.parse("10.1.2.3/8")).hasMessageContaining("did you mean 10.0.0.0/8?");
  }

  @Test
  void validInputsAreAccepted() {
    assertThat(Cidr.parse("2001:db8::/32")).hasToString("2001:db8::/32");
    assertThat(Cidr.parse("203.0.113.7")).hasToString("203.0.113.7/32");
    assertThat(Port.parse("udp:5000-5010")).hasToString("udp:5000-5010");
    assertThat(Port.parse("8000")).isEqualTo(Port.tcp(8000));
    assertThat(deploy().expose(Port.tcp(8000)).from("0.0.0.0/0").waitUntil(Health.http(8000, "/")).spec().firewall()).hasSize(1);
  }
}
