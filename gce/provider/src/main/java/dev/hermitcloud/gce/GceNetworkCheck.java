package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.ListSubnetworksRequest;
import com.google.cloud.compute.v1.Network;
import com.google.cloud.compute.v1.Subnetwork;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.spec.DeploymentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the network (and subnetwork) before planning, so that a project without a {@code default} network
 * (organisation projects skip it: constraints/compute.skipDefaultNetworkCreation) or a custom-mode VPC
 * without a subnetwork stops with a clear error before any change. On GCE the insert would fail late with
 * 400 "Subnetwork should be specified for custom subnetmode network"
 * (https://cloud.google.com/compute/docs/reference/rest/v1/instances: networkInterfaces[].subnetwork, "If
 * the network is in custom subnet mode, specifying the subnetwork is required").
 */
final class GceNetworkCheck {
  private final GceClients clients;
  private final Gce target;

  GceNetworkCheck(GceClients clients, Gce target) {
    this.clients = clients;
    this.target = target;
  }

  void check(DeploymentSpec spec) {
    String name = GceNetworkRefs.network(target, spec.network());
    String region = GceNetworkRefs.region(target);
    Network network;
    try {
      network = clients.networks.get(target.project(), name);
    } catch (NotFoundException e) {
      throw new InvalidSpecException("deployment.network", name, "does not exist in project " + target.project()
          + (spec.network().isEmpty() ? " (projects made under an organisation policy often have no default network)" : "")
          + ": name an existing VPC with .network(\"my-vpc\") and, if it is custom-mode, its subnetwork with"
          + " Gce...subnetwork(\"my-subnet\") (see gcloud compute networks list)");
    }
    Optional<String> subnetwork = target.subnetwork().map(s -> GceNetworkRefs.subnetwork(target, s));
    if (subnetwork.isEmpty()) {
      if (network.hasAutoCreateSubnetworks() && !network.getAutoCreateSubnetworks()) {
        throw new InvalidSpecException("target.subnetwork", "(none)", "must be given: network " + name
            + " is a custom-mode VPC; its subnetworks in " + region + " are " + subnetworks(name, region)
            + ": choose one with Gce...subnetwork(\"NAME\")");
      }
      return;
    }
    Subnetwork found;
    try {
      found = clients.subnetworks.get(target.project(), region, subnetwork.get());
    } catch (NotFoundException e) {
      throw new InvalidSpecException("target.subnetwork", subnetwork.get(), "does not exist in region " + region
          + " of project " + target.project() + ": the subnetworks of " + name + " there are " + subnetworks(name, region));
    }
    if (!found.getNetwork().endsWith("/global/networks/" + name)) {
      throw new InvalidSpecException("target.subnetwork", subnetwork.get(), "belongs to network "
          + found.getNetwork().replaceAll(".*/", "") + ", not to " + name
          + ": name the subnetwork's network with .network(..), or a subnetwork of " + name);
    }
  }

  private List<String> subnetworks(String network, String region) {
    List<String> names = new ArrayList<>();
    ListSubnetworksRequest request = ListSubnetworksRequest.newBuilder().setProject(target.project()).setRegion(region).build();
    for (Subnetwork s : clients.subnetworks.list(request).iterateAll()) {
      if (s.getNetwork().endsWith("/global/networks/" + network)) {
        names.add(s.getName());
      }
    }
    return names;
  }
}
