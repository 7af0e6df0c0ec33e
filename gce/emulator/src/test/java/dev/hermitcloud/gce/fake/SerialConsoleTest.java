package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerialConsoleTest {
  @Test
  void keepsTheNewestMegabyteAndMovesOldStartsForward() {
    SerialConsole console = new SerialConsole();
    String chunk = "x".repeat(1000) + "\n";
    for (int i = 0; i < 1100; i++) {
      console.append(chunk);
    }
    console.append("the end\n");
    long total = 1100L * chunk.length() + "the end\n".length();

    SerialConsole.Slice fromZero = console.read(0);
    SerialConsole.Slice last = console.read(-8);

    assertThat(fromZero.start()).isEqualTo(total - SerialConsole.RETAINED_BYTES);
    assertThat(fromZero.contents()).hasSize(SerialConsole.RETAINED_BYTES).endsWith("the end\n");
    assertThat(fromZero.next()).isEqualTo(total);
    assertThat(last.contents()).isEqualTo("the end\n");
    assertThat(console.read(-5_000_000).start()).isEqualTo(fromZero.start());
  }

  @Test
  void anEmptyConsoleAnswersEmptyFromAnyStart() {
    SerialConsole console = new SerialConsole();
    assertThat(console.read(0)).isEqualTo(new SerialConsole.Slice("", 0, 0));
    assertThat(console.read(42)).isEqualTo(new SerialConsole.Slice("", 42, 42));
  }
}
