package dev.hermitcloud.spec;

import dev.hermitcloud.internal.validation.Check;
import dev.hermitcloud.InvalidSpecException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What "the app answers" means: an HTTP GET that returns a 2xx or 3xx status, or a TCP port that accepts
 * a connection, on every instance's address. {@code apply()} returns only once it holds.
 */
@Value.Immutable
public abstract class Health {
  /** The port probed on each instance. */
  public abstract int port();

  /** The HTTP path, or empty for a plain TCP connect. */
  public abstract Optional<String> httpPath();

  public static Health http(int port, String path) {
    Check.required("health.path", path, "give the path to GET, e.g. Health.http(8000, \"/\"), or use Health.tcp(8000)");
    return ImmutableHealth.builder().port(port).httpPath(path).build();
  }

  public static Health tcp(int port) {
    return ImmutableHealth.builder().port(port).build();
  }

  @Value.Check
  protected void check() {
    Check.within("health.port", port(), 1, 65535);
    httpPath().ifPresent(path -> {
      Check.oneLine("health.path", path, 2048);
      if (!path.startsWith("/") || path.contains(" ")) {
        throw new InvalidSpecException("health.path", path, "must start with '/' and contain no spaces, e.g. \"/\" or \"/healthz\"");
      }
    });
  }

  @Override
  public String toString() {
    return httpPath().map(p -> "http :" + port() + p).orElse("tcp :" + port());
  }
}
