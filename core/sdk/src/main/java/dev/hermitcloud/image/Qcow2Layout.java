package dev.hermitcloud.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each part of a qcow2 file goes, decided from the disk's extents before anything is written so
 * that the file can be streamed front to back: header, refcount table, refcount blocks, L1 table, L2
 * tables, then one cluster for every 64 KiB of the disk that holds written bytes, in disk order.
 */
final class Qcow2Layout {
  static final int CLUSTER_BITS = 16;
  static final int CLUSTER = 1 << CLUSTER_BITS;
  /** 8-byte entries per L2 table (one cluster). */
  static final int L2_ENTRIES = CLUSTER / 8;
  /** 16-bit refcounts (refcount_order 4) per refcount block. */
  static final int REFCOUNTS_PER_BLOCK = CLUSTER / 2;

  final long diskSize;
  /** Disk cluster numbers holding data, ascending. */
  final long[] dataClusters;
  /** Indexes (disk cluster / L2_ENTRIES) of the L2 tables present, ascending. */
  final long[] l2Tables;
  final int l1Entries;
  final int l1Clusters;
  final int refcountTableClusters;
  final int refcountBlocks;

  private Qcow2Layout(SparseDisk disk) {
    diskSize = disk.size();
    List<Long> clusters = new ArrayList<>();
    for (Extent extent : disk.extents()) {
      long last = clusters.isEmpty() ? -1 : clusters.get(clusters.size() - 1);
      for (long c = Math.max(last + 1, extent.offset() >> CLUSTER_BITS); c <= (extent.end() - 1) >> CLUSTER_BITS; c++) {
        clusters.add(c);
      }
    }
    dataClusters = clusters.stream().mapToLong(Long::longValue).toArray();
    l2Tables = clusters.stream().mapToLong(c -> c / L2_ENTRIES).distinct().toArray();
    long diskClusters = (diskSize + CLUSTER - 1) / CLUSTER;
    l1Entries = (int) ((diskClusters + L2_ENTRIES - 1) / L2_ENTRIES);
    l1Clusters = (int) clustersFor(8L * l1Entries);
    // The refcount blocks count themselves and the table that points at them: grow until stable.
    long fixed = 1 + l1Clusters + l2Tables.length + dataClusters.length;
    int blocks = 0;
    int table = 0;
    while (true) {
      long total = fixed + table + blocks;
      int neededBlocks = (int) ((total + REFCOUNTS_PER_BLOCK - 1) / REFCOUNTS_PER_BLOCK);
      int neededTable = (int) clustersFor(8L * neededBlocks);
      if (neededBlocks == blocks && neededTable == table) {
        break;
      }
      blocks = neededBlocks;
      table = neededTable;
    }
    refcountBlocks = blocks;
    refcountTableClusters = table;
  }

  static Qcow2Layout of(SparseDisk disk) {
    if (disk.size() % CLUSTER != 0) {
      throw new IllegalArgumentException("disk size must be a multiple of 64 KiB");
    }
    return new Qcow2Layout(disk);
  }

  long refcountTableOffset() {
    return CLUSTER;
  }

  long refcountBlockOffset(int index) {
    return refcountTableOffset() + (long) (refcountTableClusters + index) * CLUSTER;
  }

  long l1Offset() {
    return refcountBlockOffset(refcountBlocks);
  }

  long l2Offset(int index) {
    return l1Offset() + (long) (l1Clusters + index) * CLUSTER;
  }

  long dataOffset(int index) {
    return l2Offset(l2Tables.length) + (long) index * CLUSTER;
  }

  /** Clusters in the whole file. */
  long totalClusters() {
    return dataOffset(dataClusters.length) / CLUSTER;
  }

  private static long clustersFor(long bytes) {
    return (bytes + CLUSTER - 1) / CLUSTER;
  }
}
