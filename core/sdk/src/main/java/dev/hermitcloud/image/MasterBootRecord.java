package dev.hermitcloud.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sector 0 of a BIOS disk: boot code, the 32-bit disk signature, one bootable partition entry and the
 * 0x55AA mark. CHS addresses use the usual 255-head, 63-sector translation, saturating at the 1024th
 * cylinder like every tool since LBA took over.
 */
final class MasterBootRecord {
  static final int SECTOR_SIZE = 512;
  /** Bytes of boot code before the disk signature. */
  static final int CODE_SIZE = 440;
  static final int TYPE_LINUX = 0x83;

  private static final int HEADS = 255;
  private static final int SECTORS_PER_TRACK = 63;

  private MasterBootRecord() {}

  /**
   * The sector, with {@code code} (at most 440 bytes) first and one partition of type 0x83, marked
   * bootable, from {@code firstLba} for {@code sectors} sectors.
   */
  static byte[] encode(byte[] code, int signature, long firstLba, long sectors) {
    if (code.length > CODE_SIZE) {
      throw new IllegalArgumentException("boot code longer than " + CODE_SIZE + " bytes");
    }
    if (firstLba + sectors > 1L << 32) {
      throw new IllegalArgumentException("an MBR partition must end within 2 TiB");
    }
    ByteBuffer mbr = ByteBuffer.allocate(SECTOR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    mbr.put(code);
    mbr.putInt(CODE_SIZE, signature);
    int entry = 446;
    mbr.put(entry, (byte) 0x80); // bootable
    mbr.put(entry + 1, chs(firstLba));
    mbr.put(entry + 4, (byte) TYPE_LINUX);
    mbr.put(entry + 5, chs(firstLba + sectors - 1));
    mbr.putInt(entry + 8, (int) firstLba);
    mbr.putInt(entry + 12, (int) sectors);
    mbr.put(510, (byte) 0x55).put(511, (byte) 0xAA);
    return mbr.array();
  }

  private static byte[] chs(long lba) {
    long cylinder = lba / (HEADS * SECTORS_PER_TRACK);
    if (cylinder > 1023) {
      return new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF};
    }
    int head = (int) (lba / SECTORS_PER_TRACK % HEADS);
    int sector = (int) (lba % SECTORS_PER_TRACK) + 1;
    return new byte[] {(byte) head, (byte) (sector | (cylinder >> 8) << 6), (byte) cylinder};
  }
}
