package dev.hermitcloud.echokernel;

class VirtioModernRawFrameTest extends RawFrameContract {
  @Override
  String nic() {
    return "virtio-net-pci";
  }
}
