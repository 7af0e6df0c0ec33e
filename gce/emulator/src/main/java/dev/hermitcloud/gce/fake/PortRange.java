package dev.hermitcloud.gce.fake;

/** A firewall port or port range: {@code "8000"} or {@code "8000-8010"}. */
record PortRange(int low, int high) {
  static PortRange parse(String field, String text) {
    try {
      int dash = text.indexOf('-');
      int low = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
      int high = dash < 0 ? low : Integer.parseInt(text.substring(dash + 1));
      if (low < 0 || high > 65535 || low > high) {
        throw new NumberFormatException();
      }
      return new PortRange(low, high);
    } catch (NumberFormatException | NullPointerException e) {
      throw GoogleApiError.invalidField(field, text,
          "Must be a port (0-65535) or a range such as 8000-8010.");
    }
  }

  boolean contains(int port) {
    return port >= low && port <= high;
  }

  int size() {
    return high - low + 1;
  }
}
