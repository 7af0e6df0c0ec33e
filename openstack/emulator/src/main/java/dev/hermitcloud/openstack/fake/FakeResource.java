package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A snapshot of one resource of the fake cloud, as its API would show it.
 *
 * @param kind {@code image}, {@code server}, {@code security_group}, {@code security_group_rule},
 *     {@code floating_ip}, {@code port} or {@code network}
 * @param fields the resource's JSON representation, e.g. a Nova server detail
 */
public record FakeResource(String kind, String id, String name, String status, JsonNode fields) {

  /** A top-level field as text ({@code null} if absent or JSON null). */
  public String field(String name) {
    JsonNode node = fields.get(name);
    return node == null || node.isNull() ? null : node.asText();
  }
}
