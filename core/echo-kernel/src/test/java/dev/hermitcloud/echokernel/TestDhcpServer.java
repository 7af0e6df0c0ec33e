package dev.hermitcloud.echokernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Plays the DHCP server (RFC 2131) on a {@link FrameLink} for one lease. */
final class TestDhcpServer {
  static final int MAGIC = 0x63825363;
  static final int DISCOVER = 1;
  static final int OFFER = 2;
  static final int REQUEST = 3;
  static final int ACK = 5;

  /** A DHCP message the guest sent. */
  record ClientMessage(Frame frame, int type, int xid, byte[] chaddr, Map<Integer, byte[]> options) {
    int optionInt(int code) {
      return ByteBuffer.wrap(options.get(code)).getInt();
    }
  }

  private final FrameLink link;
  private final byte[] serverMac;
  private final int serverIp;

  TestDhcpServer(FrameLink link, byte[] serverMac, int serverIp) {
    this.link = link;
    this.serverMac = serverMac;
    this.serverIp = serverIp;
  }

  ClientMessage await(int type, Duration timeout) throws IOException {
    Frame f = link.expect("DHCP message type " + type, frame -> parse(frame) != null && parse(frame).type == type,
        timeout);
    return parse(f);
  }

  static ClientMessage parse(Frame f) {
    if (!f.isIpv4(Frame.UDP) || f.dstPort() != 67) {
      return null;
    }
    ByteBuffer m = ByteBuffer.wrap(f.udpPayload());
    if (m.capacity() < 240 || m.get(0) != 1 || m.getInt(236) != MAGIC) {
      return null;
    }
    byte[] chaddr = new byte[6];
    m.get(28, chaddr);
    Map<Integer, byte[]> options = new HashMap<>();
    for (int i = 240; i < m.capacity() && (m.get(i) & 0xff) != 255; ) {
      int code = m.get(i) & 0xff;
      if (code == 0) {
        i++;
        continue;
      }
      int len = m.get(i + 1) & 0xff;
      byte[] value = new byte[len];
      m.get(i + 2, value);
      options.put(code, value);
      i += 2 + len;
    }
    byte[] type = options.get(53);
    return type == null ? null : new ClientMessage(f, type[0], m.getInt(4), chaddr, options);
  }

  /** Answers {@code request} with an OFFER or ACK of {@code address}. */
  void answer(ClientMessage request, int type, int address, int mask, int leaseSeconds) throws IOException {
    ByteBuffer m = ByteBuffer.allocate(300);
    m.put(0, (byte) 2).put(1, (byte) 1).put(2, (byte) 6).putInt(4, request.xid).putShort(10, (short) 0x8000)
        .putInt(16, address).putInt(20, serverIp).put(28, request.chaddr).putInt(236, MAGIC);
    m.position(240);
    m.put((byte) 53).put((byte) 1).put((byte) type);
    m.put((byte) 54).put((byte) 4).putInt(serverIp);
    m.put((byte) 51).put((byte) 4).putInt(leaseSeconds);
    m.put((byte) 1).put((byte) 4).putInt(mask);
    m.put((byte) 3).put((byte) 4).putInt(serverIp);
    m.put((byte) 6).put((byte) 4).putInt(serverIp);
    m.put((byte) 255);
    int broadcast = 0xffffffff;
    link.send(Frame.ethernet(Frame.BROADCAST, serverMac, Frame.IPV4,
        Frame.ipv4(serverIp, broadcast, Frame.UDP, Frame.udp(serverIp, broadcast, 67, 68, m.array()))));
  }
}
