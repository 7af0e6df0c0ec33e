package dev.hermitcloud.gce;

import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.DeploymentResources;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.internal.validation.Check;
import java.util.List;
import java.util.Optional;

/** A connection to one project and zone: the four drivers, machine types, the console and error translation. */
final class GceProvider implements Provider {
  private final GceClients clients;
  private final GceBlobs blobs;
  private final GceImages images;
  private final GceFirewalls firewalls;
  private final GceInstances instances;
  private final GceInstanceTemplates templates;
  private final GceHealthChecks healthChecks;
  private final GceInstanceGroups groups;
  private final GceAutoscalers autoscalers;
  private final GceInstanceGroups regionalGroups;
  private final GceAutoscalers regionalAutoscalers;
  private final GceMachineTypes machineTypes;
  private final GceLocks locks;
  private final GceNetworkCheck networks;
  private final Gce target;

  GceProvider(Gce target, GceClients clients) {
    this.clients = clients;
    this.blobs = new GceBlobs(clients, target);
    this.images = new GceImages(clients, target);
    this.firewalls = new GceFirewalls(clients, target);
    this.instances = new GceInstances(clients, target);
    this.templates = new GceInstanceTemplates(clients, target);
    this.healthChecks = new GceHealthChecks(clients, target);
    GroupScopes zonal = GroupScopes.zonal(clients, target);
    GroupScopes regional = GroupScopes.regional(clients, target);
    this.groups = new GceInstanceGroups(zonal, target, instances);
    this.autoscalers = new GceAutoscalers(AutoscalerScopes.zonal(clients, target), zonal, target);
    this.regionalGroups = new GceInstanceGroups(regional, target, instances);
    this.regionalAutoscalers = new GceAutoscalers(AutoscalerScopes.regional(clients, target), regional, target);
    this.machineTypes = new GceMachineTypes(clients, target);
    this.locks = new GceLocks(clients, target, blobs);
    this.networks = new GceNetworkCheck(clients, target);
    this.target = target;
  }

  @Override
  public Optional<DeploymentLocks> locks() {
    return Optional.of(locks);
  }

  @Override
  public String name() {
    return "gce";
  }

  @Override
  public List<ResourceDriver<?>> drivers() {
    return List.of(blobs, images, firewalls, instances, templates, healthChecks, groups, autoscalers, regionalGroups,
        regionalAutoscalers);
  }

  /**
   * The archive in the bucket, the image imported from it, the firewall, and the instances or, for a
   * managed group, what {@link ManagedGroupResources} makes of it.
   */
  @Override
  public List<ResourceSpec> resources(DeploymentSpec spec, ResolvedMachineType machineType) {
    if (spec.group().isPresent()) {
      return ManagedGroupResources.of(spec, machineType, target);
    }
    return DeploymentResources.of(spec, machineType).importedFromBlob().withFirewall().createBeforeDelete().build().all();
  }

  /** A managed group is a managed instance group, with its template, health check and autoscaler. */
  @Override
  public boolean managesGroups() {
    return true;
  }

  @Override
  public ResolvedMachineType resolve(MachineType type, int diskGib) {
    return machineTypes.resolve(type);
  }

  @Override
  public ConsoleReader console() {
    return instances::console;
  }

  @Override
  public void validate(DeploymentSpec spec) {
    GceNetworkRefs.network(target, spec.network());
    GceMachineFamilies.check(spec.machineType());
    spec.group().ifPresent(ManagedGroupResources::check);
  }

  @Override
  public void preflight(DeploymentSpec spec) {
    networks.check(spec);
    // before the lock's object is written into it: a missing bucket is bad input, not a failed write
    blobs.requireBucket(GceLocks.FOLDER + spec.name());
  }

  @Override
  public Exception translate(Exception error) {
    return GceErrors.translate(error);
  }

  @Override
  public void close() {
    clients.close();
  }
}
