package dev.hermitcloud.spec;

import dev.hermitcloud.internal.validation.Check;
import dev.hermitcloud.InvalidSpecException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The size of the machines: either a type the cloud names ({@code f1-micro}, {@code m1.small}), or the
 * smallest type offering at least some vCPUs and memory, which each cloud resolves from its catalogue
 * (fewest vCPUs first, then least memory).
 */
@Value.Immutable
public abstract class MachineType {
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** The cloud's name for the type, if chosen by name. */
  public abstract Optional<String> name();

  /** The least number of vCPUs, if chosen by size. */
  public abstract Optional<Integer> minCpus();

  /** The least memory in MiB, if chosen by size. */
  public abstract Optional<Integer> minMemoryMib();

  public static MachineType named(String name) {
    Check.required("machineType.name", name,
        "name the cloud's type, e.g. MachineType.named(\"e2-small\"), or size one with MachineType.atLeast(1, 512)");
    return ImmutableMachineType.builder().name(name).build();
  }

  public static MachineType atLeast(int cpus, int memoryMib) {
    return ImmutableMachineType.builder().minCpus(cpus).minMemoryMib(memoryMib).build();
  }

  /** Whether a type with {@code cpus} and {@code memoryMib} satisfies this one (by-size types only). */
  public boolean admits(int cpus, int memoryMib) {
    return name().isEmpty() && cpus >= minCpus().orElse(0) && memoryMib >= minMemoryMib().orElse(0);
  }

  @Value.Check
  protected void check() {
    if (name().isPresent() == (minCpus().isPresent() || minMemoryMib().isPresent())) {
      throw new InvalidSpecException("machineType", this,
          "must be either named (MachineType.named(\"f1-micro\")) or sized (MachineType.atLeast(1, 600))");
    }
    if (name().isPresent() && !TYPE_NAME.matcher(name().get()).matches()) {
      throw new InvalidSpecException("machineType.name", name().get(),
          "is not a machine type name: use the cloud's name such as f1-micro or m1.small");
    }
    minCpus().ifPresent(c -> Check.within("machineType.cpus", c, 1, 1024));
    minMemoryMib().ifPresent(m -> Check.within("machineType.memoryMib", m, 64, 16 * 1024 * 1024));
  }

  @Override
  public String toString() {
    return name().orElseGet(() -> "at least " + minCpus().orElse(1) + " vCPU, " + minMemoryMib().orElse(0) + " MiB");
  }
}
