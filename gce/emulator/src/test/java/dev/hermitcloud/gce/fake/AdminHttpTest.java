package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.compute.v1.FirewallsClient;
import dev.hermitcloud.emulator.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's own HTTP API ({@code /_fake/...}) and the standalone {@link FakeGceMain}. */
class AdminHttpTest {
  private static final String PROJECT = "admin-project";

  private FakeGce fake;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).bucket("admin-bucket").start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void statsReportRequestsByRouteMutationsResourcesAndCreations() throws Exception {
    try (FirewallsClient firewalls = FakeGceClients.firewalls(fake)) {
      firewalls.insertAsync(PROJECT, FirewallsWireTest.rule("fw").build()).get();
      firewalls.get(PROJECT, "fw");
    }
    send("GET", "/compute/v1/projects/admin-project/global/nothing-here", null);

    JsonNode stats = json(send("GET", "/_fake/stats", null));

    assertThat(stats.path("requests").path("POST " + RouteTemplates.FIREWALLS).asLong())
        .isEqualTo(1);
    assertThat(stats.path("requests").path("GET " + RouteTemplates.FIREWALL).asLong())
        .isEqualTo(1);
    assertThat(stats.path("requests").path("GET " + RouteTemplates.GLOBAL_OPERATION).asLong())
        .isPositive();
    assertThat(stats.path("mutatingRequests").asLong()).isEqualTo(1);
    assertThat(stats.path("resources").path("firewall").asInt()).isEqualTo(1);
    assertThat(stats.path("resources").path("bucket").asInt()).isEqualTo(1);
    assertThat(stats.path("creations").path("firewall/fw").asInt()).isEqualTo(1);
    assertThat(stats.path("duplicateCreations").size()).isZero();
    assertThat(stats.path("unknownRequests")
        .path("GET /compute/v1/projects/admin-project/global/nothing-here").asLong())
        .isEqualTo(1);
  }

  @Test
  void faultsCanBeInstalledListedAndResetOverHttp() throws Exception {
    fake.addReadyImage(PROJECT, "img", null, 1);
    String imagePath = "/compute/v1/projects/admin-project/global/images/img";
    HttpResponse<String> installed = send("POST", "/_fake/faults", "{\"seed\": 3, \"rules\": ["
        + "{\"method\": \"GET\", \"path\": \"" + RouteTemplates.IMAGE + "\", \"times\": 1,"
        + " \"fault\": {\"kind\": \"HTTP_ERROR\", \"status\": 503, \"reason\": \"backendError\","
        + " \"message\": \"try later\"}}]}");
    assertThat(installed.statusCode()).isEqualTo(200);
    assertThat(json(installed).path("rules").size()).isEqualTo(1);

    HttpResponse<String> failed = send("GET", imagePath, null);
    HttpResponse<String> ok = send("GET", imagePath, null);

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(json(failed).path("error").path("errors").get(0).path("reason").asText())
        .isEqualTo("backendError");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json(ok).path("name").asText()).isEqualTo("img");

    assertThat(send("POST", "/_fake/reset", "{}").statusCode()).isEqualTo(204);
    assertThat(fake.stats().requestsByRoute()).isEmpty();
    assertThat(fake.faults().rules()).isEmpty();
    assertThat(fake.image(PROJECT, "img")).isPresent();
    send("POST", "/_fake/reset", "{\"state\": true}");
    assertThat(fake.image(PROJECT, "img")).isEmpty();
    assertThat(fake.buckets()).containsExactly("admin-bucket");
  }

  @Test
  void badFaultJsonIsRefused() throws Exception {
    HttpResponse<String> bad = send("POST", "/_fake/faults",
        "{\"rules\": [{\"fault\": {\"kind\": \"LIGHTNING\"}}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(fake.faults().rules()).isEmpty();
  }

  @Test
  void theStandaloneServerPrintsItsEndpointAndServes() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), FakeGceMain.class.getName(),
        "--port", "0", "--project", "standalone", "--bucket", "cli-bucket",
        "--op-duration-ms", "10")
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).startsWith("fake-gce listening on http://127.0.0.1:");
      String endpoint = first.substring("fake-gce listening on ".length());

      HttpResponse<String> bucket = http.send(HttpRequest.newBuilder(
          URI.create(endpoint + "/storage/v1/b/cli-bucket")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(bucket.statusCode()).isEqualTo(200);
      assertThat(json(bucket).path("name").asText()).isEqualTo("cli-bucket");
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.endpoint() + path))
        .timeout(Duration.ofSeconds(10));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
  }
}
