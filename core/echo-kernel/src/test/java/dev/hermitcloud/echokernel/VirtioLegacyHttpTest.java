package dev.hermitcloud.echokernel;

/** A legacy-only virtio-net (virtio 0.9.5 registers in I/O space), as older clouds offer. */
class VirtioLegacyHttpTest extends HttpEchoContract {
  @Override
  String nic() {
    return "virtio-net-pci,disable-modern=on";
  }

  @Override
  String nicLogPattern() {
    return "virtio-net \\(legacy\\) 1af4:1000";
  }
}
