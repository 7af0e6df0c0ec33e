package dev.hermitcloud.gce.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes a {@link Reply} to the exchange, whole or deliberately cut. */
final class ExchangeWriter {
  private ExchangeWriter() {}

  static void write(HttpExchange exchange, Reply reply) throws IOException {
    for (Map.Entry<String, String> h : reply.headers().entrySet()) {
      exchange.getResponseHeaders().set(h.getKey(), h.getValue());
    }
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
   * Sends the headers announcing the full length and half the body, then closes: closing a
   * fixed-length response early makes the server drop the connection.
   */
  static void writeTruncated(HttpExchange exchange, Reply reply) throws IOException {
    for (Map.Entry<String, String> h : reply.headers().entrySet()) {
      exchange.getResponseHeaders().set(h.getKey(), h.getValue());
    }
    byte[] body = reply.body().length > 1 ? reply.body() : "{\"truncated\": true}".getBytes();
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
}
