package dev.hermitcloud.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.emulator.client.RawHttp;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultPlan;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server on a real socket: routing, counting, and each fault as it looks on the wire. */
class EmulatorServerTest {
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger changes = new AtomicInteger();
  private final RequestStats stats = new RequestStats();
  private final FaultPlan faults = new FaultPlan(0);
  private final ByteArrayOutputStream trace = new ByteArrayOutputStream();
  private EmulatorServer server;

  @BeforeEach
  void start() {
    Router router = new Router()
        .add("POST", "/things", r -> {
          created.incrementAndGet();
          return Reply.json(201, Json.object().put("name", r.json().path("name").asText())
              .put("size", r.body().length));
        })
        .add("GET", "/things/{id}", r -> Reply.ok(Json.object().put("id", r.var("id"))
            .put("padding", "p".repeat(100))))
        .add("PATCH", "/things/{id}", r -> Reply.ok(Json.object().put("patched", r.var("id"))))
        .add("GET", "/boom", r -> {
          throw new IllegalStateException("bug");
        })
        .add("GET", "/refused", r -> {
          throw ApiError.of(409, "busy", "in use").withRetryAfter(2);
        });
    server = EmulatorServer.builder("test-cloud", new PlainDialect()).routes(router).stats(stats)
        .faults(faults).afterChange(changes::incrementAndGet)
        .trace(new PrintStream(trace, true, StandardCharsets.UTF_8)).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String call(String method, String path, String body) throws Exception {
    return RawHttp.exchange(server.port(), method, path, body);
  }

  @Test
  void routesCountsAndAnswersInTheDialect() throws Exception {
    String created = call("POST", "/things", "{\"name\": \"a\"}");
    String missing = call("GET", "/nothing", null);
    String wrongMethod = call("DELETE", "/things/1", null);

    assertThat(created).startsWith("HTTP/1.1 201");
    assertThat(RawHttp.header(created, "Content-Type")).isEqualTo("application/json");
    assertThat(Json.parse(RawHttp.body(created)).path("name").asText()).isEqualTo("a");
    assertThat(missing).startsWith("HTTP/1.1 404");
    assertThat(wrongMethod).startsWith("HTTP/1.1 405");
    assertThat(stats.requests("POST", "/things")).isEqualTo(1);
    assertThat(stats.mutatingRequests()).isEqualTo(1);
    assertThat(stats.unknownRequests()).containsKeys("GET /nothing", "DELETE /things/1");
    assertThat(changes.get()).isEqualTo(1);
    assertThat(trace.toString(StandardCharsets.UTF_8)).contains("test-cloud: POST /things -> 201");
  }

  @Test
  void aPostWithMethodOverrideIsRoutedAsThatMethod() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var response = http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.baseUrl() + "/things/7"))
        .header("X-HTTP-Method-Override", "PATCH")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"patched\":\"7\"");
    assertThat(stats.requests("PATCH", "/things/{id}")).isEqualTo(1);
  }

  @Test
  void errorsAndCrashesAreAnsweredNotDropped() throws Exception {
    String refused = call("GET", "/refused", null);
    String crashed = call("GET", "/boom", null);

    assertThat(refused).startsWith("HTTP/1.1 409");
    assertThat(RawHttp.header(refused, "Retry-After")).isEqualTo("2");
    assertThat(RawHttp.body(refused)).contains("\"reason\":\"busy\"");
    assertThat(crashed).startsWith("HTTP/1.1 500").contains("bug");
  }

  @Test
  void anInjectedStatusChangesNothingAndCarriesRetryAfter() throws Exception {
    faults.add(FaultRule.on("POST /things").inject(Fault.httpError(429).retryAfter(3)));

    String limited = call("POST", "/things", "{\"name\": \"a\"}");

    assertThat(limited).startsWith("HTTP/1.1 429");
    assertThat(RawHttp.header(limited, "Retry-After")).isEqualTo("3");
    assertThat(RawHttp.body(limited)).contains("injected 429");
    assertThat(created.get()).isZero();
    assertThat(stats.requests("POST", "/things")).isEqualTo(1);
  }

  @Test
  void aResetClosesBeforeTheHandlerRuns() throws Exception {
    faults.add(FaultRule.any().inject(Fault.connectionReset()));

    assertThat(call("POST", "/things", "{}")).isEmpty();
    assertThat(created.get()).isZero();
  }

  @Test
  void aLostResponseHappensAfterTheEffect() throws Exception {
    faults.add(FaultRule.any().inject(Fault.responseLost()));

    assertThat(call("POST", "/things", "{}")).isEmpty();
    assertThat(created.get()).isEqualTo(1);
  }

  @Test
  void aTruncatedResponseAnnouncesMoreThanItSends() throws Exception {
    faults.add(FaultRule.on("GET", "/things/{id}").inject(Fault.truncatedResponse()));

    String cut = call("GET", "/things/1", null);

    assertThat(cut).startsWith("HTTP/1.1 200");
    int announced = Integer.parseInt(RawHttp.header(cut, "Content-Length"));
    assertThat(RawHttp.body(cut).length()).isEqualTo(announced / 2);
  }

  @Test
  void aCutBodyServesReadsButNeverRunsAWrite() throws Exception {
    faults.add(FaultRule.any().times(2).inject(Fault.cutBody()));

    String write = call("POST", "/things", "{}");
    String read = call("GET", "/things/9", null);

    assertThat(write).startsWith("HTTP/1.1 200").contains("truncated");
    assertThat(created.get()).isZero();
    assertThat(read).contains("\"id\":\"9\"");
    assertThat(RawHttp.body(read).length())
        .isEqualTo(Integer.parseInt(RawHttp.header(read, "Content-Length")) / 2);
  }

  @Test
  void aCutRequestBodyReachesTheHandlerShortThenTheAnswerIsLost() throws Exception {
    AtomicInteger size = new AtomicInteger(-1);
    Router router = new Router().add("PUT", "/chunk", r -> {
      size.set(r.body().length);
      return Reply.empty(200);
    });
    FaultPlan plan = new FaultPlan(0);
    plan.add(FaultRule.any().inject(Fault.requestBodyCut(0.5)));
    try (EmulatorServer upload = EmulatorServer.builder("upload", new PlainDialect()).routes(router)
        .faults(plan).start()) {
      assertThat(RawHttp.exchange(upload.port(), "PUT", "/chunk", "0123456789")).isEmpty();
    }
    assertThat(size.get()).isEqualTo(5);
  }

  @Test
  void latencyPerCallAndInjectedLatencyAddUp() throws Exception {
    server.latency(Duration.ofMillis(100));
    faults.add(FaultRule.any().always().inject(Fault.latency(Duration.ofMillis(100))));

    long start = System.nanoTime();
    assertThat(call("GET", "/things/1", null)).startsWith("HTTP/1.1 200");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void anEffectIsAttachedForTheHandler() throws Exception {
    record Slow(int factor) {}
    Router router = new Router().add("GET", "/x", r -> Reply.ok(Json.object()
        .put("slow", r.attachment(Slow.class).map(Slow::factor).orElse(0))));
    FaultPlan plan = new FaultPlan(0);
    plan.add(FaultRule.any().inject(Fault.effect(new Slow(3))));
    try (EmulatorServer s = EmulatorServer.builder("fx", new PlainDialect()).routes(router)
        .faults(plan).start()) {
      assertThat(RawHttp.exchange(s.port(), "GET", "/x", null)).contains("\"slow\":3");
      assertThat(RawHttp.exchange(s.port(), "GET", "/x", null)).contains("\"slow\":0");
    }
  }
}
