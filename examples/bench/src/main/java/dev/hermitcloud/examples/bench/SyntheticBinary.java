package dev.hermitcloud.examples.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Stand-in for a real unikernel binary, which the benchmark cannot download: seeded pseudo-random
 * content that gzip compresses like one. gzip -6 keeps 35% of it (7.0 MB of 20 MB), as it does of the
 * 20 MB HermitCore echo server the tutorial deploys; gzip -1 keeps 16% more, gzip -4 4% more. It is a
 * sequence of runs of 256 B to 4 KiB:
 *
 * <ul>
 *   <li>70% "code": 1024 snippets of 2 to 13 "instructions" (256 random byte strings of 1 to 6 bytes),
 *       snippets and instructions drawn with a skewed (cubed uniform) frequency, and one byte in 20 of
 *       every copy changed, as operands and addresses differ between otherwise equal code;
 *   <li>5% random bytes: compressed or encrypted data, hashes;
 *   <li>12% text: symbol names and strings from a word list;
 *   <li>13% zeros: alignment padding and empty tables.
 * </ul>
 */
final class SyntheticBinary {
  private static final String[] WORDS = ("runtime mallocgc newobject net http conn serve fmt Fprintf "
      + "hermit libhermit main handler buildid error string write read close sync mutex lock unlock go "
      + "type struct func return panic defer select chan map slice append len cap").split(" ");

  private static final int CODE_PERCENT = 70;
  private static final int RANDOM_PERCENT = 5;
  private static final int TEXT_PERCENT = 12;
  /** One byte in this many of a repeated instruction sequence differs (operands, addresses). */
  private static final int OPERAND_CHANGE = 20;

  private SyntheticBinary() {}

  static byte[] generate(int size, long seed) {
    Random random = new Random(seed);
    byte[][] instructions = new byte[256][];
    for (int i = 0; i < instructions.length; i++) {
      instructions[i] = new byte[1 + random.nextInt(6)];
      random.nextBytes(instructions[i]);
    }
    byte[][] snippets = new byte[1024][];
    for (int i = 0; i < snippets.length; i++) {
      ByteArrayOutputStream snippet = new ByteArrayOutputStream();
      for (int n = 2 + random.nextInt(12); n > 0; n--) {
        snippet.writeBytes(instructions[skewed(random, instructions.length)]);
      }
      snippets[i] = snippet.toByteArray();
    }
    byte[] data = new byte[size];
    int at = 0;
    while (at < size) {
      int end = Math.min(size, at + 256 + random.nextInt(3841));
      int kind = random.nextInt(100);
      if (kind < CODE_PERCENT) {
        while (at < end) {
          byte[] snippet = snippets[skewed(random, snippets.length)];
          int n = Math.min(snippet.length, end - at);
          System.arraycopy(snippet, 0, data, at, n);
          // Operands (addresses, offsets) differ between otherwise equal sequences.
          for (int i = 0; i < n; i++) {
            if (random.nextInt(OPERAND_CHANGE) == 0) {
              data[at + i] = (byte) random.nextInt();
            }
          }
          at += n;
        }
      } else if (kind < CODE_PERCENT + RANDOM_PERCENT) {
        while (at < end) {
          data[at++] = (byte) random.nextInt();
        }
      } else if (kind < CODE_PERCENT + RANDOM_PERCENT + TEXT_PERCENT) {
        while (at < end) {
          byte[] word = (WORDS[random.nextInt(WORDS.length)] + (random.nextInt(4) == 0 ? "." : "\0"))
              .getBytes(StandardCharsets.US_ASCII);
          int n = Math.min(word.length, end - at);
          System.arraycopy(word, 0, data, at, n);
          at += n;
        }
      } else {
        at = end;
      }
    }
    return data;
  }

  /** An index in [0, n), small ones much more likely. */
  private static int skewed(Random random, int n) {
    double r = random.nextDouble();
    return (int) (r * r * r * n);
  }
}
