package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import org.openstack4j.model.compute.Server;

/**
 * Waits until a deleted server is gone. openstack4j reports a delete answered 429 or 503 as a success,
 * so a server still there and not being deleted gets the delete again.
 */
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
    var servers = clients.os().compute().servers();
    Server server = servers.get(id);
    if (server == null || server.getStatus() == Server.Status.DELETED) {
      return OperationStatus.done();
    }
    if (!"deleting".equals(server.getTaskState())) {
      var response = servers.delete(id);
      if (response.getCode() == 404) {
        return OperationStatus.done();
      }
      CloudErrors.check(response, "delete server " + name);
      return OperationStatus.running("delete sent again");
    }
    return OperationStatus.running("deleting");
  }
}
