package dev.hermitcloud.emulator.http;

/** Serves one route: reads the request, answers a reply or throws an {@link ApiError}. */
@FunctionalInterface
public interface Handler {
  /**
   * Any other exception is the emulator's own failure, answered by {@link
   * CloudDialect#crashed(Exception)}; an {@link java.io.UncheckedIOException} means the client went
   * away, and the connection is closed.
   */
  Reply handle(Request request) throws Exception;
}
