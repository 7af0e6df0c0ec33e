package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one compute resource (image, instance, firewall, health check, template, manager,
 * autoscaler) as GET would return it. Changing
 * the fake later does not change a snapshot.
 */
public final class FakeResource {
  private final ResourceKey key;
  private final ObjectNode json;

  FakeResource(ResourceKey key, ObjectNode json) {
    this.key = key;
    this.json = json;
  }

  /** The kind's label: {@code "image"}, {@code "instance"}, {@code "firewall"}, {@code "instanceGroupManager"}... */
  public String kind() {
    return key.kind().label();
  }

  public String project() {
    return key.project();
  }

  /** The zone of a zonal resource; null for global and regional ones. */
  public String zone() {
    return key.zone();
  }

  public String name() {
    return key.name();
  }

  /** The {@code status} field (images and instances); null for firewalls. */
  public String status() {
    return GoogleJson.text(json, "status");
  }

  public String description() {
    return GoogleJson.text(json, "description");
  }

  public Map<String, String> labels() {
    return GoogleJson.stringMap(json.get("labels"));
  }

  /** Network tags of an instance. */
  public List<String> tags() {
    JsonNode tags = json.get("tags");
    return GoogleJson.strings(tags == null ? null : tags.get("items"));
  }

  /** The external address of an instance ({@code networkInterfaces[0].accessConfigs[0].natIP}). */
  public String natIp() {
    return field("/networkInterfaces/0/accessConfigs/0/natIP");
  }

  /** A field by JSON pointer, e.g. {@code "/scheduling/provisioningModel"}; null when absent. */
  public String field(String jsonPointer) {
    JsonNode node = json.at(jsonPointer);
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  /** The whole resource as JSON (a copy). */
  public ObjectNode json() {
    return json.deepCopy();
  }

  @Override
  public String toString() {
    return kind() + " " + key.path() + " " + json;
  }
}
