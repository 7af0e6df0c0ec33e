package dev.hermitcloud.gce.fake;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32C;

/** The hashes GCS reports: base64 of the big-endian CRC32C, and base64 of the MD5. */
final class ObjectHashes {
  private ObjectHashes() {}

  static String crc32c(byte[] data, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, 0, length);
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  static String md5(byte[] data, int length) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      md.update(data, 0, length);
      return Base64.getEncoder().encodeToString(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
