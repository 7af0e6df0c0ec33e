package dev.hermitcloud.echokernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ip= and gw= on the command line replace DHCP; port= moves the listener. */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class StaticAddressTest {
  static final byte[] TEST_MAC = Frame.mac("02:00:00:00:00:02");
  static final int TEST_IP = Frame.ip("10.7.3.9");
  static final int GUEST_IP = Frame.ip("10.7.0.5");

  @Test
  void staticAddressNoDhcpOtherPort() throws IOException {
    try (FrameLink link = new FrameLink();
        QemuGuest guest = QemuGuest.withFrameSocket(Path.of("target", "qemu", "StaticAddressTest"), "e1000",
            "ip=10.7.0.5/16 gw=10.7.0.1 port=8080", link.qemuPort(), link.testPort())) {
      guest.awaitListening(8080);
      assertThat(guest.report()).contains(EchoKernel.PREFIX
          + "static address 10.7.0.5 mask 255.255.0.0 gateway 10.7.0.1 (from the command line, no DHCP)")
          .noneMatch(l -> l.contains("dhcp"));

      link.send(Frame.ethernet(Frame.BROADCAST, TEST_MAC, Frame.ARP,
          Frame.arp(1, TEST_MAC, TEST_IP, new byte[6], GUEST_IP)));
      Frame arp = link.expect("ARP reply", f -> f.etherType() == Frame.ARP, Duration.ofSeconds(10));
      assertThat(ByteBuffer.wrap(arp.bytes).getInt(14 + 14)).isEqualTo(GUEST_IP);

      RawTcpPeer peer = new RawTcpPeer(link, TEST_MAC, TEST_IP, arp.srcMac(), GUEST_IP, 8080);
      peer.connect(1460);
      peer.send(Frame.ACK | Frame.PSH, "GET /static HTTP/1.1\r\nHost: s\r\n\r\n");
      assertThat(new String(peer.readAnswerAndClose(), StandardCharsets.ISO_8859_1))
          .contains("RemoteAddr = \"10.7.3.9:" + peer.port + "\"");
    }
  }
}
