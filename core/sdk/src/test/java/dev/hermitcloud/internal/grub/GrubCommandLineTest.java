package dev.hermitcloud.internal.grub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Finding the GRUB words for a kernel command line, and writing them in GRUB script. BootTest shows
 * with a real GRUB that the kernel then receives the line unchanged.
 */
class GrubCommandLineTest {
  @Test
  void splitsOnSingleSpacesKeepingEmptyWords() {
    assertThat(GrubCommandLine.words("")).isEmpty();
    assertThat(GrubCommandLine.words("-uart=io:0x3f8")).containsExactly("-uart=io:0x3f8");
    assertThat(GrubCommandLine.words("a  b")).containsExactly("a", "", "b");
    assertThat(GrubCommandLine.words(" ")).containsExactly("", "");
    assertThat(GrubCommandLine.words(" a ")).containsExactly("", "a", "");
  }

  @Test
  void undoesGrubsQuotingAndEscaping() {
    assertThat(GrubCommandLine.words("\"a b\" c")).containsExactly("a b", "c");
    assertThat(GrubCommandLine.words("it\\'s \\\"x\\\" back\\\\slash")).containsExactly("it's", "\"x\"", "back\\slash");
    assertThat(GrubCommandLine.words("\"say \\\"hi\\\" it\\'s\"")).containsExactly("say \"hi\" it's");
  }

  @Test
  void rejectsLinesGrubCannotProduce() {
    assertThatThrownBy(() -> GrubCommandLine.words("a\"b")).hasMessageContaining("bare \"");
    assertThatThrownBy(() -> GrubCommandLine.words("it's")).hasMessageContaining("bare '").hasMessageContaining("\\'");
    assertThatThrownBy(() -> GrubCommandLine.words("\"ab\"")).hasMessageContaining("without a space");
    assertThatThrownBy(() -> GrubCommandLine.words("\"a b\"c")).hasMessageContaining("after the closing quote");
    assertThatThrownBy(() -> GrubCommandLine.words("\"a b")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> GrubCommandLine.words("a\\")).hasMessageContaining("backslash");
    assertThatThrownBy(() -> GrubCommandLine.words("a\\x")).hasMessageContaining("backslash");
    assertThatThrownBy(() -> GrubCommandLine.words("\"a 'b\"")).hasMessageContaining("bare '");
  }

  @Test
  void everyWordListSurvivesTheRoundTrip() {
    Random random = new Random(42);
    String alphabet = "ab -=$;'\"\\{}#";
    for (int i = 0; i < 20_000; i++) {
      List<String> words = new ArrayList<>();
      for (int w = random.nextInt(5); w > 0; w--) {
        StringBuilder word = new StringBuilder();
        for (int c = random.nextInt(6); c > 0; c--) {
          word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        words.add(word.toString());
      }
      String line = GrubCommandLine.rebuild(words);
      // A single empty word and no word at all both give an empty line.
      List<String> expected = words.size() == 1 && words.get(0).isEmpty() ? List.of() : words;
      assertThat(GrubCommandLine.words(line)).as(line).isEqualTo(expected);
    }
  }

  @Test
  void everyAcceptedLineIsRebuiltExactly() {
    Random random = new Random(7);
    String alphabet = "a -'\"\\$";
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int c = random.nextInt(10); c > 0; c--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      List<String> words;
      try {
        words = GrubCommandLine.words(line.toString());
      } catch (IllegalArgumentException rejected) {
        continue;
      }
      accepted++;
      assertThat(GrubCommandLine.rebuild(words)).isEqualTo(line.toString());
    }
    assertThat(accepted).isGreaterThan(1000);
  }

  @Test
  void writesWordsAsGrubScript() {
    assertThat(GrubCommandLine.scriptWord("-uart=io:0x3f8")).isEqualTo("-uart=io:0x3f8");
    assertThat(GrubCommandLine.scriptWord("")).isEqualTo("''");
    assertThat(GrubCommandLine.scriptWord("a b")).isEqualTo("'a b'");
    assertThat(GrubCommandLine.scriptWord("it's $x;")).isEqualTo("'it'\\''s $x;'");
    assertThat(GrubCommandLine.script("\"two  spaces\" it\\'s")).isEqualTo(" 'two  spaces' 'it'\\''s'");
  }
}
