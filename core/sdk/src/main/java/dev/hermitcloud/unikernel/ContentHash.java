package dev.hermitcloud.unikernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over everything that ends up in a disk image: each file's bytes, name and command line, in
 * boot order. Equal hashes mean byte-identical images, which is what lets a re-run skip the build and
 * the upload.
 */
final class ContentHash {
  /** Bumped whenever the image layout changes, so that old images are not mistaken for new ones. */
  static final String LAYOUT_VERSION = "hermit-disk-v1";

  private ContentHash() {}

  static String of(Unikernel unikernel) {
    MessageDigest digest = sha256();
    update(digest, LAYOUT_VERSION);
    update(digest, unikernel.loader());
    for (BootFile module : unikernel.modules()) {
      update(digest, module);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, BootFile file) {
    update(digest, file.bootName());
    update(digest, file.args());
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file.path())) {
      long size = 0;
      for (int n; (n = in.read(buffer)) > 0; size += n) {
        digest.update(buffer, 0, n);
      }
      update(digest, Long.toString(size));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file.path(), e);
    }
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // Length-prefixed so that ("ab","c") and ("a","bc") hash differently.
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }
}
