package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.CloudDialect;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Route;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How the OpenStack services speak: each its own error shape ({@link ErrorShapes}), a Keystone
 * token on every call but the token request (checked before any fault, as the auth middleware
 * runs first), an injected 401 that also revokes the caller's token, and an {@code
 * x-openstack-request-id} (Nova: also {@code X-Compute-Request-Id}) on every answer.
 */
final class OpenStackDialect implements CloudDialect {
  private final TokenStore tokens;

  OpenStackDialect(TokenStore tokens) {
    this.tokens = tokens;
  }

  @Override
  public Reply error(Request request, ApiError error) {
    return ErrorShapes.render(Service.of(request.path()), error);
  }

  /** Parses a request body; malformed JSON is the client's fault, so it becomes a 400. */
  @Override
  public JsonNode parseJson(byte[] body) {
    if (body.length == 0) {
      throw OpenStackErrors.badRequest("Malformed request body: empty body");
    }
    try {
      return Json.parse(body);
    } catch (JsonProcessingException e) {
      throw OpenStackErrors.badRequest("Malformed request body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ApiError noRoute(String method, String rawPath, boolean otherMethod) {
    return otherMethod
        ? OpenStackErrors.of(405, "The method is not allowed for the requested URL.")
        : OpenStackErrors.notFound("The resource could not be found.");
  }

  @Override
  public ApiError crashed(Exception e) {
    return OpenStackErrors.of(500, "Unexpected API Error: " + e);
  }

  /** The text each status carries in the real services. */
  @Override
  public String faultMessage(int status) {
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

  @Override
  public void admit(Request request, Route route) {
    if (KeystoneApi.isOpen(route)) {
      return;
    }
    TokenStore.IssuedToken token = tokens.valid(request.header("X-Auth-Token"))
        .orElseThrow(OpenStackErrors::unauthorized);
    if (Service.of(request.path()) != Service.KEYSTONE && token.project() == null) {
      throw OpenStackErrors.unauthorized();
    }
    request.attach(TokenStore.IssuedToken.class, token);
  }

  @Override
  public void injected(Request request, Fault fault) {
    TokenStore.IssuedToken token = Caller.token(request);
    if (fault.kind() == Fault.Kind.HTTP_ERROR && fault.status() == 401 && token != null) {
      tokens.revoke(token.id());
    }
  }

  @Override
  public void decorate(Request request, Reply reply) {
    String requestId = "req-" + Ids.uuid();
    reply.header("x-openstack-request-id", requestId);
    if (Service.of(request.path()) == Service.NOVA) {
      reply.header("X-Compute-Request-Id", requestId);
    }
  }
}
