package dev.hermitcloud.gce;

import dev.hermitcloud.image.DiskImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * The size and CRC32C (base64 of the big-endian value, as Cloud Storage reports it) of an image's GCE
 * archive, computed by streaming the archive through the checksum without storing it.
 */
record ArchiveChecksum(long size, String crc32c) {
  static ArchiveChecksum of(DiskImage disk) throws IOException {
    CRC32C crc = new CRC32C();
    long[] size = new long[1];
    disk.writeGceArchive(new OutputStream() {
      @Override
      public void write(int b) {
        crc.update(b);
        size[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        crc.update(b, off, len);
        size[0] += len;
      }
    });
    byte[] value = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    return new ArchiveChecksum(size[0], Base64.getEncoder().encodeToString(value));
  }
}
