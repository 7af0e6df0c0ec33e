package dev.hermitcloud.openstack;

/** The disk format images are uploaded in. */
public enum ImageFormat {
  /** Only the clusters that hold data: about the size of the unikernel's files. The default. */
  QCOW2,
  /**
   * The whole disk, zeros included: for clouds whose images live in Ceph RBD, where Nova boots raw images
   * by cloning them and would otherwise convert every qcow2 on first use.
   */
  RAW
}
