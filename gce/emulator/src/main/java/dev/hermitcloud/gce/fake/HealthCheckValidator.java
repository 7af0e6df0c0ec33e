package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Validates a health check like GCE and fills its defaults. The fake probes TCP and HTTP only.
 * Defaults: checkIntervalSec 5, timeoutSec 5, healthyThreshold 2, unhealthyThreshold 2, port 80,
 * requestPath "/"; timeoutSec may not exceed checkIntervalSec
 * (per https://docs.cloud.google.com/java/docs/reference/google-cloud-compute/1.47.0/com.google.cloud.compute.v1.HealthCheckOrBuilder
 * and https://developers.google.com/resources/api-libraries/documentation/compute/v1/csharp/latest/classGoogle_1_1Apis_1_1Compute_1_1v1_1_1Data_1_1HealthCheck.html).
 */
final class HealthCheckValidator {
  /** Each type and the block that must describe it. */
  private static final Map<String, String> BLOCKS = Map.of("TCP", "tcpHealthCheck", "HTTP", "httpHealthCheck");
  private static final String[] OTHER_BLOCKS =
      {"httpsHealthCheck", "http2HealthCheck", "sslHealthCheck", "grpcHealthCheck"};

  private HealthCheckValidator() {}

  static ObjectNode normalize(ObjectNode body) {
    ObjectNode out = body.deepCopy();
    FieldRules.name("resource.name", GoogleJson.text(body, "name"));
    FieldRules.description("resource.description", GoogleJson.text(body, "description"));
    String type = GoogleJson.text(body, "type");
    if (type == null) {
      throw GoogleErrors.required("resource.type");
    }
    String block = BLOCKS.get(type);
    if (block == null) {
      throw GoogleErrors.invalidField("resource.type", type, "This fake probes TCP and HTTP health checks only.");
    }
    for (String other : BLOCKS.values()) {
      if (!other.equals(block) && body.hasNonNull(other)) {
        throw GoogleErrors.invalidField("resource." + other, "",
            "The health check type " + type + " does not match the " + other + " given.");
      }
    }
    for (String other : OTHER_BLOCKS) {
      if (body.hasNonNull(other)) {
        throw GoogleErrors.invalidField("resource." + other, "",
            "The health check type " + type + " does not match the " + other + " given.");
      }
    }
    ObjectNode params = out.withObjectProperty(block);
    long port = orDefault(params, "port", 80, "resource." + block + ".port");
    if (port < 1 || port > 65535) {
      throw GoogleErrors.invalidField("resource." + block + ".port", String.valueOf(port),
          "Must be between 1 and 65535.");
    }
    params.put("port", (int) port);
    if (!params.has("portSpecification")) {
      params.put("portSpecification", "USE_FIXED_PORT");
    }
    if (type.equals("HTTP")) {
      String path = GoogleJson.text(params, "requestPath");
      if (path == null) {
        params.put("requestPath", "/");
      } else if (!path.startsWith("/")) {
        throw GoogleErrors.invalidField("resource.httpHealthCheck.requestPath", path, "Must start with '/'.");
      }
      if (!params.has("proxyHeader")) {
        params.put("proxyHeader", "NONE");
      }
    }
    long interval = orDefault(out, "checkIntervalSec", 5, "resource.checkIntervalSec");
    long timeout = orDefault(out, "timeoutSec", 5, "resource.timeoutSec");
    if (interval < 1 || interval > 300) {
      throw GoogleErrors.invalidField("resource.checkIntervalSec", String.valueOf(interval),
          "Must be between 1 and 300.");
    }
    if (timeout < 1 || timeout > interval) {
      throw GoogleErrors.invalidField("resource.timeoutSec", String.valueOf(timeout),
          "Must be at least 1 and not greater than checkIntervalSec.");
    }
    for (String threshold : new String[] {"healthyThreshold", "unhealthyThreshold"}) {
      long n = orDefault(out, threshold, 2, "resource." + threshold);
      if (n < 1 || n > 10) {
        throw GoogleErrors.invalidField("resource." + threshold, String.valueOf(n), "Must be between 1 and 10.");
      }
    }
    return out;
  }

  /** The int field, or {@code fallback} written into {@code node} when absent. */
  private static long orDefault(ObjectNode node, String field, long fallback, String fieldPath) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      node.put(field, (int) fallback);
      return fallback;
    }
    if (!v.canConvertToLong() && !v.isTextual()) {
      throw GoogleErrors.invalidField(fieldPath, v.asText(), "Must be an integer.");
    }
    long n = GoogleJson.int64(node, field);
    node.put(field, (int) n);
    return n;
  }
}
