package dev.hermitcloud.spec;

import dev.hermitcloud.InvalidSpecException;
import org.immutables.value.Value;

/** A single port or an inclusive range of ports of one protocol, such as {@code tcp:8000} or {@code udp:5000-5010}. */
@Value.Immutable
public abstract class Port {
  public abstract Protocol protocol();

  /** The first port of the range. */
  public abstract int from();

  /** The last port of the range; equal to {@link #from()} for a single port. */
  public abstract int to();

  public static Port tcp(int port) {
    return of(Protocol.TCP, port, port);
  }

  public static Port tcp(int from, int to) {
    return of(Protocol.TCP, from, to);
  }

  public static Port udp(int port) {
    return of(Protocol.UDP, port, port);
  }

  public static Port udp(int from, int to) {
    return of(Protocol.UDP, from, to);
  }

  public static Port of(Protocol protocol, int from, int to) {
    return ImmutablePort.builder().protocol(protocol).from(from).to(to).build();
  }

  /** Parses {@code tcp:8000}, {@code udp:53} or {@code tcp:8000-8010}; a bare number means TCP. */
  public static Port parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidSpecException("port", text, "is empty: write it as tcp:8000, udp:53 or tcp:8000-8010");
    }
    String[] protoAndRange = text.trim().split(":", 2);
    Protocol protocol = Protocol.TCP;
    String range = protoAndRange[0];
    if (protoAndRange.length == 2) {
      try {
        protocol = Protocol.valueOf(protoAndRange[0].toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidSpecException("port.protocol", protoAndRange[0], "is not a protocol: use tcp or udp");
      }
      range = protoAndRange[1];
    }
    String[] bounds = range.split("-", 2);
    try {
      int from = Integer.parseInt(bounds[0].trim());
      int to = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : from;
      return of(protocol, from, to);
    } catch (NumberFormatException e) {
      throw new InvalidSpecException("port", text, "is not a port or range: write it as tcp:8000 or tcp:8000-8010");
    }
  }

  /** Whether {@code port} of {@code protocol} falls in this range. */
  public boolean covers(Protocol protocol, int port) {
    return protocol == protocol() && port >= from() && port <= to();
  }

  /** The range as clouds write it: {@code 8000} or {@code 8000-8010}. */
  public String range() {
    return from() == to() ? Integer.toString(from()) : from() + "-" + to();
  }

  @Value.Check
  protected void check() {
    if (from() < 1 || from() > 65535) {
      throw new InvalidSpecException("port.from", from(), "is not a port: use 1-65535");
    }
    if (to() < 1 || to() > 65535) {
      throw new InvalidSpecException("port.to", to(), "is not a port: use 1-65535");
    }
    if (to() < from()) {
      throw new InvalidSpecException("port.to", to(), "is below the range start " + from() + ": write the range low-high");
    }
  }

  @Override
  public String toString() {
    return protocol().wireName() + ":" + range();
  }
}
