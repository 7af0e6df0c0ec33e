package dev.hermitcloud.gce;

import dev.hermitcloud.HermitException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.storage.StorageException;
import dev.hermitcloud.CloudException;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns Google client exceptions into {@link CloudException}s. Both clients keep the HTTP answer as a
 * {@link HttpResponseException} somewhere in the cause chain: its status, its {@code Retry-After}
 * header, and the error body whose {@code errors[].reason} (such as {@code alreadyExists} or
 * {@code rateLimitExceeded}) gax itself drops. Without an HTTP answer the call died on the
 * connection (reset, lost or truncated response, timeout): status 0.
 */
final class GceErrors {
  private GceErrors() {}

  static Exception translate(Exception error) {
    if (error instanceof HermitException) {
      return error;
    }
    HttpResponseException http = find(error, HttpResponseException.class);
    if (http != null) {
      Optional<GoogleErrorBody> body = GoogleErrorBody.parse(http.getContent());
      // a 403 that is a rate limit carries no Retry-After and clears within the minute: retry it like a 429
      boolean throttled = http.getStatusCode() == 403 && body.map(GoogleErrorBody::rateLimited).orElse(false);
      String message = body.filter(b -> !b.message().isEmpty()).map(GoogleErrorBody::describe).orElseGet(() -> statusLine(http));
      return new CloudException(http.getStatusCode(), http.getStatusCode() == 412 ? OrgPolicyHints.explain(message) : message,
          retryAfter(http.getHeaders().getRetryAfter()), throttled, error);
    }
    StorageException storage = find(error, StorageException.class);
    if (storage != null && storage.getCode() > 0) {
      return new CloudException(storage.getCode(), storage.getMessage()
          + (storage.getReason() == null ? "" : " (" + storage.getReason() + ")"), null, error);
    }
    if (find(error, IOException.class) != null || storage != null) {
      return CloudException.connection(describe(error), error);
    }
    ApiException api = find(error, ApiException.class);
    if (api != null) {
      return switch (api.getStatusCode().getCode()) {
        case UNKNOWN, CANCELLED, DEADLINE_EXCEEDED, UNAVAILABLE -> CloudException.connection(describe(error), error);
        default -> new CloudException(httpStatus(api), api.getMessage(), null, error);
      };
    }
    return error;
  }

  private static String statusLine(HttpResponseException http) {
    String status = http.getStatusMessage();
    return "HTTP " + http.getStatusCode() + (status == null ? "" : " " + status);
  }

  /** {@code Retry-After} as seconds or as an HTTP date. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static int httpStatus(ApiException api) {
    Object transport = api.getStatusCode().getTransportCode();
    if (transport instanceof Integer code && code >= 400) {
      return code;
    }
    return switch (api.getStatusCode().getCode()) {
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      default -> 500;
    };
  }

  /** The connection-level cause (or the root cause), without the request dumps outer exceptions carry. */
  private static String describe(Throwable error) {
    Throwable telling = find(error, IOException.class);
    if (telling == null) {
      telling = error;
      while (telling.getCause() != null && telling.getCause() != telling) {
        telling = telling.getCause();
      }
    }
    return telling.getClass().getSimpleName() + (telling.getMessage() == null ? "" : ": " + telling.getMessage());
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
