package dev.hermitcloud.image;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a {@link SparseDisk} as a sparse raw file: the file is given its full size without writing
 * (holes), then only the extents are written, file contents copied by the kernel where it can. The file
 * appears under its name only once complete.
 */
final class RawImageWriter {
  private RawImageWriter() {}

  static void write(SparseDisk disk, Path target) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path partial = Files.createTempFile(directory, "." + target.getFileName(), ".partial");
    try {
      try (RandomAccessFile file = new RandomAccessFile(partial.toFile(), "rw");
          DiskReader reader = new DiskReader(disk)) {
        file.setLength(disk.size());
        FileChannel out = file.getChannel();
        for (Extent extent : disk.extents()) {
          if (extent.content() instanceof Content.Bytes bytes) {
            writeFully(out, ByteBuffer.wrap(bytes.data(), (int) extent.contentOffset(), (int) extent.length()),
                extent.offset());
          } else {
            copy(reader.channel((Content.FileBytes) extent.content()), extent.contentOffset(), out, extent.offset(),
                extent.length());
          }
        }
        out.force(false);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer data, long position) throws IOException {
    while (data.hasRemaining()) {
      position += out.write(data, position);
    }
  }

  private static void copy(FileChannel in, long from, FileChannel out, long to, long length) throws IOException {
    long done = 0;
    while (done < length) {
      long n = out.transferFrom(in.position(from + done), to + done, length - done);
      if (n <= 0) {
        throw new IOException("source file got shorter while being copied");
      }
      done += n;
    }
  }
}
