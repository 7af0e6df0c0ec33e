package dev.hermitcloud.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Reply} to the exchange: whole, deliberately cut short, or not at all. */
final class ReplyWriter {
  private static final byte[] STAND_IN = "{\"truncated\": true}".getBytes(StandardCharsets.UTF_8);

  private ReplyWriter() {}

  static void write(HttpExchange exchange, Reply reply, String jsonContentType)
      throws IOException {
    headers(exchange, reply, jsonContentType);
    byte[] body = reply.body();
    boolean noBody = body.length == 0 || reply.status() == 204 || reply.status() == 304;
    exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  /**
   * Announces the full length, sends half the body and closes: a fixed-length response closed
   * early makes the server drop the connection, which the client sees as a body cut short. A body
   * too short to halve is replaced by a stand-in so that something is cut.
   */
  static void writeTruncated(HttpExchange exchange, Reply reply, String jsonContentType)
      throws IOException {
    headers(exchange, reply, jsonContentType);
    byte[] body = reply.body().length > 1 ? reply.body() : STAND_IN;
    exchange.sendResponseHeaders(reply.status(), body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    exchange.close();
  }

  /** Drops the connection without any answer. */
  static void drop(HttpExchange exchange) {
    exchange.close();
  }

  private static void headers(HttpExchange exchange, Reply reply, String jsonContentType) {
    var headers = exchange.getResponseHeaders();
    String contentType = reply.contentType() != null ? reply.contentType()
        : reply.isJson() ? jsonContentType : null;
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    reply.headers().forEach(headers::set);
  }
}
