package dev.hermitcloud.openstack.fake;

import java.io.IOException;

/** Carries out a fired {@link FaultRule} on one request, in place of (or around) its handler. */
final class InjectedFault {
  private InjectedFault() {}

  static void apply(
      FaultRule rule, ApiRequest request, Route route, String requestId, TokenStore tokens)
      throws IOException {
    switch (rule.kind) {
      case STATUS -> {
        if (rule.status == 401 && request.token != null) {
          tokens.revoke(request.token.id());
        }
        Reply reply = ErrorShapes.render(route.service(),
            new ApiException(rule.status, message(rule.status), null, rule.retryAfterSeconds));
        ReplyWriter.write(request.exchange, reply, requestId);
      }
      case RESET -> request.exchange.close();
      case CUT_BODY -> {
        // only a read may really run: a cut answer to a write must not have changed anything
        Reply reply = route.method().equals("GET")
            ? route.handler().handle(request)
            : Reply.json(200, Json.object().put("truncated", "x".repeat(64)));
        ReplyWriter.writeHalf(request.exchange, reply, requestId);
      }
      case RESET_AFTER_COMMIT -> {
        try {
          route.handler().handle(request);
        } catch (ApiException rejected) {
          // nothing was committed; the connection drops all the same
        }
        request.exchange.close();
      }
      case LATENCY -> throw new IllegalStateException("latency never takes a request over");
    }
  }

  /** The text each status carries in the real services. */
  static String message(int status) {
    return switch (status) {
      case 401 -> "The request you have made requires authentication.";
      case 403 -> "Policy doesn't allow this operation to be performed.";
      case 409 -> "There was a conflict when trying to complete your request.";
      case 413, 429 -> "This request was rate-limited.";
      case 503 -> "The server is currently unavailable. Please try again at a later time.";
      default -> "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ "
          + "and attach the Nova API log if possible.";
    };
  }
}
