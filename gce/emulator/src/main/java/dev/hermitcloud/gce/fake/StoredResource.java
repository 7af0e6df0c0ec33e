package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compute resource as the fake holds it: the JSON GET returns, whether GET can see it yet, the
 * operation still working on it, and for instances the serial console and external address.
 * Guarded by the {@link ComputeStore} lock.
 */
final class StoredResource {
  private final ResourceKey key;
  private final long id;
  private final long sequence;
  private ObjectNode json;
  private boolean visible;
  private FakeOperation pendingOperation;
  private final SerialConsole serial = new SerialConsole();
  private String natIp;

  StoredResource(ResourceKey key, long id, long sequence, ObjectNode json, boolean visible) {
    this.key = key;
    this.id = id;
    this.sequence = sequence;
    this.json = json;
    this.visible = visible;
  }

  ResourceKey key() {
    return key;
  }

  long id() {
    return id;
  }

  /** Creation order, to break ties between equal creation timestamps. */
  long sequence() {
    return sequence;
  }

  ObjectNode json() {
    return json;
  }

  void json(ObjectNode json) {
    this.json = json;
  }

  boolean visible() {
    return visible;
  }

  void visible(boolean visible) {
    this.visible = visible;
  }

  String status() {
    return GoogleJson.text(json, "status");
  }

  void status(String status) {
    json.put("status", status);
  }

  FakeOperation pendingOperation() {
    return pendingOperation;
  }

  void pendingOperation(FakeOperation op) {
    this.pendingOperation = op;
  }

  SerialConsole serial() {
    return serial;
  }

  String natIp() {
    return natIp;
  }

  void natIp(String natIp) {
    this.natIp = natIp;
  }

  String selfLink() {
    return ResourceLinks.url(key.path());
  }

  FakeResource snapshot() {
    return new FakeResource(key, json.deepCopy());
  }
}
