package dev.hermitcloud.emulator.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one client address an emulator's firewalls are checked against: tests and the SDK reach the
 * emulated machines from 127.0.0.1, so a rule admits "the client" when its sources hold that.
 */
public final class Loopback {
  /** 127.0.0.1 as text. */
  public static final String CLIENT_ADDRESS = "127.0.0.1";

  /** 127.0.0.1. */
  public static final InetAddress CLIENT = client();

  private Loopback() {}

  /** Whether {@code address} is an IPv4 loopback address (127.0.0.0/8), where emulated machines live. */
  public static boolean isLoopback(String address) {
    return Cidr.parse("127.0.0.0/8").contains(address);
  }

  private static InetAddress client() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
