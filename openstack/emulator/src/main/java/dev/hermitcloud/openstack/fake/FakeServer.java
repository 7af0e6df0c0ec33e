package dev.hermitcloud.openstack.fake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Nova server; mutable, guarded by the {@link CloudState} monitor. */
final class FakeServer {
  /** Nova's power_state of a guest that is off. */
  static final int SHUTDOWN = 4;
  /** The fake's one compute host. */
  static final String HOST = "fake-compute";
  final String id;
  final long sequence;
  final String name;
  final String tenantId;
  final String userId;
  final String imageId;
  final String flavorId;
  final String keyName;
  final String userData;
  final String adminPass;
  final Map<String, String> metadata = new LinkedHashMap<>();
  /** Security group names as requested, shown until the server has ports. */
  final List<String> requestedSecurityGroups;
  final Instant createdAt;
  Instant updatedAt;
  Instant launchedAt;
  String status = "BUILD";
  String vmState = "building";
  String taskState = "scheduling";
  int powerState = 0;
  /** The compute host the scheduler chose; null until then, and for a server it placed nowhere. */
  String host;
  /** The server group it was booted into (its {@code group} scheduler hint), or null. */
  String groupId;
  /** Why nova-compute refused to build the server after it was scheduled, or null. */
  String lateFailure;
  String faultMessage;
  int faultCode;
  Instant faultAt;
  final StringBuilder console = new StringBuilder();

  FakeServer(
      String id,
      long sequence,
      String name,
      String tenantId,
      String userId,
      String imageId,
      String flavorId,
      String keyName,
      String userData,
      String adminPass,
      List<String> requestedSecurityGroups,
      Instant createdAt) {
    this.id = id;
    this.sequence = sequence;
    this.name = name;
    this.tenantId = tenantId;
    this.userId = userId;
    this.imageId = imageId;
    this.flavorId = flavorId;
    this.keyName = keyName;
    this.userData = userData;
    this.adminPass = adminPass;
    this.requestedSecurityGroups = List.copyOf(requestedSecurityGroups);
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  boolean deleting() {
    return "deleting".equals(taskState);
  }
}
