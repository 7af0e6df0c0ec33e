package dev.hermitcloud.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferTest {
  static final long SECOND = 1_000_000_000L;

  @Test
  void sizesUseTheUnitThatSuitsThem() {
    assertThat(Transfer.size(512)).isEqualTo("512 B");
    assertThat(Transfer.size(53_555)).isEqualTo("52.3 KiB");
    assertThat(Transfer.size(96L << 20)).isEqualTo("96.0 MiB");
    assertThat(Transfer.size(3L << 30)).isEqualTo("3.0 GiB");
  }

  @Test
  void aKnownTotalDrawsABarAndTheEndIsOneLine() {
    Transfer t = new Transfer("upload image echo", 0);
    t.update(48L << 20, 96L << 20, 4 * SECOND);
    assertThat(t.bar()).isEqualTo("upload image echo [============>           ]  48.0/96.0 MiB  12.0 MiB/s");
    t.update(96L << 20, 96L << 20, 8 * SECOND);
    assertThat(t.summary()).isEqualTo("upload image echo: 96.0 MiB in 8.0 s (12.0 MiB/s)");
  }

  @Test
  void anUnknownTotalShowsWhatWasSent() {
    Transfer t = new Transfer("upload blob echo", 0);
    t.update(20 << 10, -1, SECOND / 2);
    assertThat(t.bar()).isEqualTo("upload blob echo  20.0 KiB sent  40.0 KiB/s");
  }
}
