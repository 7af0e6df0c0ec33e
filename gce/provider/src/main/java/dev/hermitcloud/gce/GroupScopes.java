package dev.hermitcloud.gce;

import com.google.cloud.compute.v1.DeleteInstanceGroupManagerRequest;
import com.google.cloud.compute.v1.DeleteRegionInstanceGroupManagerRequest;
import com.google.cloud.compute.v1.InsertInstanceGroupManagerRequest;
import com.google.cloud.compute.v1.InsertRegionInstanceGroupManagerRequest;
import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.ListInstanceGroupManagersRequest;
import com.google.cloud.compute.v1.ListRegionInstanceGroupManagersRequest;
import com.google.cloud.compute.v1.ManagedInstance;
import com.google.cloud.compute.v1.PatchInstanceGroupManagerRequest;
import com.google.cloud.compute.v1.PatchRegionInstanceGroupManagerRequest;
import dev.hermitcloud.resource.ResourceKind;

/**
 * Where managed groups live: a zone (instanceGroupManagers) or a region (regionInstanceGroupManagers).
 * The two collections take the same {@code InstanceGroupManager} and answer the same managed instances
 * (https://cloud.google.com/compute/docs/reference/rest/v1/regionInstanceGroupManagers); only the request
 * types, the path and the operation's scope differ, so the group driver and its rollout wait are written
 * once against this.
 */
interface GroupScopes {
  /** The kind the engine knows these groups by. */
  ResourceKind kind();

  /** {@code zones/us-central1-c} or {@code regions/us-central1}: the path segment the groups sit under. */
  String scope();

  InstanceGroupManager get(String name);

  Iterable<InstanceGroupManager> list();

  GceOperation insert(InstanceGroupManager group, String requestId);

  GceOperation patch(String name, InstanceGroupManager patch, String requestId);

  GceOperation delete(String name, String requestId);

  /** The group's machines, each with the zone it is in in its {@code instance} URL. */
  Iterable<ManagedInstance> members(String name);

  /**
   * The zone of {@code instance} if it is a machine of one of these groups: one list of the groups and one
   * of the members of each group its name could be from ({@code <baseInstanceName>-xxxx}).
   */
  default java.util.Optional<String> zoneOfMember(String instance) {
    for (InstanceGroupManager group : list()) {
      if (instance.startsWith(group.getBaseInstanceName() + "-")) {
        for (ManagedInstance member : members(group.getName())) {
          if (UrlNames.nameIn(member.getInstance()).equals(instance)) {
            return java.util.Optional.of(zoneIn(member.getInstance()));
          }
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** The zone in {@code .../zones/us-central1-b/instances/echo-k3x9}. */
  static String zoneIn(String instanceUrl) {
    int zones = instanceUrl.lastIndexOf("/zones/") + "/zones/".length();
    return instanceUrl.substring(zones, instanceUrl.indexOf('/', zones));
  }

  /** The partial URL an autoscaler targets the group by. */
  default String path(String project, String name) {
    return "projects/" + project + "/" + scope() + "/instanceGroupManagers/" + name;
  }

  static GroupScopes zonal(GceClients clients, Gce target) {
    String project = target.project();
    String zone = target.zone();
    return new GroupScopes() {
      @Override
      public ResourceKind kind() {
        return Gce.INSTANCE_GROUP;
      }

      @Override
      public String scope() {
        return "zones/" + zone;
      }

      @Override
      public InstanceGroupManager get(String name) {
        return clients.instanceGroups.get(project, zone, name);
      }

      @Override
      public Iterable<InstanceGroupManager> list() {
        return clients.instanceGroups.list(ListInstanceGroupManagersRequest.newBuilder().setProject(project).setZone(zone)
            .build()).iterateAll();
      }

      @Override
      public GceOperation insert(InstanceGroupManager group, String requestId) {
        return GceOperation.zonal(clients, project, zone, "insert instance group " + group.getName(),
            clients.instanceGroups.insertCallable().call(InsertInstanceGroupManagerRequest.newBuilder().setProject(project)
                .setZone(zone).setRequestId(requestId).setInstanceGroupManagerResource(group).build()));
      }

      @Override
      public GceOperation patch(String name, InstanceGroupManager patch, String requestId) {
        return GceOperation.zonal(clients, project, zone, "patch instance group " + name,
            clients.instanceGroups.patchCallable().call(PatchInstanceGroupManagerRequest.newBuilder().setProject(project)
                .setZone(zone).setInstanceGroupManager(name).setRequestId(requestId)
                .setInstanceGroupManagerResource(patch).build()));
      }

      @Override
      public GceOperation delete(String name, String requestId) {
        return GceOperation.zonal(clients, project, zone, "delete instance group " + name,
            clients.instanceGroups.deleteCallable().call(DeleteInstanceGroupManagerRequest.newBuilder().setProject(project)
                .setZone(zone).setInstanceGroupManager(name).setRequestId(requestId).build()));
      }

      @Override
      public Iterable<ManagedInstance> members(String name) {
        return clients.instanceGroups.listManagedInstances(project, zone, name).iterateAll();
      }
    };
  }

  static GroupScopes regional(GceClients clients, Gce target) {
    String project = target.project();
    String region = GceNetworkRefs.region(target);
    return new GroupScopes() {
      @Override
      public ResourceKind kind() {
        return Gce.REGIONAL_INSTANCE_GROUP;
      }

      @Override
      public String scope() {
        return "regions/" + region;
      }

      @Override
      public InstanceGroupManager get(String name) {
        return clients.regionInstanceGroups.get(project, region, name);
      }

      @Override
      public Iterable<InstanceGroupManager> list() {
        return clients.regionInstanceGroups.list(ListRegionInstanceGroupManagersRequest.newBuilder().setProject(project)
            .setRegion(region).build()).iterateAll();
      }

      @Override
      public GceOperation insert(InstanceGroupManager group, String requestId) {
        return GceOperation.regional(clients, project, region, "insert regional instance group " + group.getName(),
            clients.regionInstanceGroups.insertCallable().call(InsertRegionInstanceGroupManagerRequest.newBuilder()
                .setProject(project).setRegion(region).setRequestId(requestId).setInstanceGroupManagerResource(group).build()));
      }

      @Override
      public GceOperation patch(String name, InstanceGroupManager patch, String requestId) {
        return GceOperation.regional(clients, project, region, "patch regional instance group " + name,
            clients.regionInstanceGroups.patchCallable().call(PatchRegionInstanceGroupManagerRequest.newBuilder()
                .setProject(project).setRegion(region).setInstanceGroupManager(name).setRequestId(requestId)
                .setInstanceGroupManagerResource(patch).build()));
      }

      @Override
      public GceOperation delete(String name, String requestId) {
        return GceOperation.regional(clients, project, region, "delete regional instance group " + name,
            clients.regionInstanceGroups.deleteCallable().call(DeleteRegionInstanceGroupManagerRequest.newBuilder()
                .setProject(project).setRegion(region).setInstanceGroupManager(name).setRequestId(requestId).build()));
      }

      @Override
      public Iterable<ManagedInstance> members(String name) {
        return clients.regionInstanceGroups.listManagedInstances(project, region, name).iterateAll();
      }
    };
  }
}
