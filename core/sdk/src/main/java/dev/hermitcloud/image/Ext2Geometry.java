package dev.hermitcloud.image;

/**
 * Where everything goes in an ext2 file system of a given number of 4 KiB blocks: block groups of
 * 32768 blocks (one bitmap block each), superblock and descriptor copies in groups 0, 1 and the powers
 * of 3, 5 and 7 (sparse_super), then each group's block bitmap, inode bitmap and inode table.
 *
 * <p>Why 4 KiB blocks: a 20 MB module needs 5 indirect blocks instead of 80, a GiB of disk is 8 groups
 * instead of 128 (fewer bitmaps and descriptors to write and for e2fsck and GRUB to read), files may
 * grow to terabytes with double and triple indirect blocks, and blocks line up with pages and with
 * qcow2's 64 KiB clusters. The cost, up to 4 KiB of slack per file, does not matter for a handful of
 * files.
 *
 * <p>Inodes: the image holds a handful of files, so each group gets the fewest inodes that fill whole
 * inode-table blocks and hold every file in group 0. Unused inode tables are holes on the disk.
 */
final class Ext2Geometry {
  static final int BLOCK_SIZE = 4096;
  /** s_log_block_size: block size is 1024 << 2. */
  static final int LOG_BLOCK_SIZE = 2;
  static final int BLOCKS_PER_GROUP = 8 * BLOCK_SIZE;
  static final int INODE_SIZE = 128;
  static final int INODES_PER_BLOCK = BLOCK_SIZE / INODE_SIZE;
  static final int DESCRIPTOR_SIZE = 32;
  /** Inodes 1 to 10 are reserved; the first free one is 11 (lost+found). */
  static final int FIRST_INODE = 11;
  /** ext2 block numbers are 32-bit. */
  static final long MAX_BLOCKS = 0xFFFFFFFFL;

  private final long blocks;
  private final int groups;
  private final int inodesPerGroup;
  private final int descriptorBlocks;

  private Ext2Geometry(long blocks, int inodesPerGroup) {
    this.blocks = blocks;
    this.groups = (int) ((blocks + BLOCKS_PER_GROUP - 1) / BLOCKS_PER_GROUP);
    this.inodesPerGroup = inodesPerGroup;
    this.descriptorBlocks = (groups * DESCRIPTOR_SIZE + BLOCK_SIZE - 1) / BLOCK_SIZE;
    if (groupBlocks(groups - 1) < overhead(groups - 1) + 1) {
      throw new IllegalArgumentException("last block group too small: " + blocks + " blocks");
    }
  }

  /** A file system of {@code blocks} blocks with room for {@code inodes} inodes (reserved ones included) in group 0. */
  static Ext2Geometry of(long blocks, int inodes) {
    if (blocks < 64 || blocks > MAX_BLOCKS) {
      throw new IllegalArgumentException("unsupported ext2 size: " + blocks + " blocks");
    }
    int perGroup = Math.max(INODES_PER_BLOCK, (inodes + INODES_PER_BLOCK - 1) / INODES_PER_BLOCK * INODES_PER_BLOCK);
    if (perGroup > BLOCKS_PER_GROUP) {
      throw new IllegalArgumentException("too many files for one block group: " + inodes);
    }
    return new Ext2Geometry(blocks, perGroup);
  }

  long blocks() {
    return blocks;
  }

  int groups() {
    return groups;
  }

  int inodesPerGroup() {
    return inodesPerGroup;
  }

  int inodeTableBlocks() {
    return inodesPerGroup / INODES_PER_BLOCK;
  }

  int descriptorBlocks() {
    return descriptorBlocks;
  }

  long inodes() {
    return (long) inodesPerGroup * groups;
  }

  long groupStart(int group) {
    return (long) group * BLOCKS_PER_GROUP;
  }

  /** Blocks in the group: all but the last group are full. */
  int groupBlocks(int group) {
    return (int) Math.min(BLOCKS_PER_GROUP, blocks - groupStart(group));
  }

  /** sparse_super: copies of the superblock and descriptors in groups 0, 1 and powers of 3, 5, 7. */
  boolean hasSuperblock(int group) {
    return group <= 1 || isPowerOf(group, 3) || isPowerOf(group, 5) || isPowerOf(group, 7);
  }

  long blockBitmap(int group) {
    return groupStart(group) + (hasSuperblock(group) ? 1 + descriptorBlocks : 0);
  }

  long inodeBitmap(int group) {
    return blockBitmap(group) + 1;
  }

  long inodeTable(int group) {
    return inodeBitmap(group) + 1;
  }

  /** Blocks at the start of the group taken by metadata. */
  int overhead(int group) {
    return (int) (inodeTable(group) + inodeTableBlocks() - groupStart(group));
  }

  /** Blocks left for directories, files and indirect blocks. */
  long dataBlocks() {
    long total = 0;
    for (int group = 0; group < groups; group++) {
      total += groupBlocks(group) - overhead(group);
    }
    return total;
  }

  private static boolean isPowerOf(int value, int base) {
    long power = base;
    while (power < value) {
      power *= base;
    }
    return power == value;
  }
}
