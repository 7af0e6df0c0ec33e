package dev.hermitcloud.emulator.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 range in CIDR notation ({@code 10.0.0.0/8}); a bare address is a host range (/32
 * or /128). Host bits are cleared ({@code 10.0.0.5/24} is {@code 10.0.0.0/24}). Never resolves
 * names: only literal addresses parse.
 */
public record Cidr(InetAddress network, int prefixLength) {
  private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3}\\.){3}[0-9]{1,3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
  private static final Pattern PREFIX = Pattern.compile("[0-9]{1,3}");

  /** Parses a range, or empty if the text is not one. */
  public static Optional<Cidr> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    boolean v4 = IPV4.matcher(addressText).matches();
    if (!v4 && !IPV6.matcher(addressText).matches()) {
      return Optional.empty();
    }
    if (slash >= 0 && !PREFIX.matcher(text.substring(slash + 1)).matches()) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(addressText).getAddress();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    if (v4 != (bytes.length == 4)) {
      return Optional.empty(); // an IPv4-mapped IPv6 address, which no cloud takes as a range
    }
    int bits = bytes.length * 8;
    int length = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
    if (length > bits) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(mask(bytes, length), length));
  }

  /** Parses a range, failing with {@link IllegalArgumentException} if the text is not one. */
  public static Cidr parse(String text) {
    return tryParse(text).orElseThrow(
        () -> new IllegalArgumentException("not a CIDR range: '" + text + "'"));
  }

  public boolean isIpv6() {
    return network.getAddress().length == 16;
  }

  public boolean contains(InetAddress address) {
    byte[] other = address.getAddress();
    return other.length == network.getAddress().length
        && mask(other, prefixLength).equals(network);
  }

  /** Whether a literal address lies in the range; false for anything that is not an address. */
  public boolean contains(String address) {
    return tryParse(address).filter(host -> contains(host.network())).isPresent();
  }

  /** The n-th address of the range, e.g. {@code 127.0.1.0/24} and 2 give {@code 127.0.1.2}. */
  public String address(int n) {
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

  /** How many addresses the range holds, capped for IPv6. */
  public long size() {
    int hostBits = network.getAddress().length * 8 - prefixLength;
    return hostBits >= 62 ? Long.MAX_VALUE : 1L << hostBits;
  }

  /** The network and prefix, IPv6 with its longest run of zeros shortened to {@code ::}. */
  @Override
  public String toString() {
    return network.getHostAddress().replaceAll("(^|:)0(:0)+(:|$)", "::") + "/" + prefixLength;
  }

  private static InetAddress mask(byte[] address, int length) {
    byte[] bytes = address.clone();
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
