package dev.hermitcloud.spec;

import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.internal.validation.Check;
import org.immutables.value.Value;

/**
 * Bounds within which the cloud itself sizes a managed group, adding machines when their average CPU use
 * is above {@link #cpuTarget()} and removing them when it is below (GCE's autoscaler).
 *
 * <pre>{@code
 * Group.managed().autoscale(Autoscaling.between(2, 10).cpuTarget(0.6))
 * }</pre>
 */
@Value.Immutable
public abstract class Autoscaling {
  /** The fewest machines the group keeps, however idle. */
  public abstract int min();

  /** The most machines the group grows to, however busy. */
  public abstract int max();

  /** The average CPU use, from above 0 to 1, that the cloud sizes the group for; 0.6 by default. */
  @Value.Default
  public double cpuTarget() {
    return 0.6;
  }

  /** Keeps between {@code min} and {@code max} machines. */
  public static Autoscaling between(int min, int max) {
    return ImmutableAutoscaling.builder().min(min).max(max).build();
  }

  /** The same bounds, sized for {@code target} average CPU use (above 0, at most 1). */
  public Autoscaling cpuTarget(double target) {
    return ImmutableAutoscaling.builder().from(this).cpuTarget(target).build();
  }

  @Value.Check
  protected void check() {
    Check.within("group.autoscale.min", min(), 1, Group.MAX_SIZE);
    Check.within("group.autoscale.max", max(), 1, Group.MAX_SIZE);
    if (min() > max()) {
      throw new InvalidSpecException("group.autoscale.min", min(), "is above max (" + max() + "): give min <= max");
    }
    if (!(cpuTarget() > 0 && cpuTarget() <= 1)) {
      throw new InvalidSpecException("group.autoscale.cpuTarget", cpuTarget(),
          "must be above 0 and at most 1, a fraction of the CPU such as 0.6");
    }
  }

  @Override
  public String toString() {
    return min() + ".." + max() + " at " + Math.round(cpuTarget() * 100) + "% CPU";
  }
}
