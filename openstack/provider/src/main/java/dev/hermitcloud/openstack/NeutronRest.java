package dev.hermitcloud.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.CloudException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.openstack4j.api.types.ServiceType;

/**
 * Neutron's security-group calls that openstack4j 3.12 cannot make: it neither shows
 * {@code revision_number} and {@code created_at} nor sends {@code If-Match: revision_number=N}, Neutron's
 * compare-and-swap (a 412 when the group changed meanwhile; see openstack/local-cloud/FINDINGS.md). Plain
 * HTTP ({@link OpenStackHttp}).
 */
final class NeutronRest {
  static final int PRECONDITION_FAILED = 412;
  private static final int NOT_FOUND = 404;

  private final Clients clients;
  private final OpenStackHttp http;

  NeutronRest(Clients clients, OpenStackHttp http) {
    this.clients = clients;
    this.http = http;
  }

  /** The project's security groups called {@code name}. */
  JsonNode groupsNamed(String name) throws Exception {
    String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "&project_id=" + URLEncoder.encode(clients.os().getToken().getProject().getId(), StandardCharsets.UTF_8);
    return send("GET", "/security-groups" + query, null, null).orElseThrow().path("security_groups");
  }

  JsonNode createGroup(String name, String description) throws Exception {
    var body = OpenStackHttp.JSON.createObjectNode();
    body.putObject("security_group").put("name", name).put("description", description);
    return send("POST", "/security-groups", body, null).orElseThrow().path("security_group");
  }

  /** The group with its new description, or empty when it is no longer at {@code revision} (or gone). */
  Optional<JsonNode> updateGroup(String id, long revision, String description) throws Exception {
    var body = OpenStackHttp.JSON.createObjectNode();
    body.putObject("security_group").put("description", description);
    return send("PUT", "/security-groups/" + id, body, revision).map(b -> b.path("security_group"));
  }

  /** Deletes the group if it is still at {@code revision} (any revision when null); false when it was not. */
  boolean deleteGroup(String id, Long revision) throws Exception {
    return send("DELETE", "/security-groups/" + id, null, revision).isPresent();
  }

  private Optional<JsonNode> send(String method, String path, JsonNode body, Long revision) throws Exception {
    OpenStackHttp.Answer answer = http.send(ServiceType.NETWORK, method, path, body,
        revision == null ? Map.of() : Map.of("If-Match", "revision_number=" + revision));
    int status = answer.status();
    if (answer.ok()) {
      return Optional.of(answer.json());
    }
    if ((status == PRECONDITION_FAILED && revision != null) || (status == NOT_FOUND && !method.equals("GET")
        && !method.equals("POST"))) {
      return Optional.empty();
    }
    String name = body == null ? "" : body.path("security_group").path("name").asText("");
    throw new CloudException(status, "Neutron answered " + status + " to " + method + " " + path.replaceAll("\\?.*", "")
        + " for the deployment's lock" + (name.isEmpty() ? "" : " (security group '" + name + "')") + ": " + answer.message());
  }
}
