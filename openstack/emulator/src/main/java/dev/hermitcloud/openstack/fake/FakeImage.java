package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Glance image; mutable, guarded by the {@link CloudState} monitor. */
final class FakeImage {
  final String id;
  final long sequence;
  final String owner;
  final Instant createdAt;
  Instant updatedAt;
  String name;
  String status = "queued";
  String visibility = "shared";
  String containerFormat;
  String diskFormat;
  int minDisk;
  int minRam;
  boolean isProtected;
  boolean hidden;
  List<String> tags = new ArrayList<>();
  Long size;
  Long virtualSize;
  String checksum;
  String osHashValue;
  /** Extra properties, which Glance keeps as strings at the top level of the image. */
  final Map<String, String> properties = new LinkedHashMap<>();

  FakeImage(String id, long sequence, String owner, Instant createdAt) {
    this.id = id;
    this.sequence = sequence;
    this.owner = owner;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** A scratch copy, to try a multi-step change before making it. */
  FakeImage copy() {
    FakeImage c = new FakeImage(id, sequence, owner, createdAt);
    c.updatedAt = updatedAt;
    c.name = name;
    c.status = status;
    c.visibility = visibility;
    c.containerFormat = containerFormat;
    c.diskFormat = diskFormat;
    c.minDisk = minDisk;
    c.minRam = minRam;
    c.isProtected = isProtected;
    c.hidden = hidden;
    c.tags = new ArrayList<>(tags);
    c.size = size;
    c.virtualSize = virtualSize;
    c.checksum = checksum;
    c.osHashValue = osHashValue;
    c.properties.putAll(properties);
    return c;
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    properties.forEach(o::put);
    o.put("id", id);
    o.put("name", name);
    o.put("status", status);
    o.put("visibility", visibility);
    o.put("protected", isProtected);
    o.put("os_hidden", hidden);
    tags.forEach(o.putArray("tags")::add);
    o.put("container_format", containerFormat);
    o.put("disk_format", diskFormat);
    o.put("min_disk", minDisk);
    o.put("min_ram", minRam);
    o.put("size", size);
    o.put("virtual_size", virtualSize);
    o.put("checksum", checksum);
    o.put("os_hash_algo", osHashValue == null ? null : "sha512");
    o.put("os_hash_value", osHashValue);
    o.put("owner", owner);
    o.put("created_at", Timestamps.seconds(createdAt));
    o.put("updated_at", Timestamps.seconds(updatedAt));
    o.put("self", "/v2/images/" + id);
    o.put("file", "/v2/images/" + id + "/file");
    o.put("schema", "/v2/schemas/image");
    return o;
  }
}
