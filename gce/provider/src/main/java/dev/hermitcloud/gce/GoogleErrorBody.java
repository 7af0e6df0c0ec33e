package dev.hermitcloud.gce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The standard error body of Google's JSON APIs, {@code {"error":{"code","message","errors":[{"reason"}],
 * "details":[{"@type":"...ErrorInfo","reason"}]}}}, which gax drops on the REST transport: the message,
 * the legacy {@code errors[].reason}s (shown) and the ErrorInfo reasons (only classified).
 *
 * <p>Example: {@code GoogleErrorBody.parse(content).map(GoogleErrorBody::rateLimited)}.
 */
record GoogleErrorBody(String message, Set<String> reasons, Set<String> errorInfoReasons) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Rate quotas, refilled each minute: "If your project exceeds a rate quota, you receive a 403 error with
   * the reason rateLimitExceeded" (https://cloud.google.com/compute/api-quota). Terraform matches the
   * message too (hashicorp/terraform-provider-google, google/transport/error_retry_predicates.go), and
   * retries CONCURRENT_OPERATIONS_QUOTA_EXCEEDED, which clears when operations finish
   * (https://github.com/hashicorp/terraform-provider-google/issues/9207).
   */
  private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded",
      "RATE_LIMIT_EXCEEDED", "CONCURRENT_OPERATIONS_QUOTA_EXCEEDED");
  private static final Pattern RATE_QUOTA_MESSAGE = Pattern.compile(
      "Quota exceeded for quota (metric|group) '[^']*' and limit '[^']*per (minute|100 seconds)[^']*' of service.*",
      Pattern.DOTALL);

  /** The body, or empty when it is not Google's JSON error (a proxy's page). */
  static Optional<GoogleErrorBody> parse(String content) {
    if (content == null || content.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(content);
      JsonNode error = root.has("error") ? root.get("error") : root;
      String message = error.path("message").asText("");
      Set<String> reasons = new LinkedHashSet<>();
      Set<String> infoReasons = new LinkedHashSet<>();
      for (JsonNode item : error.path("errors")) {
        if (item.hasNonNull("reason")) {
          reasons.add(item.get("reason").asText());
        }
        if (message.isEmpty()) {
          message = item.path("message").asText("");
        }
      }
      for (JsonNode detail : error.path("details")) {
        if (detail.path("@type").asText("").endsWith("google.rpc.ErrorInfo") && detail.hasNonNull("reason")) {
          infoReasons.add(detail.get("reason").asText());
        }
      }
      return message.isEmpty() && reasons.isEmpty() ? Optional.empty()
          : Optional.of(new GoogleErrorBody(message, reasons, infoReasons));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the call hit a rate quota (retry after a while), as opposed to a resource quota (final). */
  boolean rateLimited() {
    return reasons.stream().anyMatch(RATE_LIMIT_REASONS::contains)
        || errorInfoReasons.stream().anyMatch(RATE_LIMIT_REASONS::contains) || RATE_QUOTA_MESSAGE.matcher(message).matches();
  }

  /** {@code message (reason, ...)}. */
  String describe() {
    return message + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")");
  }
}
