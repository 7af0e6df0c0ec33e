package dev.hermitcloud.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Directory blocks in the ext2 linked-list format with file types (the {@code filetype} feature): each
 * entry is inode, record length, name length, type and the name padded to 4 bytes; the last entry of a
 * block stretches to the block's end.
 */
final class Ext2Directory {
  static final int TYPE_FILE = 1;
  static final int TYPE_DIRECTORY = 2;

  private static final int HEADER = 8;

  /** One name in a directory. */
  record Entry(int inode, String name, int type) {}

  private Ext2Directory() {}

  /** The directory's blocks, at least one; {@code "."} and {@code ".."} must be the first entries. */
  static List<byte[]> blocks(List<Entry> entries) {
    List<byte[]> blocks = new ArrayList<>();
    ByteBuffer block = null;
    int lastEntry = -1;
    for (Entry entry : entries) {
      byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
      if (name.length == 0 || name.length > 255) {
        throw new IllegalArgumentException("bad ext2 name: " + entry.name());
      }
      int length = recordLength(name.length);
      if (block == null || block.position() + length > Ext2Geometry.BLOCK_SIZE) {
        if (block != null) {
          stretch(block, lastEntry);
        }
        block = ByteBuffer.allocate(Ext2Geometry.BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        blocks.add(block.array());
      }
      lastEntry = block.position();
      block.putInt(entry.inode()).putShort((short) length).put((byte) name.length).put((byte) entry.type());
      block.put(name);
      block.position(lastEntry + length);
    }
    if (block == null) {
      throw new IllegalArgumentException("a directory needs at least '.' and '..'");
    }
    stretch(block, lastEntry);
    return blocks;
  }

  /** An unused directory block: one empty entry covering it (what lost+found is padded with). */
  static byte[] emptyBlock() {
    ByteBuffer block = ByteBuffer.allocate(Ext2Geometry.BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    block.putInt(0).putShort((short) Ext2Geometry.BLOCK_SIZE);
    return block.array();
  }

  private static int recordLength(int nameLength) {
    return (HEADER + nameLength + 3) & ~3;
  }

  private static void stretch(ByteBuffer block, int lastEntry) {
    block.putShort(lastEntry + 4, (short) (Ext2Geometry.BLOCK_SIZE - lastEntry));
  }
}
