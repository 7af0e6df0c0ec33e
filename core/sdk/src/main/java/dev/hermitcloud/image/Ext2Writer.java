package dev.hermitcloud.image;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Lays out a {@link FileTree} as an ext2 file system and writes it into a {@link SparseDisk}: root
 * directory, {@code lost+found}, then every directory and file in tree order, each file's indirect
 * blocks just before its data. Only metadata is built in memory; file data becomes extents that point
 * at the source files.
 *
 * <p>The result is fully determined by the tree, the size, the UUID, the label and the time, so the same
 * inputs give the same bytes.
 */
final class Ext2Writer {
  static final int ROOT_INODE = 2;
  static final String LOST_AND_FOUND = "lost+found";
  /** As mke2fs does, so that e2fsck can reconnect files without allocating. */
  private static final int LOST_AND_FOUND_BLOCKS = 4;
  private static final long LARGE_FILE = 1L << 31;

  private final List<Planned> nodes = new ArrayList<>();
  private final int lastInode;

  /** Plans {@code root}: inode numbers and directory contents. */
  Ext2Writer(FileTree.Directory root) {
    for (FileTree.Node child : root.children()) {
      if (child.name().equals(LOST_AND_FOUND)) {
        throw new IllegalArgumentException("the root already has a " + LOST_AND_FOUND);
      }
    }
    List<FileTree.Node> rootChildren = new ArrayList<>();
    rootChildren.add(new FileTree.Directory(LOST_AND_FOUND, List.of()));
    rootChildren.addAll(root.children());
    Planned planRoot = new Planned(new FileTree.Directory("", rootChildren), ROOT_INODE, ROOT_INODE);
    nodes.add(planRoot);
    int[] next = {Ext2Geometry.FIRST_INODE};
    number(planRoot, next);
    lastInode = next[0] - 1;
    for (Planned node : nodes) {
      node.content = node.node instanceof FileTree.RegularFile file ? file.content() : directoryContent(node);
    }
  }

  /** Data blocks needed: directories, files and their indirect blocks. */
  long blocksNeeded() {
    long total = 0;
    for (Planned node : nodes) {
      long data = dataBlocks(node.content.size());
      total += data + Ext2BlockMap.indirectBlocks(data);
    }
    return total;
  }

  /** Inodes needed, the reserved ones included. */
  int inodesNeeded() {
    return lastInode;
  }

  /**
   * Writes the file system, {@code blocks} blocks long, at disk offset {@code offset}. The caller has
   * checked that it fits ({@link #blocksNeeded()} against {@link Ext2Geometry#dataBlocks()}).
   */
  void write(SparseDisk.Builder disk, long offset, long blocks, byte[] uuid, String label, int time) {
    Ext2Geometry geometry = Ext2Geometry.of(blocks, inodesNeeded());
    Ext2Allocator allocator = new Ext2Allocator(geometry);
    byte[] inodeTable = new byte[(lastInode + Ext2Geometry.INODES_PER_BLOCK - 1) / Ext2Geometry.INODES_PER_BLOCK
        * Ext2Geometry.BLOCK_SIZE];
    boolean largeFiles = false;
    int directories = 0;
    for (Planned node : nodes) {
      long size = node.content.size();
      long data = dataBlocks(size);
      Iterator<Long> indirect = blockNumbers(allocator.allocate(Ext2BlockMap.indirectBlocks(data)));
      List<long[]> dataRuns = allocator.allocate(data);
      int[] pointers = Ext2BlockMap.build(dataRuns, indirect,
          (block, bytes) -> disk.write(offset + block * Ext2Geometry.BLOCK_SIZE, bytes));
      long contentOffset = 0;
      for (long[] run : dataRuns) {
        long length = Math.min(run[1] * Ext2Geometry.BLOCK_SIZE, size - contentOffset);
        disk.write(offset + run[0] * Ext2Geometry.BLOCK_SIZE, node.content, contentOffset, length);
        contentOffset += length;
      }
      boolean directory = node.node instanceof FileTree.Directory;
      directories += directory ? 1 : 0;
      largeFiles |= size >= LARGE_FILE;
      new Ext2Inode(mode(node), size, links(node), data + Ext2BlockMap.indirectBlocks(data), pointers)
          .writeTo(inodeTable, (node.inode - 1) * Ext2Geometry.INODE_SIZE, time);
    }
    disk.write(offset + geometry.inodeTable(0) * Ext2Geometry.BLOCK_SIZE, inodeTable);
    writeGroupMetadata(disk, offset, geometry, allocator, directories, largeFiles, uuid, label, time);
  }

