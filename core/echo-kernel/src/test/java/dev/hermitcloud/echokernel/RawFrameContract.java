package dev.hermitcloud.echokernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The kernel's network stack seen from the wire, for one NIC model (the subclass): QEMU carries raw
 * Ethernet frames over UDP to this test, which plays DHCP server, then sends ARP, ICMP and hand-made TCP
 * segments. QEMU's user network cannot show any of this (slirp answers ICMP itself and hides TCP).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
abstract class RawFrameContract {
  static final byte[] TEST_MAC = Frame.mac("02:00:00:00:00:01");
  static final int SERVER_IP = Frame.ip("10.9.8.1");
  static final int GUEST_IP = Frame.ip("10.9.8.7");
  static final int MASK = Frame.ip("255.255.255.0");
  static final Duration WAIT = Duration.ofSeconds(10);

  FrameLink link;
  QemuGuest guest;
  byte[] guestMac;
  TestDhcpServer.ClientMessage request;

  abstract String nic();

  @BeforeAll
  void bootAndLease() throws IOException {
    link = new FrameLink();
    guest = QemuGuest.withFrameSocket(Path.of("target", "qemu", getClass().getSimpleName()), nic(), "port=8000",
        link.qemuPort(), link.testPort());
    TestDhcpServer dhcp = new TestDhcpServer(link, TEST_MAC, SERVER_IP);
    dhcp.await(TestDhcpServer.DISCOVER, QemuGuest.BOOT_TIMEOUT); // unanswered: the kernel must try again
    TestDhcpServer.ClientMessage discover = dhcp.await(TestDhcpServer.DISCOVER, WAIT);
    guestMac = discover.frame().srcMac();
    dhcp.answer(discover, TestDhcpServer.OFFER, GUEST_IP, MASK, 3600);
    request = dhcp.await(TestDhcpServer.REQUEST, WAIT);
    dhcp.answer(request, TestDhcpServer.ACK, GUEST_IP, MASK, 3600);
    guest.awaitListening(8000);
  }

  @AfterAll
  void stop() {
    if (guest != null) {
      guest.close();
    }
    if (link != null) {
      link.close();
    }
  }

  @Test
  void dhcpRetriesRequestsTheOfferAndConfiguresTheLease() {
    assertThat(request.frame().dstMac()).isEqualTo(Frame.BROADCAST);
    assertThat(request.chaddr()).isEqualTo(guestMac);
    assertThat(request.optionInt(50)).as("requested address").isEqualTo(GUEST_IP);
    assertThat(request.optionInt(54)).as("server identifier").isEqualTo(SERVER_IP);
    assertThat(guest.report()).containsSubsequence(
        EchoKernel.PREFIX + "dhcp: discover",
        EchoKernel.PREFIX + "dhcp: no offer yet, discover again",
        EchoKernel.PREFIX + "dhcp: offer 10.9.8.7 from 10.9.8.1",
        EchoKernel.PREFIX + "dhcp: ack 10.9.8.7 mask 255.255.255.0 gateway 10.9.8.1 dns 10.9.8.1 lease 3600s",
        EchoKernel.LISTENING);
  }

  @Test
  void arpRequestForItsAddressIsAnswered() throws IOException {
    link.send(Frame.ethernet(Frame.BROADCAST, TEST_MAC, Frame.ARP,
        Frame.arp(1, TEST_MAC, SERVER_IP, new byte[6], GUEST_IP)));
    Frame reply = link.expect("ARP reply", f -> f.etherType() == Frame.ARP, WAIT);

    ByteBuffer arp = ByteBuffer.wrap(reply.bytes, 14, 28).slice();
    assertThat(reply.dstMac()).isEqualTo(TEST_MAC);
    assertThat(reply.srcMac()).isEqualTo(guestMac);
    assertThat(arp.getShort(6)).as("opcode").isEqualTo((short) 2);
    assertThat(slice(reply.bytes, 14 + 8, 6)).as("sender MAC").isEqualTo(guestMac);
    assertThat(arp.getInt(14)).as("sender IP").isEqualTo(GUEST_IP);
    assertThat(slice(reply.bytes, 14 + 18, 6)).as("target MAC").isEqualTo(TEST_MAC);
    assertThat(arp.getInt(24)).as("target IP").isEqualTo(SERVER_IP);
  }

