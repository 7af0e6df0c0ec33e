package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.AccessConfig;
import com.google.cloud.compute.v1.DeleteInstanceRequest;
import com.google.cloud.compute.v1.GetSerialPortOutputInstanceRequest;
import com.google.cloud.compute.v1.InsertInstanceRequest;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.ListInstancesRequest;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.SerialPortOutput;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.CloudException;
import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.ConsoleTranscript;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.ImmutableObserved;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances in the target's zone, and their serial port 1. A regional group's machines are in other zones
 * of the region too: once {@link #readAll(String, Set)} has found one there, its reads and console go there,
 * and a console asked for by name alone (hermit logs, in a new process) finds its zone among the region's groups.
 */
final class GceInstances implements ResourceDriver<InstanceSpec>, ListReads {
  private final GceClients clients;
  private final Gce target;
  private final ConsoleTranscript transcript = new ConsoleTranscript();
  private final Map<String, String> zones = new ConcurrentHashMap<>();
  private final GroupScopes regionalGroups;

  private final int pageSize;

  GceInstances(GceClients clients, Gce target) {
    this(clients, target, NameFilter.MAX_RESULTS);
  }

  /** @param pageSize the {@code maxResults} of {@link #readAll}'s lists (smaller only where a test pages) */
  GceInstances(GceClients clients, Gce target, int pageSize) {
    this.clients = clients;
    this.target = target;
    this.pageSize = pageSize;
    this.regionalGroups = GroupScopes.regional(clients, target);
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.INSTANCE;
  }

  @Override
  public Optional<Observed> read(String name) {
    try {
      return Optional.of(observe(clients.instances.get(target.project(), zoneOf(name), name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public Map<String, Observed> readAll(Set<String> names) {
    return readAll(target.zone(), names);
  }

  /** The instances of {@code zone} among {@code names}: one list request per page of names. */
  Map<String, Observed> readAll(String zone, Set<String> names) {
    Map<String, Observed> found = new LinkedHashMap<>();
    for (String filter : NameFilter.anyOf(names)) {
      ListInstancesRequest request = ListInstancesRequest.newBuilder().setProject(target.project()).setZone(zone)
          .setFilter(filter).setMaxResults(pageSize).build();
      for (Instance instance : clients.instances.list(request).iterateAll()) {
        found.put(instance.getName(), observe(instance));
        if (!zone.equals(target.zone())) {
          zones.put(instance.getName(), zone);
        }
      }
    }
    return found;
  }

  private String zoneOf(String name) {
    return zones.getOrDefault(name, target.zone());
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    ListInstancesRequest request = ListInstancesRequest.newBuilder().setProject(target.project()).setZone(target.zone())
        .setFilter(Labels.ownedFilter(deployment)).build();
    return Owned.of(clients.instances.list(request).iterateAll(), GceInstances::observe, deployment);
  }

  @Override
  public Operation create(InstanceSpec spec, CallContext context) {
    com.google.cloud.compute.v1.Operation started = clients.instances.insertCallable().call(InsertInstanceRequest.newBuilder()
        .setProject(target.project()).setZone(target.zone()).setRequestId(context.requestId())
        .setInstanceResource(InstanceResource.of(spec, context.ownership(), target)).build());
    return GceOperation.zonal(clients, target.project(), target.zone(), "insert instance " + spec.name(), started);
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    com.google.cloud.compute.v1.Operation started = clients.instances.deleteCallable().call(DeleteInstanceRequest.newBuilder()
        .setProject(target.project()).setZone(target.zone()).setInstance(current.name())
        .setRequestId(context.requestId()).build());
    return GceOperation.zonal(clients, target.project(), target.zone(), "delete instance " + current.name(), started);
  }

  /**
   * Serial port 1 from {@code offset}; the chunk starts later when the instance dropped older output. Once
   * the instance stopped (the port answers 400 resourceNotReady), what this connection read before.
   */
  ConsoleChunk console(String name, long offset) throws Exception {
    SerialPortOutput out;
    try {
      out = serialPort(name, offset);
    } catch (RuntimeException e) {
      if (GceErrors.translate(e) instanceof CloudException cloud && cloud.status() == 400
          && cloud.getMessage().contains("resourceNotReady")) {
        return transcript.from(name, offset).orElseThrow(() -> e);
      }
      throw e;
    }
    ConsoleChunk chunk = new ConsoleChunk(out.getContents(), out.getStart(), out.getNext());
    transcript.record(name, chunk);
    return chunk;
  }

  private SerialPortOutput serialPort(String name, long offset) {
    try {
      return serialPort(zoneOf(name), name, offset);
    } catch (NotFoundException e) {
      if (zones.containsKey(name)) {
        throw e;
      }
      String elsewhere = regionalGroups.zoneOfMember(name).orElseThrow(() -> e);
      zones.put(name, elsewhere);
      return serialPort(elsewhere, name, offset);
    }
  }

  private SerialPortOutput serialPort(String zone, String name, long offset) {
    return clients.instances.getSerialPortOutput(GetSerialPortOutputInstanceRequest.newBuilder()
        .setProject(target.project()).setZone(zone).setInstance(name).setPort(1).setStart(offset).build());
  }

  private static Observed observe(Instance instance) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(Observed.ID, Long.toUnsignedString(instance.getId()));
    attributes.put(Observed.MACHINE_TYPE, UrlNames.nameIn(instance.getMachineType()));
    attributes.put(Observed.STATUS, instance.getStatus());
    if (instance.getNetworkInterfacesCount() > 0) {
      NetworkInterface nic = instance.getNetworkInterfaces(0);
      if (nic.hasNetworkIP()) {
        attributes.put(Observed.PRIVATE_ADDRESS, nic.getNetworkIP());
      }
      for (AccessConfig access : nic.getAccessConfigsList()) {
        if (access.hasNatIP() && !access.getNatIP().isEmpty()) {
          attributes.put(Observed.ADDRESS, access.getNatIP());
          break;
        }
      }
    }
    ResourceState state = switch (instance.getStatus()) {
      case "RUNNING" -> ResourceState.READY;
      case "PROVISIONING", "STAGING", "REPAIRING", "PENDING" -> ResourceState.PENDING;
      case "STOPPING" -> ResourceState.DELETING;
      // Stopped, suspended or preempted: it serves nothing, so the plan replaces it.
      default -> ResourceState.FAILED;
    };
    ImmutableObserved.Builder observed = Observed.builder().kind(ResourceKind.INSTANCE).name(instance.getName())
        .owner(Ownership.fromLabels(instance.getLabelsMap())).state(state).attributes(attributes);
    if (state == ResourceState.FAILED) {
      observed.stateMessage("instance is " + instance.getStatus()
          + (instance.getStatusMessage().isEmpty() ? "" : ": " + instance.getStatusMessage()));
    }
    return observed.build();
  }

}
