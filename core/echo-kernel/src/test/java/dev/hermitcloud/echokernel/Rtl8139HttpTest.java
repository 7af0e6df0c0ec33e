package dev.hermitcloud.echokernel;

/** Realtek RTL8139. */
class Rtl8139HttpTest extends HttpEchoContract {
  @Override
  String nic() {
    return "rtl8139";
  }

  @Override
  String nicLogPattern() {
    return "rtl8139 10ec:8139";
  }
}
