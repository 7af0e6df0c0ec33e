package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.DeleteHealthCheckRequest;
import com.google.cloud.compute.v1.HTTPHealthCheck;
import com.google.cloud.compute.v1.HealthCheck;
import com.google.cloud.compute.v1.InsertHealthCheckRequest;
import com.google.cloud.compute.v1.ListHealthChecksRequest;
import com.google.cloud.compute.v1.TCPHealthCheck;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.Health;
import java.util.List;
import java.util.Optional;

/**
 * Global health checks for managed groups' autohealing. A health check has no labels: the marks live in
 * its description, and it is never changed (another check has another name, see {@link HealthCheckSpec}).
 */
final class GceHealthChecks implements ResourceDriver<HealthCheckSpec> {
  // a machine is judged unhealthy after 3 failed probes 10 s apart, and healthy again after 2 good ones: said
  // here, not left to GCE's defaults (5 s, 2 and 2, https://cloud.google.com/compute/docs/reference/rest/v1/healthChecks),
  // so that a unikernel busy for a few seconds is not recreated, and a change of Google's defaults changes nothing
  private static final int INTERVAL_SEC = 10;
  private static final int TIMEOUT_SEC = 5;
  private static final int HEALTHY_THRESHOLD = 2;
  private static final int UNHEALTHY_THRESHOLD = 3;

  private final GceClients clients;
  private final Gce target;

  GceHealthChecks(GceClients clients, Gce target) {
    this.clients = clients;
    this.target = target;
  }

  @Override
  public ResourceKind kind() {
    return Gce.HEALTH_CHECK;
  }

  @Override
  public Optional<Observed> read(String name) {
    try {
      return Optional.of(observe(clients.healthChecks.get(target.project(), name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    return Owned.of(clients.healthChecks.list(ListHealthChecksRequest.newBuilder().setProject(target.project())
        .build()).iterateAll(), GceHealthChecks::observe, deployment);
  }

  @Override
  public Operation create(HealthCheckSpec spec, CallContext context) {
    Health health = spec.health();
    HealthCheck.Builder check = HealthCheck.newBuilder().setName(spec.name())
        .setDescription(Owned.description("health", spec.deployment(), context.ownership()))
        .setCheckIntervalSec(INTERVAL_SEC).setTimeoutSec(TIMEOUT_SEC)
        .setHealthyThreshold(HEALTHY_THRESHOLD).setUnhealthyThreshold(UNHEALTHY_THRESHOLD);
    if (health.httpPath().isPresent()) {
      check.setType("HTTP").setHttpHealthCheck(HTTPHealthCheck.newBuilder().setPort(health.port())
          .setRequestPath(health.httpPath().get()));
    } else {
      check.setType("TCP").setTcpHealthCheck(TCPHealthCheck.newBuilder().setPort(health.port()));
    }
    com.google.cloud.compute.v1.Operation started = clients.healthChecks.insertCallable().call(InsertHealthCheckRequest
        .newBuilder().setProject(target.project()).setRequestId(context.requestId()).setHealthCheckResource(check).build());
    return GceOperation.global(clients, target.project(), "insert health check " + spec.name(), started);
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    com.google.cloud.compute.v1.Operation started = clients.healthChecks.deleteCallable().call(DeleteHealthCheckRequest
        .newBuilder().setProject(target.project()).setHealthCheck(current.name()).setRequestId(context.requestId()).build());
    return GceOperation.global(clients, target.project(), "delete health check " + current.name(), started);
  }

  private static Observed observe(HealthCheck check) {
    return Observed.builder().kind(Gce.HEALTH_CHECK).name(check.getName())
        .owner(Ownership.fromDescription(check.getDescription())).build();
  }
}
