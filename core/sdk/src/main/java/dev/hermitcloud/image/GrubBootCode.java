package dev.hermitcloud.image;

/**
 * GRUB's BIOS boot code: the first 440 bytes of {@code boot.img}, which go in the MBR, and {@code
 * core.img}, which goes from sector 1 into the gap before the first partition. boot.img loads sector 1
 * by default and core.img's first sector loads the rest from sector 2 on, so neither needs patching when
 * core.img starts at sector 1.
 */
record GrubBootCode(byte[] mbrCode, byte[] coreImage) {
  GrubBootCode {
    if (mbrCode.length != MasterBootRecord.CODE_SIZE) {
      throw new IllegalArgumentException("MBR code must be " + MasterBootRecord.CODE_SIZE + " bytes");
    }
  }

  /** Sectors core.img takes. */
  long coreSectors() {
    return (coreImage.length + MasterBootRecord.SECTOR_SIZE - 1) / MasterBootRecord.SECTOR_SIZE;
  }
}
