package dev.hermitcloud.echokernel;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ethernet frames for tests that talk to the kernel below TCP: building ARP, IPv4, ICMP, UDP and TCP
 * (checksums included) and reading those fields back out of what the guest sends.
 */
final class Frame {
  static final int ARP = 0x0806;
  static final int IPV4 = 0x0800;
  static final int ICMP = 1;
  static final int TCP = 6;
  static final int UDP = 17;
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int PSH = 0x08;
  static final int ACK = 0x10;
  static final byte[] BROADCAST = mac("ff:ff:ff:ff:ff:ff");

  final byte[] bytes;
  private final ByteBuffer b;

  Frame(byte[] bytes) {
    this.bytes = bytes;
    this.b = ByteBuffer.wrap(bytes);
  }

  static byte[] mac(String text) {
    return HexFormat.ofDelimiter(":").parseHex(text);
  }

  static int ip(String dotted) {
    int ip = 0;
    for (String part : dotted.split("\\.")) {
      ip = ip << 8 | Integer.parseInt(part);
    }
    return ip;
  }

  // ---- building

  static byte[] ethernet(byte[] dst, byte[] src, int type, byte[] payload) {
    return ByteBuffer.allocate(14 + payload.length).put(dst).put(src).putShort((short) type).put(payload).array();
  }

  static byte[] arp(int op, byte[] senderMac, int senderIp, byte[] targetMac, int targetIp) {
    return ByteBuffer.allocate(28).putShort((short) 1).putShort((short) IPV4).put((byte) 6).put((byte) 4)
        .putShort((short) op).put(senderMac).putInt(senderIp).put(targetMac).putInt(targetIp).array();
  }

  static byte[] ipv4(int src, int dst, int protocol, byte[] payload) {
    ByteBuffer ip = ByteBuffer.allocate(20 + payload.length);
    ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) 0x1234)
        .putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0).putInt(src).putInt(dst)
        .put(payload);
    ip.putShort(10, (short) checksum(ip.array(), 0, 20, 0));
    return ip.array();
  }

  static byte[] icmpEcho(int type, int id, int seq, byte[] data) {
    ByteBuffer icmp = ByteBuffer.allocate(8 + data.length).put((byte) type).put((byte) 0).putShort((short) 0)
        .putShort((short) id).putShort((short) seq).put(data);
    icmp.putShort(2, (short) checksum(icmp.array(), 0, icmp.capacity(), 0));
    return icmp.array();
  }

  static byte[] udp(int src, int dst, int sport, int dport, byte[] payload) {
    ByteBuffer udp = ByteBuffer.allocate(8 + payload.length).putShort((short) sport).putShort((short) dport)
        .putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
    udp.putShort(6, (short) checksum(udp.array(), 0, udp.capacity(), pseudoHeader(src, dst, UDP, udp.capacity())));
    return udp.array();
  }

  static byte[] tcp(int src, int dst, int sport, int dport, long seq, long ack, int flags, int window, byte[] options,
      byte[] data) {
    int header = 20 + options.length;
    ByteBuffer tcp = ByteBuffer.allocate(header + data.length).putShort((short) sport).putShort((short) dport)
        .putInt((int) seq).putInt((int) ack).put((byte) (header / 4 << 4)).put((byte) flags)
        .putShort((short) window).putShort((short) 0).putShort((short) 0).put(options).put(data);
    tcp.putShort(16, (short) checksum(tcp.array(), 0, tcp.capacity(), pseudoHeader(src, dst, TCP, tcp.capacity())));
    return tcp.array();
  }

  static byte[] mssOption(int mss) {
    return new byte[] {2, 4, (byte) (mss >> 8), (byte) mss};
  }

  static int pseudoHeader(int src, int dst, int protocol, int length) {
    return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
  }

  /** The Internet checksum of bytes[off, off+len) plus {@code initial}; 0 over data that carries a right one. */
  static int checksum(byte[] bytes, int off, int len, int initial) {
    long sum = initial & 0xffffffffL;
    for (int i = 0; i + 1 < len; i += 2) {
      sum += (bytes[off + i] & 0xff) << 8 | (bytes[off + i + 1] & 0xff);
    }
    if ((len & 1) != 0) {
      sum += (bytes[off + len - 1] & 0xff) << 8;
    }
    while (sum >> 16 != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }

  // ---- reading

  byte[] dstMac() {
    return Arrays.copyOfRange(bytes, 0, 6);
  }

  byte[] srcMac() {
    return Arrays.copyOfRange(bytes, 6, 12);
  }

  int etherType() {
    return b.getShort(12) & 0xffff;
  }

  boolean isIpv4(int protocol) {
    return bytes.length >= 34 && etherType() == IPV4 && (bytes[14] & 0xff) >> 4 == 4 && (bytes[23] & 0xff) == protocol;
  }

  int ipHeaderLength() {
    return (bytes[14] & 15) * 4;
  }

  int ipTotalLength() {
    return b.getShort(16) & 0xffff;
  }

  int ipSrc() {
    return b.getInt(26);
  }

  int ipDst() {
    return b.getInt(30);
  }

  boolean ipChecksumOk() {
    return checksum(bytes, 14, ipHeaderLength(), 0) == 0;
  }

  /** Offset of the IP payload. */
  int l4() {
    return 14 + ipHeaderLength();
  }

  int l4Length() {
    return ipTotalLength() - ipHeaderLength();
  }

  boolean l4ChecksumOk() {
    int protocol = bytes[23] & 0xff;
    int initial = protocol == ICMP ? 0 : pseudoHeader(ipSrc(), ipDst(), protocol, l4Length());
    return checksum(bytes, l4(), l4Length(), initial) == 0;
  }

  int srcPort() {
    return b.getShort(l4()) & 0xffff;
  }

  int dstPort() {
    return b.getShort(l4() + 2) & 0xffff;
  }

  byte[] udpPayload() {
    return Arrays.copyOfRange(bytes, l4() + 8, l4() + l4Length());
  }

  long seq() {
    return b.getInt(l4() + 4) & 0xffffffffL;
  }

  long ack() {
    return b.getInt(l4() + 8) & 0xffffffffL;
  }

  int tcpHeaderLength() {
    return ((bytes[l4() + 12] & 0xff) >> 4) * 4;
  }

  int flags() {
    return bytes[l4() + 13] & 0x3f;
  }

  boolean has(int flag) {
    return (flags() & flag) == flag;
  }

  int window() {
    return b.getShort(l4() + 14) & 0xffff;
  }

  /** The MSS option's value, or -1. */
  int mss() {
    for (int i = l4() + 20; i < l4() + tcpHeaderLength(); ) {
      int kind = bytes[i] & 0xff;
      if (kind == 0) {
        break;
      }
      if (kind == 1) {
        i++;
        continue;
      }
      if (kind == 2) {
        return b.getShort(i + 2) & 0xffff;
      }
      i += bytes[i + 1] & 0xff;
    }
    return -1;
  }

  byte[] tcpData() {
    return Arrays.copyOfRange(bytes, l4() + tcpHeaderLength(), l4() + l4Length());
  }

  /** Sequence space the segment takes: data plus one each for SYN and FIN. */
  long seqLength() {
    return tcpData().length + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
