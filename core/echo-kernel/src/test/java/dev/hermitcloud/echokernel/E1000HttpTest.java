package dev.hermitcloud.echokernel;

/** Intel 82540EM, QEMU's e1000. */
class E1000HttpTest extends HttpEchoContract {
  @Override
  String nic() {
    return "e1000";
  }

  @Override
  String nicLogPattern() {
    return "e1000 8086:100e";
  }
}
