package dev.hermitcloud.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermitcloud.CloudException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.openstack4j.api.EndpointTokenProvider;
import org.openstack4j.api.types.ServiceType;

/**
 * The calls openstack4j 3.12 cannot make, or makes while hiding the answer: plain HTTP with the session's
 * token against an endpoint of the service catalog. Every status comes back to the caller, who alone
 * knows what a 404 or a 412 means for its call; only a connection that fails is an exception here.
 *
 * <p>Example: {@code http.send(ServiceType.COMPUTE, "POST", "/servers/" + id + "/action", body, Map.of())}.
 */
final class OpenStackHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Clients clients;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  OpenStackHttp(Clients clients) {
    this.clients = clients;
  }

  /** What a service answered. */
  record Answer(int status, String body) {
    boolean ok() {
      return status / 100 == 2;
    }

    JsonNode json() throws IOException {
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    /**
     * The service's own message: Nova's and Neutron's JSON errors hold it one level down
     * ({@code {"itemNotFound": {"message": ...}}}, {@code {"NeutronError": {"message": ...}}}); Glance's are
     * HTML pages (FINDINGS.md), given as they came.
     */
    String message() {
      try {
        JsonNode error = JSON.readTree(body);
        if (error != null && error.isObject() && error.size() == 1) {
          JsonNode message = error.elements().next().path("message");
          if (message.isTextual()) {
            return message.asText();
          }
        }
      } catch (IOException notJson) {
        // not JSON: the body itself is the message
      }
      return body.strip();
    }
  }

  /**
   * Sends {@code method path} to {@code service}'s endpoint ({@code path} from the API's version root on:
   * Neutron's catalog entry has no {@code /v2.0}, which is added), with {@code body} as JSON when not null.
   */
  Answer send(ServiceType service, String method, String path, JsonNode body, Map<String, String> headers)
      throws Exception {
    EndpointTokenProvider session = (EndpointTokenProvider) clients.os();
    String base = session.getEndpoint(service).replaceAll("/+$", "");
    if (service == ServiceType.NETWORK && !base.endsWith("/v2.0")) {
      base = base + "/v2.0";
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("X-Auth-Token", session.getTokenId()).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw CloudException.connection("cannot reach " + (service == ServiceType.NETWORK ? "Neutron"
          : service == ServiceType.COMPUTE ? "Nova" : service.getServiceName()) + " at " + base + ": " + e, e);
    }
  }
}
