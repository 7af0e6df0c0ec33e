package dev.hermitcloud.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermitcloud.CloudException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.openstack4j.api.EndpointTokenProvider;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.ServiceType;

/**
 * Neutron's security-group calls that openstack4j 3.12 cannot make: it neither shows
 * {@code revision_number} and {@code created_at} nor sends {@code If-Match: revision_number=N}, Neutron's
 * compare-and-swap (a 412 when the group changed meanwhile; see openstack/local-cloud/FINDINGS.md). Plain
 * HTTP with the session's token, against the catalog's network endpoint.
 */
final class NeutronRest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final int PRECONDITION_FAILED = 412;
  private static final int NOT_FOUND = 404;

  private final Clients clients;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  NeutronRest(Clients clients) {
    this.clients = clients;
  }

  /** The project's security groups called {@code name}. */
  JsonNode groupsNamed(String name) throws Exception {
    OSClientV3 os = clients.os();
    String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "&project_id=" + URLEncoder.encode(os.getToken().getProject().getId(), StandardCharsets.UTF_8);
    return send(os, "GET", "/security-groups" + query, null, null).orElseThrow().path("security_groups");
  }

  JsonNode createGroup(String name, String description) throws Exception {
    var body = JSON.createObjectNode();
    body.putObject("security_group").put("name", name).put("description", description);
    return send(clients.os(), "POST", "/security-groups", body, null).orElseThrow().path("security_group");
  }

  /** The group with its new description, or empty when it is no longer at {@code revision} (or gone). */
  Optional<JsonNode> updateGroup(String id, long revision, String description) throws Exception {
    var body = JSON.createObjectNode();
    body.putObject("security_group").put("description", description);
    return send(clients.os(), "PUT", "/security-groups/" + id, body, revision).map(b -> b.path("security_group"));
  }

  /** Deletes the group if it is still at {@code revision} (any revision when null); false when it was not. */
  boolean deleteGroup(String id, Long revision) throws Exception {
    return send(clients.os(), "DELETE", "/security-groups/" + id, null, revision).isPresent();
  }

  private Optional<JsonNode> send(OSClientV3 os, String method, String path, JsonNode body, Long revision)
      throws Exception {
    EndpointTokenProvider session = (EndpointTokenProvider) os;
    String base = session.getEndpoint(ServiceType.NETWORK).replaceAll("/+$", "");
    String url = (base.endsWith("/v2.0") ? base : base + "/v2.0") + path;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("X-Auth-Token", session.getTokenId()).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (revision != null) {
      request.header("If-Match", "revision_number=" + revision);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw CloudException.connection("cannot reach Neutron at " + base + ": " + e, e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return Optional.of(response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }
    if ((status == PRECONDITION_FAILED && revision != null) || (status == NOT_FOUND && !method.equals("GET")
        && !method.equals("POST"))) {
      return Optional.empty();
    }
    String message = response.body();
    try {
      message = JSON.readTree(message).path("NeutronError").path("message").asText(message);
    } catch (IOException notJson) {
      // keep the body as it came
    }
    String name = body == null ? "" : body.path("security_group").path("name").asText("");
    throw new CloudException(status, "Neutron answered " + status + " to " + method + " " + path.replaceAll("\\?.*", "")
        + " for the deployment's lock" + (name.isEmpty() ? "" : " (security group '" + name + "')") + ": " + message);
  }
}
