package dev.hermitcloud.internal.grub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gets a command line to a Multiboot kernel or module exactly as written, through GRUB.
 *
 * <p>GRUB does not pass the text of a {@code multiboot} or {@code module} line through: it splits it into
 * words with its script syntax, then rebuilds a command line by joining the words with single spaces,
 * putting double quotes around each word that contains a space and a backslash before each {@code \},
 * {@code '} and {@code "} (grub_create_loader_cmdline in GRUB 2.06). So this class works backwards: it
 * finds the words whose rebuilt line is exactly the given one, and writes each word in grub.cfg so that
 * GRUB's script parser yields it unchanged (single quotes, which keep everything literal).
 *
 * <p>A line GRUB can never produce (a bare quote, a lone backslash, quotes around a word without a
 * space) has no such words and is rejected with the reason; the fix is to write it the way GRUB would,
 * for example {@code it\'s} or {@code "two words"}.
 */
public final class GrubCommandLine {
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=,+-]+");

  private GrubCommandLine() {}

  /** The words GRUB must be given so that the kernel sees exactly {@code line}; none for an empty line. */
  public static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    if (line.isEmpty()) {
      return words;
    }
    int at = 0;
    while (true) {
      StringBuilder word = new StringBuilder();
      if (at < line.length() && line.charAt(at) == '"') {
        at = quotedWord(line, at, word);
      } else {
        at = plainWord(line, at, word);
      }
      words.add(word.toString());
      if (at == line.length()) {
        return words;
      }
      at++; // the single space between words
    }
  }

  /** What GRUB hands the kernel for these words: the inverse of {@link #words(String)}. */
  public static String rebuild(List<String> words) {
    StringBuilder line = new StringBuilder();
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      if (w > 0) {
        line.append(' ');
      }
      boolean quote = word.indexOf(' ') >= 0;
      if (quote) {
        line.append('"');
      }
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (c == '\\' || c == '\'' || c == '"') {
          line.append('\\');
        }
        line.append(c);
      }
      if (quote) {
        line.append('"');
      }
    }
    return line.toString();
  }

  /** {@code word} in GRUB script syntax: as is when plainly safe, else single-quoted. */
  public static String scriptWord(String word) {
    if (PLAIN_WORD.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words of {@code line} in GRUB script syntax, each preceded by a space. */
  public static String script(String line) {
    StringBuilder script = new StringBuilder();
    for (String word : words(line)) {
      script.append(' ').append(scriptWord(word));
    }
    return script.toString();
  }

  private static int plainWord(String line, int at, StringBuilder word) {
    while (at < line.length() && line.charAt(at) != ' ') {
      char c = line.charAt(at);
      if (c == '"' || c == '\'') {
        throw new IllegalArgumentException("has a bare " + c + " at index " + at + ": GRUB passes quotes to the"
            + " kernel only escaped, so write \\" + c + ", or put the whole word in double quotes if it has a space");
      }
      if (c == '\\') {
        at = escape(line, at, word);
      } else {
        word.append(c);
        at++;
      }
    }
    return at;
  }

  private static int quotedWord(String line, int start, StringBuilder word) {
    int at = start + 1;
    while (true) {
      if (at == line.length()) {
        throw new IllegalArgumentException("has an unterminated double quote at index " + start);
      }
      char c = line.charAt(at);
      if (c == '"') {
        break;
      }
      if (c == '\'') {
        throw new IllegalArgumentException("has a bare ' at index " + at + ": GRUB passes it to the kernel only"
            + " escaped, so write \\'");
      }
      if (c == '\\') {
        at = escape(line, at, word);
      } else {
        word.append(c);
        at++;
      }
    }
    at++;
    if (word.indexOf(" ") < 0) {
      throw new IllegalArgumentException("quotes a word without a space at index " + start + ": GRUB quotes only"
          + " words that contain a space, so drop these quotes or escape them as \\\"");
    }
    if (at < line.length() && line.charAt(at) != ' ') {
      throw new IllegalArgumentException("has text right after the closing quote at index " + (at - 1)
          + ": GRUB puts quotes only around whole words, so add a space or move the quote");
    }
    return at;
  }

  private static int escape(String line, int at, StringBuilder word) {
    if (at + 1 == line.length() || "\\'\"".indexOf(line.charAt(at + 1)) < 0) {
      throw new IllegalArgumentException("has a backslash at index " + at + " that does not escape \\, ' or \":"
          + " GRUB passes a backslash to the kernel only before one of these, so write \\\\");
    }
    word.append(line.charAt(at + 1));
    return at + 2;
  }
}