  @Test
  void arpRequestForAnotherAddressIsIgnored() throws IOException {
    link.send(Frame.ethernet(Frame.BROADCAST, TEST_MAC, Frame.ARP,
        Frame.arp(1, TEST_MAC, SERVER_IP, new byte[6], Frame.ip("10.9.8.99"))));
    assertThat(link.receive(f -> f.etherType() == Frame.ARP, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void pingIsAnswered() throws IOException {
    byte[] data = "echo-kernel ping payload 0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    link.send(Frame.ethernet(guestMac, TEST_MAC, Frame.IPV4,
        Frame.ipv4(SERVER_IP, GUEST_IP, Frame.ICMP, Frame.icmpEcho(8, 0x4242, 7, data))));
    Frame reply = link.expect("ICMP echo reply", f -> f.isIpv4(Frame.ICMP), WAIT);

    assertThat(reply.dstMac()).isEqualTo(TEST_MAC);
    assertThat(reply.ipSrc()).isEqualTo(GUEST_IP);
    assertThat(reply.ipDst()).isEqualTo(SERVER_IP);
    assertThat(reply.ipChecksumOk()).isTrue();
    assertThat(reply.l4ChecksumOk()).isTrue();
    ByteBuffer icmp = ByteBuffer.wrap(reply.bytes, reply.l4(), reply.l4Length()).slice();
    assertThat(icmp.get(0)).as("type: echo reply").isEqualTo((byte) 0);
    assertThat(icmp.getShort(4)).as("identifier").isEqualTo((short) 0x4242);
    assertThat(icmp.getShort(6)).as("sequence").isEqualTo((short) 7);
    assertThat(slice(reply.bytes, reply.l4() + 8, reply.l4Length() - 8)).isEqualTo(data);
    guest.awaitLine(Pattern.quote(EchoKernel.PREFIX + "icmp: echo request from 10.9.8.1 id 16962 seq 7, "
        + (8 + data.length) + " bytes"), WAIT);
  }

  @Test
  void tcpHandshakeRequestAnswerAndCloseInBothDirections() throws IOException {
    RawTcpPeer peer = peer();
    Frame synAck = peer.connect(1400);
    assertThat(synAck.mss()).as("the kernel's MSS").isEqualTo(1460);

    peer.send(Frame.ACK | Frame.PSH, "GET /raw?k=v HTTP/1.1\r\nHost: raw\r\n\r\n");
    String answer = new String(peer.readAnswerAndClose(), StandardCharsets.ISO_8859_1);

    assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("GET /raw?k=v HTTP/1.1\nHost = \"raw\"\n"
        + "RemoteAddr = \"10.9.8.1:" + peer.port + "\"\nForm[\"k\"] = [\"v\"]\n");
  }

  @Test
  void unacknowledgedDataIsRetransmittedOnTimeout() throws IOException {
    RawTcpPeer peer = peer();
    peer.connect(1460);
    peer.send(Frame.ACK | Frame.PSH, "GET /lost HTTP/1.1\r\nHost: lost\r\n\r\n");
    Frame first = peer.receiveData("answer", WAIT);
    long firstAt = System.nanoTime();
    // we "lose" it: no ACK. The kernel must send the same bytes again after its timeout (1 s).
    Frame again = peer.receiveData("retransmission", Duration.ofSeconds(5));
    long waitedMs = (System.nanoTime() - firstAt) / 1_000_000;

    assertThat(again.seq()).isEqualTo(first.seq());
    assertThat(again.tcpData()).isEqualTo(first.tcpData());
    assertThat(waitedMs).as("retransmission timeout, ms").isBetween(500L, 4000L);
    assertThat(new String(peer.readAnswerAndClose(again), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  void aDroppedMiddleSegmentIsResentGoBackN() throws IOException {
    RawTcpPeer peer = peer();
    peer.connect(0); // no MSS option: the kernel must assume RFC 1122's 536
    peer.send(Frame.ACK | Frame.PSH, "GET /multi?" + "m=y&".repeat(200) + " HTTP/1.1\r\nHost: m\r\n\r\n");
    Frame one = peer.receiveData("segment 1", WAIT);
    Frame two = peer.receiveData("segment 2", WAIT);
    assertThat(one.tcpData()).as("full-sized segment under the default MSS").hasSize(536);
    assertThat(two.seq()).isEqualTo((one.seq() + one.tcpData().length) & 0xffffffffL);
    peer.rcvNxt = one.seq() + one.tcpData().length;
    peer.send(Frame.ACK, ""); // acknowledge segment 1 only; 2 and later count as lost
    Frame resent = peer.link.expect("segment 2 again", f -> peer.ours(f) && f.seq() == two.seq()
        && f.tcpData().length > 0, Duration.ofSeconds(5));
    assertThat(resent.tcpData()).isEqualTo(two.tcpData());
    String rest = new String(peer.readAnswerAndClose(resent), StandardCharsets.ISO_8859_1);
    String all = new String(one.tcpData(), StandardCharsets.ISO_8859_1) + rest;
    assertThat(all).startsWith("HTTP/1.1 200 OK").endsWith("Form[\"m\"] = [" + "\"y\" ".repeat(199) + "\"y\"]\n");
  }

  @Test
  void theClientsWindowIsRespected() throws IOException {
    RawTcpPeer peer = peer();
    peer.window = 100;
    peer.connect(1460);
    peer.send(Frame.ACK | Frame.PSH, "GET /window?" + "w=x&".repeat(150) + " HTTP/1.1\r\nHost: w\r\n\r\n");
    List<Integer> sizes = new ArrayList<>();
    StringBuilder answer = new StringBuilder();
    while (true) {
      Frame f = peer.receive("answer within our window");
      long inFlight = (f.seq() + f.tcpData().length - peer.rcvNxt) & 0xffffffffL;
      assertThat(inFlight).as("bytes beyond what we acknowledged").isLessThanOrEqualTo(100);
      if (f.seq() == (peer.rcvNxt & 0xffffffffL)) {
        sizes.add(f.tcpData().length);
        answer.append(new String(f.tcpData(), StandardCharsets.ISO_8859_1));
        peer.rcvNxt += f.seqLength();
        peer.send(Frame.ACK, "");
        if (f.has(Frame.FIN)) {
          break;
        }
      }
    }
    assertThat(sizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(100));
    assertThat(answer.length()).isGreaterThan(1000);
    assertThat(answer.toString()).contains("Form[\"w\"] = [\"x\" \"x\"");
  }

  @Test
  void aZeroWindowIsProbedAndReopened() throws IOException {
    RawTcpPeer peer = peer();
    peer.connect(1460);
    peer.window = 0;
    peer.send(Frame.ACK | Frame.PSH, "GET /zero HTTP/1.1\r\nHost: zero\r\n\r\n");
    Frame probe = peer.receiveData("zero-window probe", Duration.ofSeconds(5));
    assertThat(probe.tcpData()).as("a probe is one byte").hasSize(1);
    assertThat(probe.seq()).isEqualTo(peer.rcvNxt & 0xffffffffL);
    peer.window = 65535; // the probe's ACK opens the window; the probe byte itself is not taken
    peer.send(Frame.ACK, "");
    assertThat(new String(peer.readAnswerAndClose(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  void outOfOrderSegmentsAreAcknowledgedAtTheGap() throws IOException {
    RawTcpPeer peer = peer();
    peer.connect(1460);
    String first = "GET /gap HTTP/1.1\r\n";
    String second = "Host: gap\r\n\r\n";
    long start = peer.sndNxt;
    peer.sendAt(start + first.length(), Frame.ACK, second.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    Frame dupAck = peer.receive("duplicate ACK");
    assertThat(dupAck.ack()).as("still waiting for the first byte").isEqualTo(start & 0xffffffffL);

    peer.send(Frame.ACK, first);
    peer.send(Frame.ACK, second); // the peer must resend what it dropped
    assertThat(new String(peer.readAnswerAndClose(), StandardCharsets.ISO_8859_1))
        .contains("GET /gap HTTP/1.1\nHost = \"gap\"\n");
  }

  @Test
  void lostSynAckIsSentAgain() throws IOException {
    RawTcpPeer peer = peer();
    peer.send(Frame.SYN, "", Frame.mssOption(1460));
    Frame synAck = peer.receive("SYN-ACK");
    Frame again = peer.receive("SYN-ACK after its timeout", Duration.ofSeconds(5));
    assertThat(again.has(Frame.SYN | Frame.ACK)).isTrue();
    assertThat(again.seq()).isEqualTo(synAck.seq());
    peer.rcvNxt = synAck.seq() + 1;
    peer.send(Frame.ACK | Frame.PSH, "GET /late HTTP/1.1\r\nHost: late\r\n\r\n");
    assertThat(new String(peer.readAnswerAndClose(), StandardCharsets.ISO_8859_1)).contains("GET /late HTTP/1.1\n");
  }

  @Test
  void segmentsForNoConnectionAreReset() throws IOException {
    RawTcpPeer stray = peer();
    stray.rcvNxt = 123456;
    stray.send(Frame.ACK, "data for nobody");
    Frame reset = stray.receive("RST for a stray ACK");
    assertThat(reset.has(Frame.RST)).isTrue();
    assertThat(reset.seq()).as("RFC 793: seq of a reset is the stray's ack").isEqualTo(123456);

    RawTcpPeer closedPort = new RawTcpPeer(link, TEST_MAC, SERVER_IP, guestMac, GUEST_IP, 8001);
    closedPort.send(Frame.SYN, "");
    Frame refused = closedPort.receive("RST for a SYN to a closed port");
    assertThat(refused.has(Frame.RST | Frame.ACK)).isTrue();
    assertThat(refused.ack()).isEqualTo((closedPort.iss + 1) & 0xffffffffL);
  }

  @Test
  void aResetFromTheClientEndsItsConnection() throws IOException {
    RawTcpPeer peer = peer();
    peer.connect(1460);
    peer.send(Frame.ACK, "GET /reset-me HTTP/1.1\r\n");
    peer.receive("ACK of the partial request");
    peer.send(Frame.RST, "");
    guest.awaitLine(Pattern.quote(EchoKernel.PREFIX + "connection from 10.9.8.1:" + peer.port + " reset by the client"),
        WAIT);
    peer.send(Frame.ACK, "more");
    assertThat(peer.receive("RST: the connection is gone").has(Frame.RST)).isTrue();
  }

  @Test
  void theKernelStaysUpThroughAllOfIt() {
    assertThat(guest.alive()).isTrue();
    assertThat(guest.report()).noneMatch(l -> l.contains("panic"));
  }

  RawTcpPeer peer() {
    return new RawTcpPeer(link, TEST_MAC, SERVER_IP, guestMac, GUEST_IP, 8000);
  }

  static byte[] slice(byte[] b, int from, int len) {
    byte[] out = new byte[len];
    System.arraycopy(b, from, out, 0, len);
    return out;
  }
}
