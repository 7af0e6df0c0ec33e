package dev.hermitcloud.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.fault.Fault;

/**
 * How one cloud speaks, where clouds differ: its error bodies, how it words a malformed body or an
 * unknown path, what it checks before a call (a token), and the headers every answer carries. The
 * kit's server asks it at each of those points; everything else is the kit's.
 */
public interface CloudDialect {
  /**
   * Renders an error in the cloud's shape. The server adds {@code Retry-After} when the error
   * carries one.
   */
  Reply error(Request request, ApiError error);

  /** Parses a request body as JSON, refusing it with the cloud's own 400. */
  JsonNode parseJson(byte[] body);

  /** The error for a path no route serves; {@code otherMethod} when another method would be. */
  ApiError noRoute(String method, String rawPath, boolean otherMethod);

  /** The error for a handler that failed with anything but an {@link ApiError}. */
  ApiError crashed(Exception e);

  /** The message an injected {@link Fault#httpError} carries when the rule gives none. */
  String faultMessage(int status);

  /** The reason (code) an injected {@link Fault#httpError} carries when the rule gives none. */
  default String faultReason(int status) {
    return null;
  }

  /** The Content-Type of JSON answers. */
  default String jsonContentType() {
    return "application/json";
  }

  /**
   * Runs after a routed request is counted and before faults are decided: checks a token (throw
   * the {@link ApiError} to refuse), attaches what handlers need, tags statistics.
   */
  default void admit(Request request, Route route) {}

  /** Runs when a fault takes over a request, e.g. an injected 401 also revokes the token. */
  default void injected(Request request, Fault fault) {}

  /** Adds what every answer of this cloud carries (request ids), just before it is written. */
  default void decorate(Request request, Reply reply) {}
}
