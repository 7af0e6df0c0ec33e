package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hermit fake-gce} and {@code hermit fake-openstack} as a user runs them: start one on a port of one's
 * choosing, copy what it prints (the {@code try:} line, the OS_* variables, the clouds.yaml entry), run that,
 * and the deployment lands in that fake, not in another one started behind the user's back.
 */
class FakeCommandsTest {
  private static final Pattern TRY = Pattern.compile("(?m)^  try:\\s+hermit (.*)$");

  @TempDir
  Path dir;

  @RegisterExtension
  final CapturedStreams streams = new CapturedStreams();
  private final ByteArrayOutputStream out = streams.out;
  private final ByteArrayOutputStream err = streams.err;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Thread> fakes = new ArrayList<>();
  private String loader;
  private String module;

  @BeforeEach
  void files() throws Exception {
    loader = DemoKernel.writeTo(dir.resolve("ldhermit.elf")) + ":-uart=io:0x3f8";
    module = DemoModule.writeTo(dir.resolve("server"), "payload".getBytes(StandardCharsets.US_ASCII)).toString();
  }

  @AfterEach
  void stop() throws Exception {
    for (Thread fake : fakes) {
      fake.interrupt();
      fake.join(10_000);
    }
  }

  @Test
  void fakeGceOnItsOwnPortPrintsTheFlagThatFindsIt() throws Exception {
    int port = freePort();
    String printed = startFake("fake-gce", "--port", "" + port, "--operation-ms", "50");
    String url = "http://127.0.0.1:" + port;

    assertThat(printed).contains("fake-gce listening on " + url + " (project hermit-demo, bucket hermit-demo,"
        + " app stand-in on)");
    String suggestion = tryLine(printed);
    assertThat(suggestion).startsWith("deploy --target gce --fake=" + url + " --name echo");

    assertThat(hermit(userArgs(suggestion))).as(err()).isZero();
    assertThat(out()).containsPattern("(?m)^echo 127\\.0\\.0\\.\\d+ tcp:8000$");
    assertThat(err()).doesNotContain("started one in this process");
    assertThat(stats(url).path("resources").path("instance").asInt()).isEqualTo(1);

    assertThat(hermit("destroy", "--target", "gce", "--fake=" + url, "echo")).as(err()).isZero();
    assertThat(stats(url).path("resources").path("instance").asInt()).isZero();
  }

  @Test
  void fakeOpenStackOnItsOwnPortPrintsAFlagOsVariablesAndCloudsYamlThatAllReachIt() throws Exception {
    int port = freePort();
    String printed = startFake("fake-openstack", "--port", "" + port, "--operation-ms", "100");
    String url = "http://127.0.0.1:" + port;

    assertThat(printed).contains("fake-openstack listening on " + url).contains("app stand-in on")
        .contains("export OS_AUTH_URL=" + url + "/v3");
    String suggestion = tryLine(printed);
    assertThat(suggestion).startsWith("deploy --target openstack --fake=" + url + " --name echo");

    // the health check passes only because the app stand-in is on by default
    assertThat(hermit(userArgs(suggestion))).as(err()).isZero();
    assertThat(out()).containsPattern("(?m)^echo 127\\.0\\.1\\.\\d+ tcp:8000$");
    assertThat(err()).doesNotContain("started one in this process");
    assertThat(stats(url).path("resources").path("servers")).hasSize(1);

    Path cloudsYaml = Files.writeString(dir.resolve("clouds.yaml"), cloudsYaml(printed));
    List<String> plan = planOfTheSameDeployment();
    plan.addAll(List.of("--cloud", "fake", "--clouds-yaml", cloudsYaml.toString()));
    out.reset();
    assertThat(hermit(plan.toArray(String[]::new))).as(err()).isZero();
    assertThat(out()).contains("0 to create, 0 to update, 0 to replace, 0 to delete");

    String fromEnvironment = runWithEnvironment(osVariables(printed), planOfTheSameDeployment());
    assertThat(fromEnvironment).contains("0 to create, 0 to update, 0 to replace, 0 to delete");

    assertThat(hermit("destroy", "--target", "openstack", "--fake=" + url, "echo")).as(err()).isZero();
    assertThat(stats(url).path("resources").path("servers")).isEmpty();
  }

  @Test
  void bothFakesTakeTheSameOptionsAndTheAppStandInIsOnUnlessTurnedOff() throws Exception {
    for (String command : List.of("fake-gce", "fake-openstack")) {
      out.reset();
      assertThat(hermit(command, "--help")).isZero();
      assertThat(out()).as(command).contains("--port=", "--latency-ms=", "--no-app-stand-in", "--operation-ms=",
          "--seed=");
    }
    int port = freePort();
    String printed = startFake("fake-openstack", "--port", "" + port, "--no-app-stand-in", "--latency-ms", "5");
    assertThat(printed).contains("app stand-in off");
    int gcePort = freePort();
    assertThat(startFake("fake-gce", "--port", "" + gcePort, "--no-app-stand-in")).contains("app stand-in off)");
  }

  @Test
  void aFakeUrlWhereNothingAnswersIsAUsageErrorNotAnotherFake() throws Exception {
    String url = "http://127.0.0.1:" + freePort();
    int code = hermit("plan", "--target", "gce", "--fake=" + url, "--name", "echo", "--loader", loader,
        "--module", module);

    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("--fake=" + url + ": nothing answers there").doesNotContain("started one");
  }

  /** Starts {@code hermit <fake command>} on a thread, as a user would in another terminal; returns what it printed. */
  private String startFake(String... command) throws Exception {
    int from = out.size();
    Thread fake = new Thread(() -> HermitCli.run(command), command[0]);
    fake.setDaemon(true);
    fake.start();
    fakes.add(fake);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!out().substring(from).contains("  try")) {
      assertThat(fake.isAlive()).as(err()).isTrue();
      assertThat(System.nanoTime()).as("the fake printed its connection details").isLessThan(deadline);
      Thread.sleep(50);
    }
    Thread.sleep(200); // the rest of its lines
    return out().substring(from);
  }

  private static String tryLine(String printed) {
    Matcher m = TRY.matcher(printed);
    assertThat(m.find()).as(printed).isTrue();
    return m.group(1).trim();
  }

  /** The suggestion with the user's own loader and app put in. */
  private String[] userArgs(String suggestion) {
    return suggestion.replace("LOADER", loader).replace("APP", module).split(" ");
  }

  private List<String> planOfTheSameDeployment() {
    return new ArrayList<>(List.of("plan", "--target", "openstack", "--floating-ip-network", "public", "--name", "echo",
        "--loader", loader, "--module", module, "--expose", "tcp:8000", "--from", "0.0.0.0/0"));
  }

  /** The clouds.yaml block the fake printed, from {@code clouds:} to the blank line after it. */
  private static String cloudsYaml(String printed) {
    int start = printed.indexOf("clouds:\n");
    int end = printed.indexOf("\n\n", start);
    return printed.substring(start, end + 1);
  }

  private static Map<String, String> osVariables(String printed) {
    Map<String, String> env = new HashMap<>();
    Matcher m = Pattern.compile("(?m)^export (OS_[A-Z_]+)=(.*)$").matcher(printed);
    while (m.find()) {
      env.put(m.group(1), m.group(2));
    }
    assertThat(env).containsKeys("OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME");
    return env;
  }

  /** Runs the CLI in a fresh JVM with the variables exported, as after pasting the {@code export} lines. */
  private static String runWithEnvironment(Map<String, String> env, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HermitCli.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("OS_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private JsonNode stats(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/_fake/stats"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static int hermit(String... args) {
    return HermitCli.run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
