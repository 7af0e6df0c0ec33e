package dev.hermitcloud.gce.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's one handler: resolves the effective method ({@code X-HTTP-Method-Override}), routes,
 * counts, consults the fault plan, runs the handler and writes the reply. Unknown routes are
 * answered 404, logged and counted apart, so nothing is silently accepted.
 */
final class RequestDispatcher implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(RequestDispatcher.class.getName());
  static final String ADMIN_PREFIX = "/_fake/";

  private final Router router;
  private final FakeStats stats;
  private final FaultPlan faults;
  private final AdminHandler admin;

  RequestDispatcher(Router router, FakeStats stats, FaultPlan faults, AdminHandler admin) {
    this.router = router;
    this.stats = stats;
    this.faults = faults;
    this.admin = admin;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      dispatch(exchange);
    } catch (IOException e) {
      LOG.log(Level.FINE, "connection problem", e);
      exchange.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "fake failed on " + exchange.getRequestURI(), e);
      try {
        ExchangeWriter.write(exchange, ErrorJson.reply(500, "backendError", "Fake crashed: " + e));
      } catch (IOException | RuntimeException ignored) {
        exchange.close();
      }
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
    if (override != null && method.equals("POST")) {
      method = override.trim().toUpperCase();
    }
    String rawPath = exchange.getRequestURI().getRawPath();
    if (rawPath.startsWith(ADMIN_PREFIX)) {
      ExchangeWriter.write(exchange, admin.handle(method, rawPath,
          FakeRequest.readBody(exchange.getRequestBody(), exchange.getRequestHeaders())));
      return;
    }
    Router.Match match = router.find(method, rawPath);
    if (match == null) {
      stats.unknownRequest(method, rawPath);
      LOG.warning("fake-gce: no route for " + method + " " + exchange.getRequestURI());
      exchange.getRequestBody().readAllBytes();
      ExchangeWriter.write(exchange, ErrorJson.reply(404, "notFound",
          "No such API in this fake: " + method + " " + rawPath));
      return;
    }
    Router.Route route = match.route();
    stats.request(route.key(), route.mutating());
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null && ("&" + query).contains("&requestId=")) {
      stats.requestIdSeen(route.key());
    }
    FaultPlan.Decision decision = faults.decide(method, route.template(), route.mutating());
    sleep(decision.latencyMillis());
    Fault fault = decision.fault();
    if (fault != null) {
      switch (fault.kind()) {
        case HTTP_ERROR -> {
          exchange.getRequestBody().readAllBytes();
          Reply reply = ErrorJson.reply(fault.status(), fault.reason(), fault.message());
          if (fault.retryAfterSeconds() >= 0) {
            reply.header("Retry-After", Integer.toString(fault.retryAfterSeconds()));
          }
          ExchangeWriter.write(exchange, reply);
          return;
        }
        case CONNECTION_RESET -> {
          ExchangeWriter.drop(exchange);
          return;
        }
        default -> { }
      }
    }
    byte[] body;
    try {
      body = FakeRequest.readBody(exchange.getRequestBody(), exchange.getRequestHeaders());
    } catch (GoogleApiError e) {
      ExchangeWriter.write(exchange, ErrorJson.reply(e));
      return;
    }
    FakeRequest request = new FakeRequest(method, match.vars(),
        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
    if (fault != null) {
      switch (fault.kind()) {
        case OPERATION_ERROR -> request.injectOperationError(fault.operationError());
        case SLOW_OPERATION -> request.overrideOperationDuration(fault.duration());
        case UPLOAD_CHUNK_LOST -> request.truncateBody(fault.fraction());
        default -> { }
      }
    }
    Reply reply;
    try {
      reply = route.handler().handle(request);
    } catch (GoogleApiError e) {
      reply = ErrorJson.reply(e);
    } catch (IOException e) {
      reply = ErrorJson.reply(400, "invalid", "Invalid request: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply = ErrorJson.reply(503, "backendError", "Interrupted");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (fault != null) {
      switch (fault.kind()) {
        case RESPONSE_LOST, UPLOAD_CHUNK_LOST -> {
          ExchangeWriter.drop(exchange);
          return;
        }
        case TRUNCATED_RESPONSE -> {
          ExchangeWriter.writeTruncated(exchange, reply);
          return;
        }
        default -> { }
      }
    }
    ExchangeWriter.write(exchange, reply);
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
