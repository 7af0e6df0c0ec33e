package dev.hermitcloud.echokernel;

/** A modern-only ("non-transitional") virtio-net: device id 0x1041, no I/O BAR at all. */
class VirtioModernOnlyHttpTest extends HttpEchoContract {
  @Override
  String nic() {
    return "virtio-net-pci-non-transitional";
  }

  @Override
  String nicLogPattern() {
    return "virtio-net \\(modern, virtio 1\\.0\\) 1af4:1041";
  }
}
