package dev.hermitcloud.spec;

/** The transport protocols a firewall rule can open. */
public enum Protocol {
  TCP,
  UDP;

  /** The lower-case name clouds use ({@code tcp}, {@code udp}). */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
