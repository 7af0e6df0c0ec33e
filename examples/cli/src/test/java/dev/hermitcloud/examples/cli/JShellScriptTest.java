package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.echokernel.EchoKernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the JShell script through its runner, as README tells users to, and checks what it printed. */
class JShellScriptTest {
  @TempDir
  Path tmp;

  /**
   * Runs {@code examples/jshell/run script} with a temporary directory of its own and returns what it printed;
   * fails unless it exits 0, every snippet compiled, and it leaves that directory empty.
   */
  String runScript(String script) throws Exception {
    Path runner = Path.of("..", "jshell", "run").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(runner.toString(), script, "-R-Djava.io.tmpdir=" + tmp).redirectErrorStream(true);
    builder.environment().put("HERMIT_CLASSPATH", System.getProperty("java.class.path"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    // JShell reports a snippet that does not compile and goes on with the next, exiting 0 at the end
    assertThat(output).as(output).doesNotContainPattern("(?m)^(\\|  )?Error:");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(Path::toString)).as("left in java.io.tmpdir").isEmpty();
    }
    return output;
  }

  @Test
  void openstackScriptDeploysToTheFakeAndTheEndpointAnswersThenDestroysEverything() throws Exception {
    String output = runScript("openstack.jsh");

    assertThat(output).as(output)
        .contains("--- plan ---").contains("+   firewall hermit-echo")
        .containsPattern("endpoint: http://127\\.0\\.1\\.\\d+:8000")
        .contains("GET /hello -> 200 hello from echo").doesNotContain("\u001b")
        .contains("0 to create, 0 to update, 0 to replace, 0 to delete")
        .contains("left in the cloud: 0 resources");
  }

  @Test
  void gceScriptDeploysToAFakeInTheSessionReplansReadsTheConsoleAndDestroys() throws Exception {
    String output = runScript("gce.jsh");

    assertThat(output).as(output)
        .containsPattern("endpoint: http://127\\.0\\.0\\.\\d+:8000")
        .contains("GET /hello -> hello from echo")
        .contains("0 to create, 0 to update, 0 to replace, 0 to delete, 4 unchanged")
        .contains("HermitCore (fake serial console)")
        .contains("destroy of echo finished");
  }

  @Test
  void localScriptDeploysTheEchoKernelGetsHelloReadsTheConsoleReplansAndDestroys() throws Exception {
    String output = runScript("local.jsh");

    assertThat(output).as(output)
        .contains("2 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged")
        .containsPattern("endpoint http://127\\.77\\.\\d+\\.\\d+:8000")
        .contains("GET /hello HTTP/1.1\n").contains("Header[\"User-Agent\"] = [\"hermit-cloud-example\"]")
        .contains(EchoKernel.LISTENING).containsPattern("echo-kernel: GET /hello from 10\\.0\\.2\\.2:\\d+")
        .doesNotContain("\u001b")
        .contains("0 to create, 0 to update, 0 to replace, 0 to delete, 2 unchanged")
        .contains("destroy of jshell-echo finished");
  }
}
