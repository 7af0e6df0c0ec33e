package dev.hermitcloud.openstack.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The fake's one HTTP entry point: routes a call, counts it, checks its token, applies armed
 * faults, runs the handler and writes the answer with an {@code x-openstack-request-id}.
 */
final class HttpDispatcher implements HttpHandler {
  private final Router router;
  private final TokenStore tokens;
  private final Faults faults;
  private final RequestStats stats;
  private final HttpHandler admin;
  private final Runnable afterChange;
  private final boolean trace;

  /** @param afterChange run after every successful mutating call (the app stand-in catches up) */
  HttpDispatcher(
      Router router,
      TokenStore tokens,
      Faults faults,
      RequestStats stats,
      HttpHandler admin,
      Runnable afterChange,
      boolean trace) {
    this.router = router;
    this.tokens = tokens;
    this.faults = faults;
    this.stats = stats;
    this.admin = admin;
    this.afterChange = afterChange;
    this.trace = trace;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Service service = Service.of(path);
    if (service == Service.ADMIN) {
      admin.handle(exchange);
      return;
    }
    String requestId = "req-" + Ids.random();
    try {
      serve(exchange, path, service, requestId);
    } catch (UncheckedIOException | IOException e) {
      exchange.close(); // the client went away or sent a broken body
    }
  }

  private void serve(HttpExchange exchange, String path, Service service, String requestId)
      throws IOException {
    String method = exchange.getRequestMethod().toUpperCase();
    Optional<Router.Match> match = router.match(method, path);
    String template = match.map(m -> m.route().template()).orElse(path);
    ApiRequest request =
        new ApiRequest(exchange, path, match.map(Router.Match::params).orElse(Map.of()));
    boolean mutating = match.isPresent() && match.get().route().mutating().test(request);
    stats.record(method + " " + template, mutating);
    Reply reply;
    try {
      if (match.isEmpty()) {
        throw router.pathKnown(path)
            ? ApiException.of(405, "The method is not allowed for the requested URL.")
            : ApiException.notFound("The resource could not be found.");
      }
      Route route = match.get().route();
      authenticate(request, route, service);
      Faults.Decision decision = faults.decide(method, template, mutating);
      sleep(decision.latency().toMillis());
      if (decision.fired() != null) {
        trace(exchange, method, path, "injected " + decision.fired());
        InjectedFault.apply(decision.fired(), request, route, requestId, tokens);
        if (mutating) {
          afterChange.run();
        }
        return;
      }
      reply = route.handler().handle(request);
    } catch (ApiException e) {
      reply = ErrorShapes.render(service, e);
    } catch (UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      e.printStackTrace();
      reply = ErrorShapes.render(service, ApiException.of(500, "Unexpected API Error: " + e));
    }
    if (mutating && reply.status < 400) {
      afterChange.run(); // before answering, so the caller sees the consequences at once
    }
    if (service == Service.NOVA) {
      reply.header("X-Compute-Request-Id", requestId);
    }
    trace(exchange, method, path, Integer.toString(reply.status));
    ReplyWriter.write(exchange, reply, requestId);
  }

  private void authenticate(ApiRequest request, Route route, Service service) {
    if (route.open() || KeystoneApi.issuesTokens(route)) {
      return;
    }
    TokenStore.IssuedToken token =
        tokens.valid(request.header("X-Auth-Token")).orElseThrow(ApiException::unauthorized);
    if (service != Service.KEYSTONE && token.project() == null) {
      throw ApiException.unauthorized();
    }
    request.token = token;
  }

  private void trace(HttpExchange exchange, String method, String path, String outcome) {
    if (trace) {
      String query = exchange.getRequestURI().getRawQuery();
      System.err.println("fake-openstack: " + method + " " + path
          + (query == null ? "" : "?" + query) + " -> " + outcome);
    }
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
