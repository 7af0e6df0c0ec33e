package dev.hermitcloud.emulator.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final Instant T = Instant.parse("2026-11-26T22:40:00.123456789Z");

  @Test
  void spellsTheWireFormats() {
    assertThat(Timestamps.millis(T, ZoneOffset.ofHours(-8))).isEqualTo("2026-11-26T14:40:00.123-08:00");
    assertThat(Timestamps.millis(T, ZoneOffset.UTC)).isEqualTo("2026-11-26T22:40:00.123Z");
    assertThat(Timestamps.seconds(T)).isEqualTo("2026-11-26T22:40:00Z");
    assertThat(Timestamps.micros(T)).isEqualTo("2026-11-26T22:40:00.123456Z");
    assertThat(Timestamps.microsWithoutZone(T)).isEqualTo("2026-11-26T22:40:00.123456");
    assertThat(Timestamps.seconds(null)).isNull();
  }
}
