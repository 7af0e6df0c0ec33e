package dev.hermitcloud.echokernel;

/** QEMU's default virtio-net-pci is transitional; the kernel prefers its modern (virtio 1.0) interface. */
class VirtioModernHttpTest extends HttpEchoContract {
  @Override
  String nic() {
    return "virtio-net-pci";
  }

  @Override
  String nicLogPattern() {
    return "virtio-net \\(modern, virtio 1\\.0\\) 1af4:1000";
  }
}
