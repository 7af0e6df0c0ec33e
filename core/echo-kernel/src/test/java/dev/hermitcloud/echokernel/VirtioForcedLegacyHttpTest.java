package dev.hermitcloud.echokernel;

/** A transitional virtio-net driven through its legacy interface because the command line says so. */
class VirtioForcedLegacyHttpTest extends HttpEchoContract {
  @Override
  String nic() {
    return "virtio-net-pci";
  }

  @Override
  String extraCommandLine() {
    return "virtio=legacy";
  }

  @Override
  String nicLogPattern() {
    return "virtio-net \\(legacy\\) 1af4:1000";
  }
}
