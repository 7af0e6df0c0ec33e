package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import dev.hermitcloud.resource.InstanceSpec;
import java.util.Optional;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Server;

/**
 * Waits for a server to leave BUILD, then gives it its floating IP if the target asks for one: the port
 * a floating IP attaches to exists for sure only once the server is ACTIVE. ERROR fails with Nova's
 * fault message.
 */
final class ServerCompletion implements Operation {
  private final Clients clients;
  private final FloatingIpPolicy floatingIps;
  private final String id;
  private final InstanceSpec spec;

  ServerCompletion(Clients clients, FloatingIpPolicy floatingIps, String id, InstanceSpec spec) {
    this.clients = clients;
    this.floatingIps = floatingIps;
    this.id = id;
    this.spec = spec;
  }

  @Override
  public String description() {
    return "create instance " + spec.name();
  }

  @Override
  public OperationStatus poll() throws Exception {
    OSClientV3 os = clients.os();
    Server server = os.compute().servers().get(id);
    if (server == null) {
      return OperationStatus.failed("server " + spec.name() + " (" + id + ") disappeared while it was booting");
    }
    Server.Status status = server.getStatus() == null ? Server.Status.UNKNOWN : server.getStatus();
    return switch (status) {
      case ACTIVE -> floatingIps.wanted() && floatingIp(os).isEmpty()
          ? OperationStatus.running("ACTIVE, waiting for its port") : OperationStatus.done();
      case ERROR -> OperationStatus.failed(NovaServers.faultMessage(server));
      case DELETED -> OperationStatus.failed("server " + spec.name() + " (" + id + ") was deleted while it was booting");
      default -> OperationStatus.running(status.name() + (server.getTaskState() == null ? "" : " (" + server.getTaskState() + ")"));
    };
  }

  private Optional<?> floatingIp(OSClientV3 os) {
    return FloatingIps.ensure(os, id, floatingIps.tenantNetworkId(os, spec.network()), floatingIps.externalNetworkId(os),
        "hermit-deployment=" + spec.deployment() + " hermit-instance=" + spec.name());
  }
}
