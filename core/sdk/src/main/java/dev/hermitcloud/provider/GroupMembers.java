package dev.hermitcloud.provider;

import dev.hermitcloud.resource.Observed;
import java.util.List;

/**
 * An optional capability of a {@link ResourceDriver} whose resources are groups the cloud fills with
 * machines itself (a GCE managed instance group): the machines it runs now. The engine asks for them
 * after an apply, and probes and returns them like instances it created, so a deployment's endpoints and
 * health check cover the group's machines.
 *
 * <pre>{@code
 * final class InstanceGroups implements ResourceDriver<GroupSpec>, GroupMembers {
 *   public List<Observed> members(Observed group) throws Exception {
 *     // the group's instance list, each read as the INSTANCE driver reads it
 *   }
 * }
 * }</pre>
 *
 * <p>Only reads. Each member is reported as {@link dev.hermitcloud.resource.ResourceKind#INSTANCE}, as the
 * provider's instance driver would {@link ResourceDriver#read read} it by name, with its
 * {@link Observed#ADDRESS}; the members are not the deployment's own resources and carry no ownership
 * marks, since the cloud, not the deployment, creates and deletes them.
 */
public interface GroupMembers {
  /** The machines {@code group} runs now, in a stable order (by name). */
  List<Observed> members(Observed group) throws Exception;
}
