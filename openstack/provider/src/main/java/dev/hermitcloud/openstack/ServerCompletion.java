package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import dev.hermitcloud.resource.InstanceSpec;
import org.openstack4j.model.compute.Server;

/**
 * Waits for a server to leave BUILD: one GET a poll. ERROR fails with Nova's fault message; a server that
 * settled anywhere but ACTIVE fails too: a unikernel that exits at once can be SHUTOFF before a poll ever
 * saw it ACTIVE, and no wait would change that.
 */
final class ServerCompletion implements Operation {
  private final Clients clients;
  private final String id;
  private final InstanceSpec spec;

  ServerCompletion(Clients clients, String id, InstanceSpec spec) {
    this.clients = clients;
    this.id = id;
    this.spec = spec;
  }

  @Override
  public String description() {
    return "create instance " + spec.name();
  }

  @Override
  public OperationStatus poll() throws Exception {
    Server server = clients.os().compute().servers().get(id);
    if (server == null) {
      return OperationStatus.failed("server " + spec.name() + " (" + id + ") disappeared while it was booting");
    }
    Server.Status status = server.getStatus() == null ? Server.Status.UNKNOWN : server.getStatus();
    return switch (status) {
      case ACTIVE -> OperationStatus.done();
      case ERROR -> OperationStatus.failed(NovaServers.faultMessage(server) + placementHint(server));
      case DELETED -> OperationStatus.failed("server " + spec.name() + " (" + id + ") was deleted while it was booting");
      default -> NovaServers.PENDING.contains(status)
          ? OperationStatus.running(status.name() + (server.getTaskState() == null ? "" : " (" + server.getTaskState() + ")"))
          : OperationStatus.failed("server " + spec.name() + " (" + id + ") is " + NovaServers.notRunning(status)
              + ": a unikernel that exits at once leaves it so; the next apply replaces it");
    };
  }

  /**
   * What to change when Nova found no host for a server in the deployment's server group: Nova's reason
   * ("No valid host", or "Exhausted all hosts" for servers booted together) does not say that the policy
   * the user chose is why.
   */
  private String placementHint(Server server) {
    String fault = server.getFault() == null ? "" : String.valueOf(server.getFault().getMessage());
    if (spec.placement().isEmpty() || !fault.contains("No valid host") && !fault.contains("Exhausted all hosts")) {
      return "";
    }
    String group = spec.placement().get().name();
    return ServerGroupSpec.policyOf(spec.deployment(), group).orElse(null) == ServerGroupPolicy.ANTI_AFFINITY
        ? " (openstack.serverGroup: the anti-affinity group " + group + " needs a compute host of its own for each"
            + " server, and the cloud has too few that fit; deploy fewer servers, or choose AFFINITY or no server group)"
        : " (openstack.serverGroup: the affinity group " + group + " needs every server on one compute host, which"
            + " has no room for this one; deploy fewer or smaller servers, or no server group)";
  }
}
