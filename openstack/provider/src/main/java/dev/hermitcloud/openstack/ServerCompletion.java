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
      case ERROR -> OperationStatus.failed(NovaServers.faultMessage(server));
      case DELETED -> OperationStatus.failed("server " + spec.name() + " (" + id + ") was deleted while it was booting");
      default -> NovaServers.PENDING.contains(status)
          ? OperationStatus.running(status.name() + (server.getTaskState() == null ? "" : " (" + server.getTaskState() + ")"))
          : OperationStatus.failed("server " + spec.name() + " (" + id + ") is " + NovaServers.notRunning(status)
              + ": a unikernel that exits at once leaves it so; the next apply replaces it");
    };
  }
}
