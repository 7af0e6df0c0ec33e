package dev.hermitcloud.emulator.net;

/** A TCP or UDP port range, {@code low} to {@code high} inclusive: {@code "8000"} or {@code "8000-8010"}. */
public record PortRange(int low, int high) {
  public PortRange {
    if (low < 0 || high > 65535 || low > high) {
      throw new IllegalArgumentException("not a port range: " + low + "-" + high);
    }
  }

  /** Parses {@code "8000"} or {@code "8000-8010"}; anything else is an {@link IllegalArgumentException}. */
  public static PortRange parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no port range");
    }
    int dash = text.indexOf('-');
    try {
      int low = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
      int high = dash < 0 ? low : Integer.parseInt(text.substring(dash + 1));
      return new PortRange(low, high);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port range: '" + text + "'");
    }
  }

  public boolean contains(int port) {
    return port >= low && port <= high;
  }

  public int size() {
    return high - low + 1;
  }
}
