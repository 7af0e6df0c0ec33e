package dev.hermitcloud.internal.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Why a probe got no answer, in words: the JDK's HTTP client reports a refused connection as
 * {@code ConnectException} with no message, which tells a reader nothing.
 */
final class ProbeFailure {
  private ProbeFailure() {}

  /** {@code e}, raised by a probe that waited at most {@code timeout}, as a phrase such as "connection refused". */
  static String words(IOException e, Duration timeout) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException || message.contains("timed out")) {
      return "timed out after " + timeout.toMillis() / 1000.0 + " s (nothing answered)";
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof ConnectException) {
      return "connection refused (nothing listens on that port yet)";
    }
    if (message.contains("received no bytes") || e instanceof java.io.EOFException) {
      return "connection closed without an answer";
    }
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
