package dev.hermitcloud.echokernel;

class Rtl8139RawFrameTest extends RawFrameContract {
  @Override
  String nic() {
    return "rtl8139";
  }
}
