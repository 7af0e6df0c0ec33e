package dev.hermitcloud.emulator.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestStatsTest {
  @Test
  void countsRequestsTagsMutationsAndLifeLongCreations() {
    RequestStats stats = new RequestStats();
    stats.request("POST /x", true);
    stats.request("GET /x", false);
    stats.tag("requestId", "POST /x");
    stats.unknownRequest("GET", "/nope");
    stats.created("thing", "a");
    stats.created("thing", "a");

    assertThat(stats.requests("POST", "/x")).isEqualTo(1);
    assertThat(stats.tagged("requestId", "POST", "/x")).isEqualTo(1);
    assertThat(stats.mutatingRequests()).isEqualTo(1);
    assertThat(stats.unknownRequests()).containsEntry("GET /nope", 1L);
    assertThat(stats.duplicateCreations()).containsExactly("thing/a");

    stats.reset();
    assertThat(stats.requestsByRoute()).isEmpty();
    assertThat(stats.tagged("requestId", "POST", "/x")).isZero();
    assertThat(stats.mutatingRequests()).isZero();
    assertThat(stats.creations("thing", "a")).isEqualTo(2);
  }
}
