package dev.hermitcloud.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * What an HTTP endpoint on a loopback address answers, for tests of booted guests: wait for the first
 * answer (a guest under TCG takes a while to boot), or try once. Waits, not timed assertions.
 *
 * <p>Example: {@code HttpAnswers.await(URI.create("http://127.0.0.2:8000/hello"), Duration.ofMinutes(5))}.
 */
public final class HttpAnswers {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpAnswers() {}

  /** The body of the first answer within {@code wait}, or empty if nothing answered. */
  public static Optional<String> await(URI uri, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    do {
      Optional<String> body = once(uri);
      if (body.isPresent()) {
        return body;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }

  /** The body, or empty when nothing accepts the connection or answers. */
  public static Optional<String> once(URI uri) throws InterruptedException {
    try {
      return Optional.of(HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException refused) {
      return Optional.empty();
    }
  }
}
