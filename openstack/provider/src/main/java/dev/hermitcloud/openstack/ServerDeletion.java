package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import org.openstack4j.model.compute.Server;

/** Waits until a deleted server is gone: one GET a poll (the delete itself was confirmed when it was sent). */
final class ServerDeletion implements Operation {
  private final Clients clients;
  private final String id;
  private final String name;

  ServerDeletion(Clients clients, String id, String name) {
    this.clients = clients;
    this.id = id;
    this.name = name;
  }

  @Override
  public String description() {
    return "delete instance " + name;
  }

  @Override
  public OperationStatus poll() throws Exception {
    Server server = clients.os().compute().servers().get(id);
    if (server == null || server.getStatus() == Server.Status.DELETED) {
      return OperationStatus.done();
    }
    return OperationStatus.running("deleting".equals(server.getTaskState()) ? "deleting" : String.valueOf(server.getStatus()));
  }
}
