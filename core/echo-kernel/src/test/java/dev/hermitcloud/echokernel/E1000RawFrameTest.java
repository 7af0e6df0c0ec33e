package dev.hermitcloud.echokernel;

class E1000RawFrameTest extends RawFrameContract {
  @Override
  String nic() {
    return "e1000";
  }
}
