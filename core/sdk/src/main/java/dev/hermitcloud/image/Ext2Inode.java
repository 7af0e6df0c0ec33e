package dev.hermitcloud.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A 128-byte revision-1 ext2 inode owned by root, every timestamp the image's fixed time. */
record Ext2Inode(int mode, long size, int links, long blocks, int[] pointers) {
  static final int MODE_DIRECTORY = 0040000;
  static final int MODE_FILE = 0100000;

  /** Writes the inode into {@code table} at byte {@code at}. */
  void writeTo(byte[] table, int at, int time) {
    ByteBuffer inode = ByteBuffer.wrap(table, at, Ext2Geometry.INODE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    inode.putShort(at, (short) mode);
    inode.putShort(at + 2, (short) 0); // uid
    inode.putInt(at + 4, (int) size);
    inode.putInt(at + 8, time); // atime
    inode.putInt(at + 12, time); // ctime
    inode.putInt(at + 16, time); // mtime
    inode.putShort(at + 24, (short) 0); // gid
    inode.putShort(at + 26, (short) links);
    // i_blocks counts 512-byte sectors, indirect blocks included.
    inode.putInt(at + 28, (int) (blocks * (Ext2Geometry.BLOCK_SIZE / 512)));
    for (int i = 0; i < pointers.length; i++) {
      inode.putInt(at + 40 + 4 * i, pointers[i]);
    }
    inode.putInt(at + 108, (int) (size >>> 32)); // i_size_high, for files of 2 GiB and more
  }
}
