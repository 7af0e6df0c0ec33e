package dev.hermitcloud.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the bytes of an {@link Extent} come from: a small array built in memory (file-system metadata,
 * boot code, grub.cfg), or a file on this machine that is read only when an output is written.
 */
sealed interface Content {
  /** Bytes available. */
  long size();

  /** Bytes held in memory. */
  record Bytes(byte[] data) implements Content {
    public Bytes {
      Objects.requireNonNull(data, "data");
    }

    @Override
    public long size() {
      return data.length;
    }
  }

  /**
   * A file read when the image is written. {@code size} is its size when the image was planned; a file
   * that has changed since makes the write fail rather than produce a corrupt disk.
   */
  record FileBytes(Path path, long size) implements Content {
    public FileBytes {
      Objects.requireNonNull(path, "path");
    }
  }
}
