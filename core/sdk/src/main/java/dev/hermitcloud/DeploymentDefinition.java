package dev.hermitcloud;

import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.spec.DeploymentSpec;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The staged definition of a deployment, started by {@link Hermit#deploy}: a target is required first,
 * every exposed port needs its sources, and everything else is optional with a sensible default.
 */
public interface DeploymentDefinition {
  /** The first stage: where the unikernel runs. */
  interface WithTarget {
    /** {@code Gce.project(...)}, {@code OpenStack.cloud(...)} or {@code Local.qemu()}. */
    WithCreate to(Target target);
  }

  /** Who may connect to the ports just exposed. */
  interface WithSources {
    /** Source networks in CIDR notation, such as {@code "203.0.113.0/24"} or {@code "0.0.0.0/0"}. */
    WithCreate from(String... cidrs);
  }

  /** The stage that can plan or apply, or set more options. */
  interface WithCreate {
    /** The deployment name; defaults to the unikernel's name. */
    WithCreate name(String name);

    /** Defaults to the smallest type with 1 vCPU and 512 MiB. */
    WithCreate machineType(MachineType type);

    /** How many instances; defaults to 1. */
    WithCreate count(int count);

    /**
     * Machines the cloud keeps running (GCE managed instance group, OpenStack server group) instead of
     * {@link #count}: {@code group(Group.managed().size(3))}.
     */
    WithCreate group(Group group);

    /** Disk size in whole GiB; defaults to 1. */
    WithCreate diskGib(int gib);

    WithCreate imageFamily(String family);

    WithCreate description(String description);

    WithCreate label(String key, String value);

    WithCreate metadata(String key, String value);

    /** The network, if not the cloud's default. */
    WithCreate network(String network);

    /** Ask for spot (preemptible) machines. */
    WithCreate spot();

    /** Run the instances as this service account (GCE). None unless asked. */
    WithCreate serviceAccount(String email);

    /** Opens ports to the deployment's instances; say from where next. */
    WithSources expose(Port... ports);

    /** Makes {@code apply()} return only once the check passes on every instance (default timeout 5 min). */
    WithCreate waitUntil(Health health);

    WithCreate waitUntil(Health health, Duration timeout);

    /** Where progress events go; none by default ({@code Progress.console()} prints them). */
    WithCreate onProgress(ProgressListener listener);

    /** How cloud calls are retried; {@link RetryPolicy#defaults()} by default. */
    WithCreate retry(RetryPolicy policy);

    /**
     * How long apply waits while another apply or destroy of this deployment holds its lock (30 minutes by
     * default); {@code Duration.ZERO} fails at once with a {@link DeploymentLockedException} naming the holder.
     */
    WithCreate lockTimeout(Duration timeout);

    /** Parallelism, polling and per-kind deadlines; sets nothing else (progress and retries stay as set). */
    WithCreate engineOptions(EngineOptions options);

    /** The validated spec, without contacting the target. */
    DeploymentSpec spec();

    /** What {@link #apply()} would do; reads the target, changes nothing. */
    Plan plan();

    /** Converges the target to this definition; safe to run again. */
    Deployment apply();

    /** {@link #apply()} on another thread. */
    CompletableFuture<Deployment> applyAsync();
  }
}
