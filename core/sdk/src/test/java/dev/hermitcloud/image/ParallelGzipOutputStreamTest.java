package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel gzip: one standard gzip member, the same bytes on any number of threads, as small as plain gzip. */
class ParallelGzipOutputStreamTest {
  private static final int BLOCK = 256 * 1024;

  @TempDir Path dir;

  @Test
  void decodesToTheInputWithJavaAndGnuGzip() throws Exception {
    byte[] input = binaryLike(3_000_000, 1);
    byte[] compressed = compress(input, 2);

    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      assertThat(in.readAllBytes()).isEqualTo(input);
    }
    Path gz = Files.write(dir.resolve("data.gz"), compressed);
    Path decoded = dir.resolve("decoded");
    HostTool.Result result = HostTool.GZIP.run(Duration.ofSeconds(30), decoded, "-dc", gz.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(Files.readAllBytes(decoded)).isEqualTo(input);
  }

  @Test
  void sameBytesOnOneOrManyThreads() throws IOException {
    byte[] input = binaryLike(2_000_000, 2);

    assertThat(compress(input, 3)).isEqualTo(compress(input, 1));
  }

  @Test
  void aboutAsSmallAsSingleThreadedGzip() throws IOException {
    byte[] input = binaryLike(3_000_000, 3);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(plain)) {
      out.write(input);
    }

    assertThat(compress(input, 2).length).isLessThan(plain.size() + plain.size() / 100);
  }

  @Test
  void emptyInputIsAValidEmptyGzip() throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compress(new byte[0], 2)))) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  private static byte[] compress(byte[] input, int threads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out, 6, threads, BLOCK);
    for (int at = 0; at < input.length; at += 100_000) {
      gzip.write(input, at, Math.min(100_000, input.length - at));
    }
    gzip.finish();
    return out.toByteArray();
  }

  /** Runs of random bytes, of few distinct bytes and of repeated text: compresses roughly like code. */
  static byte[] binaryLike(int size, long seed) {
    Random random = new Random(seed);
    byte[] data = new byte[size];
    byte[] text = "mov eax, [ebx+4]; call print; ret; ".getBytes(StandardCharsets.US_ASCII);
    for (int at = 0; at < size; ) {
      int run = Math.min(size - at, 256 + random.nextInt(4096));
      int kind = random.nextInt(3);
      for (int i = 0; i < run; i++) {
        data[at + i] = switch (kind) {
          case 0 -> (byte) random.nextInt();
          case 1 -> (byte) random.nextInt(16);
          default -> text[(at + i) % text.length];
        };
      }
      at += run;
    }
    return data;
  }
}
