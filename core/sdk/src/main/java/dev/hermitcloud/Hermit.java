package dev.hermitcloud;

import dev.hermitcloud.unikernel.Unikernel;

/**
 * Deploys HermitCore unikernels with one fluent call.
 *
 * <pre>{@code
 * Deployment d = Hermit.deploy(echo)
 *     .to(Gce.project("my-project").zone("us-central1-c").bucket("my-bucket"))
 *     .machineType(MachineType.named("f1-micro"))
 *     .expose(Port.tcp(8000)).from("0.0.0.0/0")
 *     .waitUntil(Health.http(8000, "/"))
 *     .onProgress(Progress.console())
 *     .apply();
 * }</pre>
 */
public final class Hermit {
  private Hermit() {}

  /** Starts a deployment of {@code unikernel}; name it after the unikernel unless {@code .name(...)} says otherwise. */
  public static DeploymentDefinition.WithTarget deploy(Unikernel unikernel) {
    return new DeploymentBuilder(unikernel);
  }

  /** Starts the removal of the deployment called {@code deployment}. */
  public static DestroyDefinition destroy(String deployment) {
    return new DestroyBuilder(deployment);
  }

  /**
   * Starts breaking the lock of the deployment called {@code deployment}, held by an apply or destroy
   * that was killed: {@code Hermit.unlock("echo").on(target)}. Like Terraform's force-unlock, only for a
   * holder that is gone; a lock that merely expired is taken over by the next run anyway.
   */
  public static UnlockDefinition unlock(String deployment) {
    return new UnlockBuilder(deployment);
  }
}
