package dev.hermitcloud.echokernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** A TCP client written out by hand, segment by segment, so a test can drop, reorder or withhold them. */
final class RawTcpPeer {
  static final Duration WAIT = Duration.ofSeconds(10);

  final FrameLink link;
  final byte[] mac;
  final int ip;
  final byte[] guestMac;
  final int guestIp;
  final int port;
  final int guestPort;
  final long iss = ThreadLocalRandom.current().nextLong(1L << 32);
  long sndNxt = iss;
  long rcvNxt;
  int window = 65535;

  RawTcpPeer(FrameLink link, byte[] mac, int ip, byte[] guestMac, int guestIp, int guestPort) {
    this.link = link;
    this.mac = mac;
    this.ip = ip;
    this.guestMac = guestMac;
    this.guestIp = guestIp;
    this.guestPort = guestPort;
    this.port = ThreadLocalRandom.current().nextInt(20000, 60000);
  }

  /** Sends one segment at sndNxt, acknowledging rcvNxt, and advances sndNxt past it. */
  void send(int flags, String data, byte[] options) throws IOException {
    sendAt(sndNxt, flags, data.getBytes(StandardCharsets.ISO_8859_1), options);
    sndNxt += data.length() + ((flags & Frame.SYN) != 0 ? 1 : 0) + ((flags & Frame.FIN) != 0 ? 1 : 0);
  }

  void send(int flags, String data) throws IOException {
    send(flags, data, new byte[0]);
  }

  void sendAt(long seq, int flags, byte[] data, byte[] options) throws IOException {
    link.send(Frame.ethernet(guestMac, mac, Frame.IPV4, Frame.ipv4(ip, guestIp, Frame.TCP,
        Frame.tcp(ip, guestIp, port, guestPort, seq & 0xffffffffL, (flags & Frame.ACK) != 0 ? rcvNxt & 0xffffffffL : 0,
            flags, window, options, data))));
  }

  /** The next segment of this connection from the guest (checksums verified). */
  Frame receive(String what, Duration timeout) throws IOException {
    Frame f = link.expect(what, this::ours, timeout);
    if (!f.ipChecksumOk() || !f.l4ChecksumOk()) {
      throw new AssertionError("bad checksum on " + f);
    }
    return f;
  }

  Frame receive(String what) throws IOException {
    return receive(what, WAIT);
  }

  boolean ours(Frame f) {
    return f.isIpv4(Frame.TCP) && f.ipSrc() == guestIp && f.dstPort() == port && f.srcPort() == guestPort;
  }

  /** The next segment of this connection that carries data. */
  Frame receiveData(String what, Duration timeout) throws IOException {
    Frame f = link.expect(what, frame -> ours(frame) && frame.tcpData().length > 0, timeout);
    if (!f.ipChecksumOk() || !f.l4ChecksumOk()) {
      throw new AssertionError("bad checksum on " + f);
    }
    return f;
  }

  /** SYN (with MSS option if mss > 0), SYN-ACK, ACK; returns the SYN-ACK. */
  Frame connect(int mss) throws IOException {
    send(Frame.SYN, "", mss > 0 ? Frame.mssOption(mss) : new byte[0]);
    Frame synAck = receive("SYN-ACK");
    if (!synAck.has(Frame.SYN | Frame.ACK) || synAck.ack() != ((iss + 1) & 0xffffffffL)) {
      throw new AssertionError("not a SYN-ACK for our SYN: flags " + synAck.flags() + " ack " + synAck.ack());
    }
    rcvNxt = synAck.seq() + 1;
    send(Frame.ACK, "");
    return synAck;
  }

  /**
   * Reads the answer to its end, acknowledging each in-order segment, answers the guest's FIN with ours and
   * waits for the last ACK. Returns the answer bytes.
   */
  byte[] readAnswerAndClose() throws IOException {
    return readAnswerAndClose(null);
  }

  /** As {@link #readAnswerAndClose()}, starting with a segment already received (if not null). */
  byte[] readAnswerAndClose(Frame pending) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    while (true) {
      Frame f = pending != null ? pending : receive("answer data or FIN");
      pending = null;
      if (f.seq() == (rcvNxt & 0xffffffffL)) {
        answer.writeBytes(f.tcpData());
        rcvNxt += f.seqLength();
      }
      if (f.has(Frame.FIN) && ((f.seq() + f.tcpData().length + 1) & 0xffffffffL) == (rcvNxt & 0xffffffffL)) {
        send(Frame.ACK | Frame.FIN, "");
        Frame last = receive("ACK of our FIN");
        if (!last.has(Frame.ACK) || last.ack() != (sndNxt & 0xffffffffL)) {
          throw new AssertionError("our FIN not acknowledged: ack " + last.ack() + " want " + sndNxt);
        }
        return answer.toByteArray();
      }
      send(Frame.ACK, "");
    }
  }
}
