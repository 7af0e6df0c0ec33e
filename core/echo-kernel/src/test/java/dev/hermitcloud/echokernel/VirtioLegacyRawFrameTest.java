package dev.hermitcloud.echokernel;

class VirtioLegacyRawFrameTest extends RawFrameContract {
  @Override
  String nic() {
    return "virtio-net-pci,disable-modern=on";
  }
}
