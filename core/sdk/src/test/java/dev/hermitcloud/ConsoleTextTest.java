package dev.hermitcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {
  static final String GRUB = "\u001b[H\u001b[J\u001b[1;1H\u001b[?25l  Booting `echo'\r\n\r\n\u001b]0;title\u0007"
      + "\u001b(Becho-kernel: link up\r\nhalf\rway\r\n";

  @Test
  void escapeSequencesCarriageReturnsAndBlankLinesGo() {
    assertThat(ConsoleText.clean(GRUB)).isEqualTo("  Booting `echo'\necho-kernel: link up\nhalfway\n");
  }

  @Test
  void textInPiecesCleansTheSameWhereverItIsCut() {
    for (int cut = 0; cut <= GRUB.length(); cut++) {
      List<String> out = new ArrayList<>();
      ConsoleText.Cleaner cleaner = new ConsoleText.Cleaner(out::add);
      cleaner.accept(GRUB.substring(0, cut));
      cleaner.accept(GRUB.substring(cut));
      cleaner.finish();
      assertThat(String.join("", out)).as("cut at " + cut).isEqualTo(ConsoleText.clean(GRUB));
    }
  }

  @Test
  void aLastLineWithoutNewlineIsPassedOnAtTheEndWithoutAnUnfinishedSequence() {
    List<String> out = new ArrayList<>();
    ConsoleText.Cleaner cleaner = new ConsoleText.Cleaner(out::add);
    cleaner.accept("ready\r\nprompt> \u001b[");
    assertThat(String.join("", out)).isEqualTo("ready\n");
    cleaner.finish();
    assertThat(String.join("", out)).isEqualTo("ready\nprompt>\n");
  }
}
