package dev.hermitcloud.local;

/** The network card QEMU gives the guest. HermitCore speaks virtio; older kernels need rtl8139 or e1000. */
public enum NicModel {
  VIRTIO("virtio-net-pci"),
  RTL8139("rtl8139"),
  E1000("e1000");

  private final String device;

  NicModel(String device) {
    this.device = device;
  }

  /** QEMU's {@code -device} name. */
  public String device() {
    return device;
  }
}
