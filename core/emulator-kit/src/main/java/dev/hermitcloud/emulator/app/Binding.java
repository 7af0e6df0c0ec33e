package dev.hermitcloud.emulator.app;

/** An address and port the app stand-in answers on, and the machine it answers for. */
public record Binding(String address, int port, String machine) implements Comparable<Binding> {
  /** {@code address:port}. */
  public String endpoint() {
    return address + ":" + port;
  }

  @Override
  public int compareTo(Binding o) {
    int c = address.compareTo(o.address);
    if (c == 0) {
      c = Integer.compare(port, o.port);
    }
    return c != 0 ? c : machine.compareTo(o.machine);
  }
}
