package dev.hermitcloud.examples.fake;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Where {@code --fake[=URL]} points: the URL given, which must answer; without one, the fake a {@code hermit
 * fake-...} command runs on its default port if it is up; else one started in this process.
 */
public final class FakeEndpoint {
  /** The value {@code --fake} takes without {@code =URL}. */
  public static final String AUTO = "";

  private FakeEndpoint() {}

  /**
   * @param flag the {@code --fake} value: {@link #AUTO}, or the base URL a fake command printed
   * @param defaultPort where the fake command listens unless told otherwise
   * @param inProcess starts (once) a fake in this process and returns its base URL
   */
  public static String resolve(String flag, int defaultPort, Supplier<String> inProcess) {
    if (!flag.equals(AUTO)) {
      String url = flag.endsWith("/") ? flag.substring(0, flag.length() - 1) : flag;
      if (!listening(url)) {
        throw new IllegalArgumentException("--fake=" + flag + ": nothing answers there; start it with"
            + " 'hermit fake-gce' or 'hermit fake-openstack' (their --port), or give --fake alone");
      }
      return url;
    }
    String shared = "http://127.0.0.1:" + defaultPort;
    return listening(shared) ? shared : inProcess.get();
  }

  /** Whether something accepts connections at the URL's host and port. */
  static boolean listening(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--fake=" + url + " is not a URL such as http://127.0.0.1:8089");
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("--fake=" + url + " needs a host and port, such as http://127.0.0.1:8089");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
