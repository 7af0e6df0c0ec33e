package dev.hermitcloud.gce.fake;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 range in CIDR notation ({@code 10.0.0.0/8}); a bare address is a /32 or /128. */
record Cidr(byte[] network, int prefix) {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

  /** Parses a range, failing with the 400 GCE gives for a malformed {@code field}. */
  static Cidr parse(String field, String text) {
    String value = text == null ? "" : text.trim();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    boolean v4 = IPV4.matcher(address).matches();
    if (!v4 && !IPV6.matcher(address).matches()) {
      throw bad(field, text);
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (v4 != (bytes.length == 4)) {
        throw bad(field, text);
      }
      int max = bytes.length * 8;
      int prefix = slash < 0 ? max : Integer.parseInt(value.substring(slash + 1));
      if (prefix < 0 || prefix > max) {
        throw bad(field, text);
      }
      return new Cidr(bytes, prefix);
    } catch (UnknownHostException | NumberFormatException e) {
      throw bad(field, text);
    }
  }

  boolean contains(InetAddress address) {
    byte[] other = address.getAddress();
    if (other.length != network.length) {
      return false;
    }
    int bits = network.length * 8;
    BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        .shiftRight(prefix).not();
    BigInteger a = new BigInteger(1, network).and(mask);
    BigInteger b = new BigInteger(1, other).and(mask);
    return a.equals(b);
  }

  private static GoogleApiError bad(String field, String text) {
    return GoogleApiError.invalidField(field, text, "Must be a CIDR address range that is"
        + " contained in the valid IP address space (e.g. 10.0.0.0/8 or 0.0.0.0/0).");
  }
}
