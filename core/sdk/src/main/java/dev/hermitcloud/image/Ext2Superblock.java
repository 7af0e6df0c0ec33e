package dev.hermitcloud.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The ext2 superblock (revision 1, 128-byte inodes) and the block group descriptor table, as written in
 * group 0 and copied into the groups that hold backups.
 */
final class Ext2Superblock {
  static final int SIZE = 1024;
  static final int MAGIC = 0xEF53;
  static final int INCOMPAT_FILETYPE = 0x0002;
  static final int RO_COMPAT_SPARSE_SUPER = 0x0001;
  static final int RO_COMPAT_LARGE_FILE = 0x0002;

  private final Ext2Geometry geometry;
  private final long freeBlocks;
  private final long freeInodes;
  private final boolean largeFiles;
  private final byte[] uuid;
  private final String label;
  private final int time;

  Ext2Superblock(Ext2Geometry geometry, long freeBlocks, long freeInodes, boolean largeFiles, byte[] uuid,
      String label, int time) {
    if (uuid.length != 16) {
      throw new IllegalArgumentException("uuid must have 16 bytes");
    }
    this.geometry = geometry;
    this.freeBlocks = freeBlocks;
    this.freeInodes = freeInodes;
    this.largeFiles = largeFiles;
    this.uuid = uuid.clone();
    this.label = label;
    this.time = time;
  }

  /** The superblock as stored in {@code group}, which records its own group number. */
  byte[] encode(int group) {
    ByteBuffer sb = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    sb.putInt(0, (int) geometry.inodes());
    sb.putInt(4, (int) geometry.blocks());
    sb.putInt(8, 0); // reserved for root: none, nobody writes to this file system
    sb.putInt(12, (int) freeBlocks);
    sb.putInt(16, (int) freeInodes);
    sb.putInt(20, 0); // first data block: 0 with blocks larger than 1 KiB
    sb.putInt(24, Ext2Geometry.LOG_BLOCK_SIZE);
    sb.putInt(28, Ext2Geometry.LOG_BLOCK_SIZE); // fragment size = block size
    sb.putInt(32, Ext2Geometry.BLOCKS_PER_GROUP);
    sb.putInt(36, Ext2Geometry.BLOCKS_PER_GROUP);
    sb.putInt(40, geometry.inodesPerGroup());
    sb.putInt(44, 0); // last mount: never
    sb.putInt(48, time); // last write
    sb.putShort(52, (short) 0); // mount count
    sb.putShort(54, (short) -1); // no forced check after N mounts
    sb.putShort(56, (short) MAGIC);
    sb.putShort(58, (short) 1); // state: clean
    sb.putShort(60, (short) 1); // on errors: continue
    sb.putInt(64, time); // last check
    sb.putInt(68, 0); // no check interval
    sb.putInt(72, 0); // creator OS: Linux
    sb.putInt(76, 1); // revision 1 (dynamic inode sizes, features)
    sb.putInt(84, Ext2Geometry.FIRST_INODE);
    sb.putShort(88, (short) Ext2Geometry.INODE_SIZE);
    sb.putShort(90, (short) group);
    sb.putInt(92, 0); // compatible features: none
    sb.putInt(96, INCOMPAT_FILETYPE);
    sb.putInt(100, RO_COMPAT_SPARSE_SUPER | (largeFiles ? RO_COMPAT_LARGE_FILE : 0));
    sb.put(104, uuid);
    byte[] name = label.getBytes(StandardCharsets.US_ASCII);
    sb.put(120, name, 0, Math.min(16, name.length));
    sb.putInt(264, time); // file system created
    return sb.array();
  }

  /** The group descriptor table, padded to whole blocks. */
  static byte[] descriptors(Ext2Geometry geometry, long[] freeBlocks, int[] freeInodes, int[] directories) {
    ByteBuffer table = ByteBuffer.allocate(geometry.descriptorBlocks() * Ext2Geometry.BLOCK_SIZE)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int group = 0; group < geometry.groups(); group++) {
      int at = group * Ext2Geometry.DESCRIPTOR_SIZE;
      table.putInt(at, (int) geometry.blockBitmap(group));
      table.putInt(at + 4, (int) geometry.inodeBitmap(group));
      table.putInt(at + 8, (int) geometry.inodeTable(group));
      table.putShort(at + 12, (short) freeBlocks[group]);
      table.putShort(at + 14, (short) freeInodes[group]);
      table.putShort(at + 16, (short) directories[group]);
    }
    return table.array();
  }
}
