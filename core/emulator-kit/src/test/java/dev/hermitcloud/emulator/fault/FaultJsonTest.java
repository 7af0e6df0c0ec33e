package dev.hermitcloud.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultJsonTest {
  private final FaultJson json = new FaultJson(Map.of("TEAPOT", f -> Fault.httpError(418)));

  @Test
  void readsEveryPartOfARule() {
    FaultJson.Document doc = json.read(Json.parse("{\"seed\": 9, \"replace\": true, \"rules\": ["
        + "{\"method\": \"POST\", \"path\": \"/x\", \"times\": 2, \"fault\": {\"kind\": \"HTTP_ERROR\","
        + " \"status\": 429, \"reason\": \"slowDown\", \"message\": \"m\", \"retryAfterSeconds\": 3}},"
        + "{\"mutating\": true, \"skip\": 1, \"always\": true, \"probability\": 0.5,"
        + " \"fault\": {\"kind\": \"LATENCY\", \"millis\": 40}},"
        + "{\"fault\": {\"kind\": \"TEAPOT\"}}]}"));

    assertThat(doc.seed()).isEqualTo(9);
    assertThat(doc.replace()).isTrue();
    assertThat(doc.rules()).hasSize(3);
    Fault first = doc.rules().get(0).fault();
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.reason()).isEqualTo("slowDown");
    assertThat(first.message()).isEqualTo("m");
    assertThat(first.retryAfterSeconds()).isEqualTo(3);
    assertThat(doc.rules().get(0).toString()).isEqualTo("POST /x -> HTTP 429 slowDown retry-after 3s x2");
    assertThat(doc.rules().get(1).fault().duration()).isEqualTo(Duration.ofMillis(40));
    assertThat(doc.rules().get(1).toString()).isEqualTo("mutating -> LATENCY 40ms always p=0.5 after 1");
    assertThat(doc.rules().get(2).fault().status()).isEqualTo(418);
  }

  @Test
  void anUnknownKindOrBadValueRefusesTheWholeDocument() {
    assertThatThrownBy(() -> json.read(Json.parse("{\"rules\": [{\"fault\": {\"kind\": \"LIGHTNING\"}}]}")))
        .isInstanceOf(ApiError.class).hasMessageContaining("LIGHTNING")
        .satisfies(e -> assertThat(((ApiError) e).status()).isEqualTo(400));
    assertThatThrownBy(() -> json.read(Json.parse("{\"rules\": [{\"probability\": 2,"
        + " \"fault\": {\"kind\": \"RESPONSE_LOST\"}}]}"))).isInstanceOf(ApiError.class);
  }
}
