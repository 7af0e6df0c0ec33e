package dev.hermitcloud.gce;

import com.google.cloud.compute.v1.Autoscaler;
import com.google.cloud.compute.v1.DeleteAutoscalerRequest;
import com.google.cloud.compute.v1.DeleteRegionAutoscalerRequest;
import com.google.cloud.compute.v1.InsertAutoscalerRequest;
import com.google.cloud.compute.v1.InsertRegionAutoscalerRequest;
import com.google.cloud.compute.v1.ListAutoscalersRequest;
import com.google.cloud.compute.v1.ListRegionAutoscalersRequest;
import com.google.cloud.compute.v1.PatchAutoscalerRequest;
import com.google.cloud.compute.v1.PatchRegionAutoscalerRequest;
import dev.hermitcloud.resource.ResourceKind;

/**
 * Where autoscalers live: beside their group, in its zone (autoscalers) or its region (regionAutoscalers,
 * https://cloud.google.com/compute/docs/reference/rest/v1/regionAutoscalers). Both take the same
 * {@code Autoscaler}; the autoscaler driver is written once against this.
 */
interface AutoscalerScopes {
  ResourceKind kind();

  Autoscaler get(String name);

  Iterable<Autoscaler> list();

  GceOperation insert(Autoscaler autoscaler, String requestId);

  GceOperation patch(String name, Autoscaler patch, String requestId);

  GceOperation delete(String name, String requestId);

  static AutoscalerScopes zonal(GceClients clients, Gce target) {
    String project = target.project();
    String zone = target.zone();
    return new AutoscalerScopes() {
      @Override
      public ResourceKind kind() {
        return Gce.AUTOSCALER;
      }

      @Override
      public Autoscaler get(String name) {
        return clients.autoscalers.get(project, zone, name);
      }

      @Override
      public Iterable<Autoscaler> list() {
        return clients.autoscalers.list(ListAutoscalersRequest.newBuilder().setProject(project).setZone(zone).build())
            .iterateAll();
      }

      @Override
      public GceOperation insert(Autoscaler autoscaler, String requestId) {
        return GceOperation.zonal(clients, project, zone, "insert autoscaler " + autoscaler.getName(),
            clients.autoscalers.insertCallable().call(InsertAutoscalerRequest.newBuilder().setProject(project).setZone(zone)
                .setRequestId(requestId).setAutoscalerResource(autoscaler).build()));
      }

      @Override
      public GceOperation patch(String name, Autoscaler patch, String requestId) {
        return GceOperation.zonal(clients, project, zone, "patch autoscaler " + name,
            clients.autoscalers.patchCallable().call(PatchAutoscalerRequest.newBuilder().setProject(project).setZone(zone)
                .setAutoscaler(name).setRequestId(requestId).setAutoscalerResource(patch).build()));
      }

      @Override
      public GceOperation delete(String name, String requestId) {
        return GceOperation.zonal(clients, project, zone, "delete autoscaler " + name,
            clients.autoscalers.deleteCallable().call(DeleteAutoscalerRequest.newBuilder().setProject(project).setZone(zone)
                .setAutoscaler(name).setRequestId(requestId).build()));
      }
    };
  }

  static AutoscalerScopes regional(GceClients clients, Gce target) {
    String project = target.project();
    String region = GceNetworkRefs.region(target);
    return new AutoscalerScopes() {
      @Override
      public ResourceKind kind() {
        return Gce.REGIONAL_AUTOSCALER;
      }

      @Override
      public Autoscaler get(String name) {
        return clients.regionAutoscalers.get(project, region, name);
      }

      @Override
      public Iterable<Autoscaler> list() {
        return clients.regionAutoscalers.list(ListRegionAutoscalersRequest.newBuilder().setProject(project)
            .setRegion(region).build()).iterateAll();
      }

      @Override
      public GceOperation insert(Autoscaler autoscaler, String requestId) {
        return GceOperation.regional(clients, project, region, "insert regional autoscaler " + autoscaler.getName(),
            clients.regionAutoscalers.insertCallable().call(InsertRegionAutoscalerRequest.newBuilder().setProject(project)
                .setRegion(region).setRequestId(requestId).setAutoscalerResource(autoscaler).build()));
      }

      @Override
      public GceOperation patch(String name, Autoscaler patch, String requestId) {
        return GceOperation.regional(clients, project, region, "patch regional autoscaler " + name,
            clients.regionAutoscalers.patchCallable().call(PatchRegionAutoscalerRequest.newBuilder().setProject(project)
                .setRegion(region).setAutoscaler(name).setRequestId(requestId).setAutoscalerResource(patch).build()));
      }

      @Override
      public GceOperation delete(String name, String requestId) {
        return GceOperation.regional(clients, project, region, "delete regional autoscaler " + name,
            clients.regionAutoscalers.deleteCallable().call(DeleteRegionAutoscalerRequest.newBuilder().setProject(project)
                .setRegion(region).setAutoscaler(name).setRequestId(requestId).build()));
      }
    };
  }
}
