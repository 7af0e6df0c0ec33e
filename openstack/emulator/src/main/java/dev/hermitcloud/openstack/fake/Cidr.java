package dev.hermitcloud.openstack.fake;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 prefix as Neutron takes it: a bare address means a host prefix, and host bits
 * are cleared ({@code 10.0.0.5/24} becomes {@code 10.0.0.0/24}).
 */
record Cidr(InetAddress network, int prefixLength) {

  /** Parses a prefix, or returns null if it is not one; never resolves names. */
  static Cidr parse(String text) {
    if (text == null || !text.matches("[0-9a-fA-F:.]+(/[0-9]{1,3})?") || !text.matches(".*[.:].*")) {
      return null;
    }
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    if (!addressText.contains(":") && !addressText.matches("([0-9]{1,3}\\.){3}[0-9]{1,3}")) {
      return null;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(addressText);
    } catch (UnknownHostException e) {
      return null;
    }
    int bits = address.getAddress().length * 8;
    int length = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
    if (length > bits) {
      return null;
    }
    return new Cidr(mask(address, length), length);
  }

  boolean isIpv6() {
    return network.getAddress().length == 16;
  }

  boolean contains(InetAddress address) {
    if (address.getAddress().length != network.getAddress().length) {
      return false;
    }
    return mask(address, prefixLength).equals(network);
  }

  boolean contains(String address) {
    Cidr host = parse(address);
    return host != null && contains(host.network());
  }

  /** The n-th address of the prefix, e.g. {@code 127.0.1.0/24} and 2 gives {@code 127.0.1.2}. */
  String address(int n) {
    BigInteger value = new BigInteger(1, network.getAddress()).add(BigInteger.valueOf(n));
    byte[] raw = value.toByteArray();
    byte[] out = new byte[network.getAddress().length];
    System.arraycopy(raw, Math.max(0, raw.length - out.length), out,
        Math.max(0, out.length - raw.length), Math.min(raw.length, out.length));
    try {
      return InetAddress.getByAddress(out).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many addresses the prefix holds, capped for IPv6. */
  long size() {
    int hostBits = network.getAddress().length * 8 - prefixLength;
    return hostBits >= 62 ? Long.MAX_VALUE : 1L << hostBits;
  }

  @Override
  public String toString() {
    return network.getHostAddress().replaceAll("(^|:)0(:0)+(:|$)", "::") + "/" + prefixLength;
  }

  private static InetAddress mask(InetAddress address, int length) {
    byte[] bytes = address.getAddress();
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, length - i * 8));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
