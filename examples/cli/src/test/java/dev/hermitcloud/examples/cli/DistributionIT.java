package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user installs it: unpacked with tar, run with nothing but a Java runtime (no
 * Maven, no source tree, a fresh home directory), through a symlink the way README installs it.
 */
class DistributionIT {
  static final Path ARCHIVE = Path.of(System.getProperty("hermit.dist", "missing: run through Maven (verify)"));
  static final String VERSION = System.getProperty("hermit.version", "?");

  @TempDir
  Path dir;

  Path home;
  Path hermit;

  @BeforeEach
  void unpack() throws Exception {
    assertThat(ARCHIVE).as("the release archive package builds").isRegularFile();
    home = Files.createDirectories(dir.resolve("home"));
    Path opt = Files.createDirectories(dir.resolve("opt"));
    run(List.of("tar", "-xzf", ARCHIVE.toString(), "-C", opt.toString()), Map.of());
    Path bin = Files.createDirectories(home.resolve(".local/bin"));
    hermit = Files.createSymbolicLink(bin.resolve("hermit"), opt.resolve("hermit-cloud-" + VERSION + "/bin/hermit"));
  }

  @Test
  void versionRunsFromTheArchiveWithAJavaRuntimeAloneAndItsLibrariesHoldNoTestCode() throws Exception {
    String out = hermit(Map.of(), "--version");

    assertThat(out).startsWith("hermit-cloud " + VERSION + "\n").contains("Java 17");
    try (Stream<Path> jars = Files.list(hermit.toRealPath().getParent().resolveSibling("lib"))) {
      List<String> names = jars.map(p -> p.getFileName().toString()).toList();
      assertThat(names).contains("hermit-cloud-cli-" + VERSION + ".jar", "hermit-cloud-core-" + VERSION + ".jar",
          "hermit-cloud-gce-" + VERSION + ".jar", "hermit-cloud-openstack-" + VERSION + ".jar");
      assertThat(names).noneMatch(n -> n.startsWith("junit") || n.startsWith("assertj") || n.startsWith("opentest4j")
          || n.startsWith("maven") || n.contains("-tests"));
    }
  }

  @Test
  void versionIsAnsweredBeforeAnyCommandIsBuilt() throws Exception {
    String out = hermit(Map.of("HERMIT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log()), "--version");

    assertThat(out).startsWith("hermit-cloud " + VERSION + "\n");
    assertThat(loaded()).contains("dev.hermitcloud.examples.cli.HermitCli")
        .noneMatch(name -> name.startsWith("picocli.") || name.startsWith("dev.hermitcloud.examples.cli.Deploy"));
  }

  @Test
  void aSubcommandsHelpBuildsThatSubcommandAlone() throws Exception {
    String out = hermit(Map.of("HERMIT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log()), "deploy", "--help");

    assertThat(out).startsWith("Usage: hermit deploy ");
    // Finding the name loads each command's class; building a command's model loads its mixins' too.
    assertThat(loaded()).contains("dev.hermitcloud.examples.cli.DeployCommand", "dev.hermitcloud.examples.cli.TargetOptions")
        .doesNotContain("dev.hermitcloud.examples.cli.FakeCloudOptions");
    assertThat(hermit(Map.of(), "--help")).contains("  demo ", "  image ", "  plan ", "  deploy ", "  logs ",
        "  destroy ", "  unlock ", "  fake-openstack ", "  fake-gce ", "  generate-completion ");
  }

  private Path log() {
    return dir.resolve("class-load.log");
  }

  /** The classes the JVM loaded, from its {@code -Xlog:class+load} lines ("[...] NAME source: ..."). */
  private List<String> loaded() throws IOException {
    return Files.readAllLines(log()).stream().map(line -> line.replaceFirst("^(\\[[^\\]]*\\])+ ", ""))
        .map(line -> line.split(" ", 2)[0]).toList();
  }

  @Test
  void withoutAJavaRuntimeItSaysWhatToInstall() throws Exception {
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String tool : List.of("sh", "readlink", "dirname")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
    }
    Map<String, String> env = Map.of("PATH", tools.toString(), "JAVA_HOME", "");

    Result result = exec(List.of(hermit.toString(), "--version"), env);

    assertThat(result.exit).isEqualTo(127);
    assertThat(result.output).contains("no Java runtime found").contains("apt-get install -y openjdk-17-jre-headless");
  }

  @Test
  void bashCompletesSubcommandsFromTheGeneratedScript() throws Exception {
    Path script = dir.resolve("hermit.bash");
    Files.writeString(script, hermit(Map.of(), "generate-completion"));

    String completions = run(List.of("bash", "-c", "source " + script + "; COMP_WORDS=(hermit de); COMP_CWORD=1; "
        + "COMP_LINE='hermit de'; COMP_POINT=9; _complete_hermit; printf '%s\\n' \"${COMPREPLY[@]}\""), Map.of());

    assertThat(completions.lines()).containsExactlyInAnyOrder("demo", "deploy", "destroy");
  }

  String hermit(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(hermit.toString()));
    command.addAll(List.of(args));
    return run(command, env);
  }

  String run(List<String> command, Map<String, String> env) throws Exception {
    Result result = exec(command, env);
    assertThat(result.exit).as(result.output).isZero();
    return result.output;
  }

  record Result(int exit, String output) {}

  Result exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    builder.environment().put("HOME", home.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
    return new Result(process.exitValue(), output);
  }
}