  private void writeGroupMetadata(SparseDisk.Builder disk, long offset, Ext2Geometry geometry,
      Ext2Allocator allocator, int directories, boolean largeFiles, byte[] uuid, String label, int time) {
    int groups = geometry.groups();
    long[] freeBlocks = new long[groups];
    int[] freeInodes = new int[groups];
    int[] usedDirectories = new int[groups];
    long totalFreeBlocks = 0;
    long totalFreeInodes = 0;
    Ext2Bitmaps bitmaps = new Ext2Bitmaps();
    for (int group = 0; group < groups; group++) {
      int usedBlocks = (int) (geometry.overhead(group) + allocator.used(group));
      int usedInodes = group == 0 ? lastInode : 0;
      freeBlocks[group] = geometry.groupBlocks(group) - usedBlocks;
      freeInodes[group] = geometry.inodesPerGroup() - usedInodes;
      usedDirectories[group] = group == 0 ? directories : 0;
      totalFreeBlocks += freeBlocks[group];
      totalFreeInodes += freeInodes[group];
      disk.write(offset + geometry.blockBitmap(group) * Ext2Geometry.BLOCK_SIZE,
          bitmaps.get(usedBlocks, geometry.groupBlocks(group)));
      disk.write(offset + geometry.inodeBitmap(group) * Ext2Geometry.BLOCK_SIZE,
          bitmaps.get(usedInodes, geometry.inodesPerGroup()));
    }
    Ext2Superblock superblock =
        new Ext2Superblock(geometry, totalFreeBlocks, totalFreeInodes, largeFiles, uuid, label, time);
    byte[] descriptors = Ext2Superblock.descriptors(geometry, freeBlocks, freeInodes, usedDirectories);
    for (int group = 0; group < groups; group++) {
      if (geometry.hasSuperblock(group)) {
        long start = offset + geometry.groupStart(group) * Ext2Geometry.BLOCK_SIZE;
        // Group 0's superblock sits after the 1 KiB boot area; the copies start their group.
        disk.write(group == 0 ? start + Ext2Superblock.SIZE : start, superblock.encode(group));
        disk.write(start + Ext2Geometry.BLOCK_SIZE, descriptors);
      }
    }
  }

  private void number(Planned directory, int[] next) {
    for (FileTree.Node child : ((FileTree.Directory) directory.node).children()) {
      Planned planned = new Planned(child, next[0]++, directory.inode);
      directory.children.add(planned);
      nodes.add(planned);
      if (child instanceof FileTree.Directory) {
        number(planned, next);
      }
    }
  }

  private static Content directoryContent(Planned directory) {
    List<Ext2Directory.Entry> entries = new ArrayList<>();
    entries.add(new Ext2Directory.Entry(directory.inode, ".", Ext2Directory.TYPE_DIRECTORY));
    entries.add(new Ext2Directory.Entry(directory.parent, "..", Ext2Directory.TYPE_DIRECTORY));
    for (Planned child : directory.children) {
      int type = child.node instanceof FileTree.Directory ? Ext2Directory.TYPE_DIRECTORY : Ext2Directory.TYPE_FILE;
      entries.add(new Ext2Directory.Entry(child.inode, child.node.name(), type));
    }
    List<byte[]> blocks = new ArrayList<>(Ext2Directory.blocks(entries));
    while (isLostAndFound(directory) && blocks.size() < LOST_AND_FOUND_BLOCKS) {
      blocks.add(Ext2Directory.emptyBlock());
    }
    byte[] content = new byte[blocks.size() * Ext2Geometry.BLOCK_SIZE];
    for (int i = 0; i < blocks.size(); i++) {
      System.arraycopy(blocks.get(i), 0, content, i * Ext2Geometry.BLOCK_SIZE, Ext2Geometry.BLOCK_SIZE);
    }
    return new Content.Bytes(content);
  }

  private static boolean isLostAndFound(Planned node) {
    return node.parent == ROOT_INODE && node.inode == Ext2Geometry.FIRST_INODE;
  }

  private static int mode(Planned node) {
    if (node.node instanceof FileTree.RegularFile) {
      return Ext2Inode.MODE_FILE | 0644;
    }
    return Ext2Inode.MODE_DIRECTORY | (isLostAndFound(node) ? 0700 : 0755);
  }

  /** A directory is linked from its parent, from its own "." and from each subdirectory's "..". */
  private static int links(Planned node) {
    if (node.node instanceof FileTree.RegularFile) {
      return 1;
    }
    int links = 2;
    for (Planned child : node.children) {
      links += child.node instanceof FileTree.Directory ? 1 : 0;
    }
    return links;
  }

  private static long dataBlocks(long bytes) {
    return (bytes + Ext2Geometry.BLOCK_SIZE - 1) / Ext2Geometry.BLOCK_SIZE;
  }

  private static Iterator<Long> blockNumbers(List<long[]> runs) {
    List<Long> numbers = new ArrayList<>();
    for (long[] run : runs) {
      for (long i = 0; i < run[1]; i++) {
        numbers.add(run[0] + i);
      }
    }
    return numbers.iterator();
  }

  /** A node with its inode number, its parent's, and (for directories) its planned children. */
  private static final class Planned {
    final FileTree.Node node;
    final int inode;
    final int parent;
    final List<Planned> children = new ArrayList<>();
    Content content;

    Planned(FileTree.Node node, int inode, int parent) {
      this.node = node;
      this.inode = inode;
      this.parent = parent;
    }
  }
}
