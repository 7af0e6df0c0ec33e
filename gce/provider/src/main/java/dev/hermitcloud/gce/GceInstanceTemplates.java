package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.DeleteInstanceTemplateRequest;
import com.google.cloud.compute.v1.InsertInstanceTemplateRequest;
import com.google.cloud.compute.v1.InstanceTemplate;
import com.google.cloud.compute.v1.ListInstanceTemplatesRequest;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Global instance templates of managed groups. The template's marks live in its description: the labels
 * in its properties go onto every machine the group makes, and ownership marks there would make those
 * machines look like the deployment's own instances, which a plan would delete as no longer wanted. The
 * machines carry {@link #GROUP_LABEL} instead.
 */
final class GceInstanceTemplates implements ResourceDriver<TemplateSpec> {
  /** The label on a managed group's machines naming the deployment whose group made them. */
  static final String GROUP_LABEL = "hermit-group";

  private final GceClients clients;
  private final Gce target;

  GceInstanceTemplates(GceClients clients, Gce target) {
    this.clients = clients;
    this.target = target;
  }

  @Override
  public ResourceKind kind() {
    return Gce.INSTANCE_TEMPLATE;
  }

  @Override
  public Optional<Observed> read(String name) {
    try {
      return Optional.of(observe(clients.instanceTemplates.get(target.project(), name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    return Owned.of(clients.instanceTemplates.list(ListInstanceTemplatesRequest.newBuilder()
        .setProject(target.project()).build()).iterateAll(), GceInstanceTemplates::observe, deployment);
  }

  @Override
  public Operation create(TemplateSpec spec, CallContext context) {
    Map<String, String> labels = new LinkedHashMap<>(spec.machine().labels());
    labels.put(GROUP_LABEL, spec.deployment());
    InstanceTemplate template = InstanceTemplate.newBuilder().setName(spec.name())
        .setDescription(Owned.description("machines", spec.deployment(), context.ownership()))
        .setProperties(InstanceResource.template(spec.machine(), labels, target)).build();
    com.google.cloud.compute.v1.Operation started = clients.instanceTemplates.insertCallable().call(
        InsertInstanceTemplateRequest.newBuilder().setProject(target.project()).setRequestId(context.requestId())
            .setInstanceTemplateResource(template).build());
    return GceOperation.global(clients, target.project(), "insert instance template " + spec.name(), started);
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    com.google.cloud.compute.v1.Operation started = clients.instanceTemplates.deleteCallable().call(
        DeleteInstanceTemplateRequest.newBuilder().setProject(target.project()).setInstanceTemplate(current.name())
            .setRequestId(context.requestId()).build());
    return GceOperation.global(clients, target.project(), "delete instance template " + current.name(), started);
  }

  private static Observed observe(InstanceTemplate template) {
    return Observed.builder().kind(Gce.INSTANCE_TEMPLATE).name(template.getName())
        .owner(Ownership.fromDescription(template.getDescription())).build();
  }
}
