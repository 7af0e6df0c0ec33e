package dev.hermitcloud.openstack.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * What one request is, as counted: {@code "compute POST /servers"}, {@code "image PUT
 * /v2/images/{id}/file"}, {@code "compute POST /servers/{id}/action os-stop"}. The service type and the
 * path after the catalog endpoint's own path, so that the kinds are the same on every backend whatever
 * ports and prefixes its endpoints have; ids become {@code {id}}, and a Nova action is named by its body.
 */
record RequestKind(String service, String method, String path, String action) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Nova, Glance and Neutron ids are UUIDs; Keystone's are 32 hex digits; flavors may be numbers. */
  private static final Pattern ID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}|[0-9]+");

  static RequestKind of(String service, String method, String pathAfterEndpoint, byte[] body) {
    StringBuilder path = new StringBuilder();
    for (String segment : pathAfterEndpoint.split("/")) {
      if (!segment.isEmpty()) {
        path.append('/').append(ID.matcher(segment).matches() ? "{id}" : segment);
      }
    }
    String normalized = path.length() == 0 ? "/" : path.toString();
    String action = normalized.endsWith("/action") && body != null ? actionName(body) : "";
    return new RequestKind(service, method, normalized, action);
  }

  /**
   * Reads and authentication change nothing: GET and HEAD, a token request, and Nova's console-output
   * action (a POST that only reads), as the fake counts them.
   */
  boolean mutating() {
    if (method.equals("GET") || method.equals("HEAD")) {
      return false;
    }
    if (service.equals("identity") && path.endsWith("/auth/tokens")) {
      return false;
    }
    return !action.equals("os-getConsoleOutput");
  }

  @Override
  public String toString() {
    return service + " " + method + " " + path + (action.isEmpty() ? "" : " " + action);
  }

  /** The action's name: the one key of a Nova action body. */
  private static String actionName(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      Iterator<String> names = node == null ? null : node.fieldNames();
      return names != null && names.hasNext() ? names.next() : "";
    } catch (IOException e) {
      return "";
    }
  }
}
