package dev.hermitcloud.spec;

import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.internal.validation.Check;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Machines the cloud keeps running for the deployment, instead of machines the SDK creates one by one:
 * on GCE an instance template and a managed instance group (with autohealing on the deployment's health
 * check, and an autoscaler if asked), on OpenStack a Nova server group with {@link #size()} servers in it.
 *
 * <pre>{@code
 * Hermit.deploy(echo).to(target)
 *     .expose(Port.tcp(8000)).from("0.0.0.0/0")
 *     .waitUntil(Health.http(8000, "/"))
 *     .group(Group.managed().size(3).rollout(1, 0))   // replace one at a time, never below 3 serving
 *     .apply();
 * }</pre>
 *
 * <p>When the image or machine type changes, a GCE group replaces its machines by a rolling update: up to
 * {@link #maxSurge()} new machines above the size at a time, at most {@link #maxUnavailable()} machines
 * not serving, and an old machine goes only once a new one passes the health check.
 */
@Value.Immutable
public abstract class Group {
  /** The most machines a group holds here; clouds allow more, the SDK's names and waits are sized for this. */
  public static final int MAX_SIZE = 100;

  /** How many machines to run; with an autoscaler, how many to start with (its minimum by default). */
  public abstract Optional<Integer> size();

  /** The cloud's own sizing, if asked for. */
  public abstract Optional<Autoscaling> autoscaling();

  /** Rolling update: how many machines above the size may exist while replacing. */
  public abstract Optional<Integer> maxSurge();

  /** Rolling update: how many machines may be out of service while replacing. */
  public abstract Optional<Integer> maxUnavailable();

  /**
   * How long after a machine starts the cloud waits before its health check may fail it (GCE autohealing's
   * initial delay); two minutes by default, for a unikernel that answers within seconds of booting.
   */
  @Value.Default
  public Duration healingDelay() {
    return Duration.ofMinutes(2);
  }

  /**
   * Whether the group spreads its machines over several zones of the target's region (a regional managed
   * instance group on GCE), so that one zone's outage leaves the others serving; one zone by default.
   */
  @Value.Default
  public boolean isRegional() {
    return false;
  }

  /** A group of one machine, until {@link #size} or {@link #autoscale} says otherwise. */
  public static Group managed() {
    return ImmutableGroup.builder().build();
  }

  /** Runs {@code machines} machines (1 to 100). */
  public Group size(int machines) {
    return ImmutableGroup.builder().from(this).size(machines).build();
  }

  /** Lets the cloud size the group within {@code bounds}. */
  public Group autoscale(Autoscaling bounds) {
    return ImmutableGroup.builder().from(this).autoscaling(bounds).build();
  }

  /** Replaces machines at most {@code maxSurge} above the size and {@code maxUnavailable} below it at a time. */
  public Group rollout(int maxSurge, int maxUnavailable) {
    return ImmutableGroup.builder().from(this).maxSurge(maxSurge).maxUnavailable(maxUnavailable).build();
  }

  /**
   * Spreads the machines over the zones of the target zone's region (on GCE, the three zones it picks
   * there); only clouds with zones to spread over take it.
   *
   * <pre>{@code
   * Group.managed().size(6).regional()   // two machines in each of three zones of us-central1
   * }</pre>
   */
  public Group regional() {
    return ImmutableGroup.builder().from(this).isRegional(true).build();
  }

  /** The delay before autohealing may judge a new machine. */
  public Group healingDelay(Duration delay) {
    return ImmutableGroup.builder().from(this).healingDelay(delay).build();
  }

  /** The size the group is created with. */
  public int initialSize() {
    return size().orElse(autoscaling().map(Autoscaling::min).orElse(1));
  }

  /** Whether the user chose the rollout's limits (clouds without rolling updates refuse them). */
  public boolean rolloutChosen() {
    return maxSurge().isPresent() || maxUnavailable().isPresent();
  }

  @Value.Check
  protected void check() {
    size().ifPresent(n -> Check.within("group.size", n, 1, MAX_SIZE));
    autoscaling().ifPresent(bounds -> {
      int n = initialSize();
      if (n < bounds.min() || n > bounds.max()) {
        throw new InvalidSpecException("group.size", n, "is outside the autoscaler's bounds " + bounds.min() + ".." + bounds.max()
            + ": give a size within them, or leave it out to start at the minimum");
      }
    });
    maxSurge().ifPresent(n -> Check.within("group.rollout.maxSurge", n, 0, MAX_SIZE));
    maxUnavailable().ifPresent(n -> Check.within("group.rollout.maxUnavailable", n, 0, MAX_SIZE));
    if (maxSurge().orElse(1) == 0 && maxUnavailable().orElse(0) == 0) {
      // per https://cloud.google.com/compute/docs/instance-groups/rolling-out-updates-to-managed-instance-groups:
      // a rolling update needs room to add or to remove a machine, or it can never start
      throw new InvalidSpecException("group.rollout", "maxSurge 0, maxUnavailable 0",
          "leaves no room to replace a machine: allow a surge of at least 1 (or, to tolerate a gap, maxUnavailable 1)");
    }
    if (healingDelay().isNegative() || healingDelay().compareTo(Duration.ofSeconds(3600)) > 0) {
      throw new InvalidSpecException("group.healingDelay", healingDelay(), "must be between 0 and 3600 s");
    }
  }

  @Override
  public String toString() {
    return (isRegional() ? "regional " : "") + "managed group of "
        + autoscaling().map(Autoscaling::toString).orElse(String.valueOf(initialSize()));
  }
}
