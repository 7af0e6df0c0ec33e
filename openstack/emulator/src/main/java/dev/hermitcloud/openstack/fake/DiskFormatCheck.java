package dev.hermitcloud.openstack.fake;

import java.nio.ByteBuffer;

/**
 * Inspects uploaded image data against the declared {@code disk_format}, the way Glance's format
 * inspector does: a qcow2 must carry the qcow2 magic, be version 2 or 3, have no backing file and
 * no incompatible feature bits. Raw (and formats the fake does not inspect) accept anything.
 */
final class DiskFormatCheck {
  /** Bytes of the upload's head that the checks need. */
  static final int HEAD_BYTES = 512;

  private static final int QCOW2_MAGIC = 0x514649fb; // "QFI\xfb"

  private DiskFormatCheck() {}

  /** Why the data is not a valid image of {@code diskFormat}, or null if it is. */
  static String problem(String diskFormat, byte[] head) {
    if (!"qcow2".equals(diskFormat)) {
      return null;
    }
    if (head.length < 72) {
      return "qcow2 data is shorter than a qcow2 header";
    }
    ByteBuffer h = ByteBuffer.wrap(head);
    if (h.getInt(0) != QCOW2_MAGIC) {
      return "data is not qcow2 (no QFI\\xfb magic)";
    }
    int version = h.getInt(4);
    if (version != 2 && version != 3) {
      return "unsupported qcow2 version " + version;
    }
    if (h.getLong(8) != 0) {
      return "qcow2 has a backing file";
    }
    int clusterBits = h.getInt(20);
    if (clusterBits < 9 || clusterBits > 21) {
      return "qcow2 cluster_bits " + clusterBits + " out of range";
    }
    if (version == 3) {
      if (head.length < 104 || h.getInt(100) < 104) {
        return "qcow2 v3 header too short";
      }
      if (h.getLong(72) != 0) {
        return "qcow2 has incompatible features 0x" + Long.toHexString(h.getLong(72));
      }
    }
    return null;
  }

  /** The virtual disk size the data declares: the qcow2 header's, or null to use the data size. */
  static Long virtualSize(String diskFormat, byte[] head) {
    if ("qcow2".equals(diskFormat) && head.length >= 32) {
      return ByteBuffer.wrap(head).getLong(24);
    }
    return null;
  }
}
