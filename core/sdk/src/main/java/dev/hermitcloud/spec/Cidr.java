package dev.hermitcloud.spec;

import dev.hermitcloud.InvalidSpecException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An IPv4 or IPv6 network in CIDR notation, such as {@code 0.0.0.0/0} or {@code 2001:db8::/32}.
 *
 * <p>Host bits must be zero: {@code 10.1.2.3/8} is rejected with the network the user probably meant,
 * because clouds disagree on whether they silently truncate it. A bare address means a single host.
 */
@Value.Immutable
public abstract class Cidr {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** The network address bytes: 4 for IPv4, 16 for IPv6. */
  @Value.Redacted
  abstract byte[] address();

  /** The prefix length. */
  public abstract int prefix();

  /** Whether this is an IPv6 network. */
  public boolean isIpv6() {
    return address().length == 16;
  }

  /** Parses a CIDR or a single address; the field name defaults to {@code source}. */
  public static Cidr parse(String text) {
    return parse("source", text);
  }

  /** Parses a CIDR or a single address, naming {@code field} in errors. */
  public static Cidr parse(String field, String text) {
    String fix = ": write an IPv4 or IPv6 network such as 203.0.113.0/24, 0.0.0.0/0 or 2001:db8::/32";
    if (text == null || text.isBlank()) {
      throw new InvalidSpecException(field, text, "is empty" + fix);
    }
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
    boolean v4 = IPV4.matcher(host).matches();
    if (!v4 && !IPV6.matcher(host).matches()) {
      throw new InvalidSpecException(field, text, "is not an IP address or network" + fix);
    }
    byte[] bytes;
    try {
      // Only literal addresses reach here (the patterns above), so this never does a DNS lookup.
      bytes = InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException e) {
      throw new InvalidSpecException(field, text, "is not an IP address or network" + fix);
    }
    if (v4 && bytes.length != 4) {
      throw new InvalidSpecException(field, text, "is not an IP address or network" + fix);
    }
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new InvalidSpecException(field, text, "has no valid prefix length after '/': use 0-" + max);
      }
      if (prefix < 0 || prefix > max) {
        throw new InvalidSpecException(field, text, "has prefix length " + prefix + ": use 0-" + max);
      }
    }
    byte[] network = mask(bytes, prefix);
    if (!java.util.Arrays.equals(network, bytes)) {
      Cidr meant = ImmutableCidr.builder().address(network).prefix(prefix).build();
      throw new InvalidSpecException(field, text, "has host bits set: did you mean " + meant + "?");
    }
    return ImmutableCidr.builder().address(bytes).prefix(prefix).build();
  }

  /** The network that allows everything of this address family. */
  public static Cidr anyIpv4() {
    return parse("0.0.0.0/0");
  }

  /** Whether {@code address} lies in this network. */
  public boolean contains(InetAddress address) {
    byte[] other = address.getAddress();
    return other.length == address().length && java.util.Arrays.equals(mask(other, prefix()), address());
  }

  /**
   * Whether some address lies in both networks: {@code 127.0.0.1/32} and {@code 0.0.0.0/0} overlap
   * {@code 127.0.0.0/8}, {@code 10.0.0.0/8} does not; networks of different families never overlap.
   */
  public boolean overlaps(Cidr other) {
    if (other.address().length != address().length) {
      return false;
    }
    // Two networks overlap exactly when the shorter prefix covers both network addresses.
    int shorter = Math.min(prefix(), other.prefix());
    return java.util.Arrays.equals(mask(address(), shorter), mask(other.address(), shorter));
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    int bits = bytes.length * 8;
    BigInteger value = new BigInteger(1, bytes);
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    byte[] raw = value.andNot(hostMask).toByteArray();
    byte[] out = new byte[bytes.length];
    int copy = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
    return out;
  }

  @Override
  public String toString() {
    try {
      String host = InetAddress.getByAddress(address()).getHostAddress();
      if (isIpv6()) {
        host = compressIpv6(host);
      }
      return host + "/" + prefix();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address bytes were validated", e);
    }
  }

  private static String compressIpv6(String full) {
    // The JDK prints 2001:db8:0:0:0:0:0:0; clouds echo the short form, and we compare with what they echo.
    String[] groups = full.split(":");
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < groups.length; ) {
      if (groups[i].equals("0")) {
        int j = i;
        while (j < groups.length && groups[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen && j - i > 1) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
    return head + "::" + tail;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr c && c.prefix() == prefix() && java.util.Arrays.equals(c.address(), address());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(address()) * 31 + prefix();
  }
}
