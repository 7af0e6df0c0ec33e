package dev.hermitcloud.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Writes a {@link SparseDisk} as a qcow2 version 3 image (compat 1.1): 64 KiB clusters, 16-bit
 * refcounts, no backing file, no compression, no snapshots, and only the clusters that hold data. The
 * file is written front to back in one pass, as {@link Qcow2Layout} planned it.
 */
final class Qcow2Writer {
  /** Set in L1 and L2 entries of clusters whose refcount is exactly one: all of ours. */
  private static final long COPIED = 1L << 63;
  private static final int HEADER_LENGTH = 112;

  private Qcow2Writer() {}

  static void write(SparseDisk disk, OutputStream out) throws IOException {
    Qcow2Layout layout = Qcow2Layout.of(disk);
    out.write(header(layout));
    out.write(refcountTable(layout));
    writeRefcountBlocks(layout, out);
    out.write(l1Table(layout));
    writeL2Tables(layout, out);
    byte[] cluster = new byte[Qcow2Layout.CLUSTER];
    try (DiskReader reader = new DiskReader(disk)) {
      for (long c : layout.dataClusters) {
        reader.read(c * Qcow2Layout.CLUSTER, cluster, 0, cluster.length);
        out.write(cluster);
      }
    }
    out.flush();
  }

  private static byte[] header(Qcow2Layout layout) {
    ByteBuffer header = ByteBuffer.allocate(Qcow2Layout.CLUSTER); // big-endian, as qcow2 is
    header.putInt(0x514649fb); // "QFI\xfb"
    header.putInt(3); // version
    header.putLong(0); // no backing file
    header.putInt(0); // backing file name length
    header.putInt(Qcow2Layout.CLUSTER_BITS);
    header.putLong(layout.diskSize);
    header.putInt(0); // no encryption
    header.putInt(layout.l1Entries);
    header.putLong(layout.l1Offset());
    header.putLong(layout.refcountTableOffset());
    header.putInt(layout.refcountTableClusters);
    header.putInt(0); // no snapshots
    header.putLong(0); // snapshots offset
    header.putLong(0); // incompatible features: none
    header.putLong(0); // compatible features: none
    header.putLong(0); // autoclear features: none
    header.putInt(4); // refcount_order: 16-bit refcounts
    header.putInt(HEADER_LENGTH);
    header.put((byte) 0); // compression type: zlib (unused)
    // Padding to 112 bytes, then the end-of-extensions marker (type 0, length 0): all zeros.
    return header.array();
  }

  private static byte[] refcountTable(Qcow2Layout layout) {
    ByteBuffer table = ByteBuffer.allocate(layout.refcountTableClusters * Qcow2Layout.CLUSTER);
    for (int i = 0; i < layout.refcountBlocks; i++) {
      table.putLong(layout.refcountBlockOffset(i));
    }
    return table.array();
  }

  private static void writeRefcountBlocks(Qcow2Layout layout, OutputStream out) throws IOException {
    long used = layout.totalClusters();
    for (int i = 0; i < layout.refcountBlocks; i++) {
      ByteBuffer block = ByteBuffer.allocate(Qcow2Layout.CLUSTER);
      long first = (long) i * Qcow2Layout.REFCOUNTS_PER_BLOCK;
      for (long c = first; c < Math.min(used, first + Qcow2Layout.REFCOUNTS_PER_BLOCK); c++) {
        block.putShort((short) 1);
      }
      out.write(block.array());
    }
  }

  private static byte[] l1Table(Qcow2Layout layout) {
    ByteBuffer l1 = ByteBuffer.allocate(layout.l1Clusters * Qcow2Layout.CLUSTER);
    for (int i = 0; i < layout.l2Tables.length; i++) {
      l1.putLong((int) layout.l2Tables[i] * 8, layout.l2Offset(i) | COPIED);
    }
    return l1.array();
  }

  private static void writeL2Tables(Qcow2Layout layout, OutputStream out) throws IOException {
    int data = 0;
    for (long table : layout.l2Tables) {
      ByteBuffer l2 = ByteBuffer.allocate(Qcow2Layout.CLUSTER);
      while (data < layout.dataClusters.length && layout.dataClusters[data] / Qcow2Layout.L2_ENTRIES == table) {
        int entry = (int) (layout.dataClusters[data] % Qcow2Layout.L2_ENTRIES);
        l2.putLong(entry * 8, layout.dataOffset(data) | COPIED);
        data++;
      }
      out.write(l2.array());
    }
  }
}
