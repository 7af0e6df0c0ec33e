package dev.hermitcloud.gce;

import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.BlobSpec;
import dev.hermitcloud.resource.FirewallSpec;
import dev.hermitcloud.resource.ImageSpec;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.validation.Check;
import java.util.Optional;

/** A connection to one project and zone: the four drivers, machine types, the console and error translation. */
final class GceProvider implements Provider {
  private final GceClients clients;
  private final GceBlobs blobs;
  private final GceImages images;
  private final GceFirewalls firewalls;
  private final GceInstances instances;
  private final GceMachineTypes machineTypes;

  GceProvider(Gce target, GceClients clients) {
    this.clients = clients;
    this.blobs = new GceBlobs(clients, target);
    this.images = new GceImages(clients, target);
    this.firewalls = new GceFirewalls(clients, target);
    this.instances = new GceInstances(clients, target);
    this.machineTypes = new GceMachineTypes(clients, target);
  }

  @Override
  public String name() {
    return "gce";
  }

  @Override
  public Optional<ResourceDriver<BlobSpec>> blobs() {
    return Optional.of(blobs);
  }

  @Override
  public ResourceDriver<ImageSpec> images() {
    return images;
  }

  @Override
  public Optional<ResourceDriver<FirewallSpec>> firewalls() {
    return Optional.of(firewalls);
  }

  @Override
  public ResourceDriver<InstanceSpec> instances() {
    return instances;
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
    spec.network().ifPresent(n -> Check.name("deployment.network", n));
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
