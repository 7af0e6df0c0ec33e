package dev.hermitcloud.openstack.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link Reply} to the wire, whole or (for an injected fault) cut short. */
final class ReplyWriter {
  private ReplyWriter() {}

  static void write(HttpExchange exchange, Reply reply, String requestId) throws IOException {
    headers(exchange, reply, requestId);
    boolean noBody = reply.body.length == 0;
    exchange.sendResponseHeaders(reply.status, noBody ? -1 : reply.body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body);
    }
  }

  /** Announces the whole body, sends half of it, then drops the connection. */
  static void writeHalf(HttpExchange exchange, Reply reply, String requestId) throws IOException {
    headers(exchange, reply, requestId);
    int length = Math.max(2, reply.body.length);
    exchange.sendResponseHeaders(reply.status, length);
    OutputStream out = exchange.getResponseBody();
    out.write(reply.body, 0, Math.min(reply.body.length, length / 2));
    out.flush();
    exchange.close(); // the fixed-length stream is short, so the server drops the connection
  }

  private static void headers(HttpExchange exchange, Reply reply, String requestId) {
    var headers = exchange.getResponseHeaders();
    if (reply.contentType != null) {
      headers.set("Content-Type", reply.contentType);
    }
    headers.set("x-openstack-request-id", requestId);
    reply.headers.forEach(headers::set);
  }
}
