package dev.hermitcloud.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultDecision;
import dev.hermitcloud.emulator.fault.FaultPlan;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.stats.RequestStats;
import dev.hermitcloud.emulator.time.Pause;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's one handler. For a cloud call: resolve the effective method ({@code
 * X-HTTP-Method-Override} on a POST, which Google's clients send for PATCH), route, count, let the
 * dialect admit it, decide faults, add latency, run the handler or the fault, write the answer.
 * Calls under {@code /_fake} go to the admin routes instead: never counted, admitted or faulted.
 * A path no route serves is answered by the dialect's error, logged and counted apart, so nothing
 * is silently accepted.
 */
final class Dispatcher implements HttpHandler {
  static final String ADMIN = "/_fake";
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  private final EmulatorServer.Builder config;
  private final Router router;
  private final Router admin;
  private final CloudDialect dialect;
  private final RequestStats stats;
  private final FaultPlan faults;
  private volatile Duration latency;

  Dispatcher(EmulatorServer.Builder config) {
    this.config = config;
    this.router = config.router;
    this.admin = config.admin;
    this.dialect = config.dialect;
    this.stats = config.stats;
    this.faults = config.faults;
    this.latency = config.latency;
  }

  void latency(Duration perCall) {
    this.latency = perCall;
  }

  Duration latency() {
    return latency;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Request request = null;
    try {
      String method = effectiveMethod(exchange);
      String rawPath = exchange.getRequestURI().getRawPath();
      if (rawPath.equals(ADMIN) || rawPath.startsWith(ADMIN + "/")) {
        Optional<Router.Match> match = admin.find(method, rawPath);
        request = request(exchange, method, rawPath, match.map(Router.Match::vars).orElse(Map.of()));
        write(request, match.isEmpty()
            ? error(request, ApiError.of(404, "notFound", "No such emulator admin call: "
                + method + " " + rawPath))
            : run(request, match.get().route()));
        return;
      }
      Optional<Router.Match> match = router.find(method, rawPath);
      request = request(exchange, method, rawPath, match.map(Router.Match::vars).orElse(Map.of()));
      if (match.isEmpty()) {
        stats.unknownRequest(method, rawPath);
        LOG.warning(config.name + ": no route for " + method + " " + exchange.getRequestURI());
        exchange.getRequestBody().readAllBytes();
        Reply reply = error(request, dialect.noRoute(method, rawPath, router.knows(rawPath)));
        trace(request, Integer.toString(reply.status()));
        write(request, reply);
        return;
      }
      serve(request, match.get().route());
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.FINE, "connection problem", e);
      exchange.close(); // the client went away or sent a broken body
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, config.name + " failed on " + exchange.getRequestURI(), e);
      if (request == null) {
        exchange.close();
        return;
      }
      try {
        write(request, error(request, dialect.crashed(e)));
      } catch (IOException | RuntimeException ignored) {
        exchange.close();
      }
    }
  }

  private void serve(Request request, Route route) throws IOException {
    boolean mutating = route.mutating().test(request);
    stats.request(route.key(), mutating);
    Fault fault;
    try {
      dialect.admit(request, route);
      FaultDecision decision = faults.decide(request.method(), route.template(), mutating);
      Pause.of(latency.plus(decision.latency()));
      fault = decision.fault();
      if (fault != null && fault.kind() != Fault.Kind.EFFECT) {
        trace(request, "injected " + decision.rule());
        dialect.injected(request, fault);
        inject(request, route, fault);
        if (mutating) {
          config.afterChange.run();
        }
        return;
      }
    } catch (ApiError e) {
      write(request, error(request, e));
      return;
    }
    if (fault != null) {
      request.attachEffect(fault.effect());
    }
    Reply reply = run(request, route);
    if (mutating && reply.status() < 400) {
      config.afterChange.run(); // before answering, so the caller sees the consequences at once
    }
    trace(request, Integer.toString(reply.status()));
    write(request, reply);
  }

  /** Carries out a fault that takes the request over, in place of (or around) its handler. */
  private void inject(Request request, Route route, Fault fault) throws IOException {
    HttpExchange exchange = request.exchange();
    switch (fault.kind()) {
      case HTTP_ERROR -> {
        exchange.getRequestBody().readAllBytes();
        String message = fault.message() != null ? fault.message()
            : dialect.faultMessage(fault.status());
        String reason = fault.reason() != null ? fault.reason() : dialect.faultReason(fault.status());
        ApiError error = ApiError.of(fault.status(), reason, message);
        write(request, error(request, fault.retryAfterSeconds() == null ? error
            : error.withRetryAfter(fault.retryAfterSeconds())));
      }
      case CONNECTION_RESET -> ReplyWriter.drop(exchange);
      case RESPONSE_LOST -> {
        run(request, route);
        ReplyWriter.drop(exchange);
      }
      case REQUEST_BODY_CUT -> {
        request.truncateBody(fault.fraction());
        run(request, route);
        ReplyWriter.drop(exchange);
      }
      case TRUNCATED_RESPONSE -> writeTruncated(request, run(request, route));
      case CUT_BODY -> {
        // only a read really runs: a cut answer to a write must not have changed anything
        Reply reply = request.method().equals("GET") ? run(request, route)
            : Reply.json(200, Json.object().put("truncated", "x".repeat(64)));
        writeTruncated(request, reply);
      }
      case LATENCY, EFFECT -> throw new IllegalStateException(fault + " never takes a request over");
    }
  }

  /** Runs the handler; whatever it throws becomes the answer, except a client gone away. */
  private Reply run(Request request, Route route) {
    try {
      return route.handler().handle(request);
    } catch (ApiError e) {
      return error(request, e);
    } catch (UncheckedIOException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(request, dialect.crashed(e));
    } catch (Exception e) {
      if (e instanceof RuntimeException) {
        LOG.log(Level.WARNING, config.name + " failed on " + route.key(), e);
      }
      return error(request, dialect.crashed(e));
    }
  }

  private Reply error(Request request, ApiError e) {
    Reply reply = dialect.error(request, e);
    if (e.retryAfterSeconds() != null) {
      reply.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
    }
    return reply;
  }

  private void write(Request request, Reply reply) throws IOException {
    dialect.decorate(request, reply);
    ReplyWriter.write(request.exchange(), reply, dialect.jsonContentType());
  }

  private void writeTruncated(Request request, Reply reply) throws IOException {
    dialect.decorate(request, reply);
    ReplyWriter.writeTruncated(request.exchange(), reply, dialect.jsonContentType());
  }

  private Request request(HttpExchange exchange, String method, String rawPath,
      Map<String, String> vars) {
    return new Request(exchange, method, rawPath, vars, dialect);
  }

  private void trace(Request request, String outcome) {
    PrintStream out = config.trace;
    if (out != null) {
      String query = request.rawQuery();
      out.println(config.name + ": " + request.method() + " " + request.rawPath()
          + (query == null ? "" : "?" + query) + " -> " + outcome);
    }
  }

  private static String effectiveMethod(HttpExchange exchange) {
    String method = exchange.getRequestMethod().toUpperCase();
    String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
    return override != null && method.equals("POST") ? override.trim().toUpperCase() : method;
  }
}
