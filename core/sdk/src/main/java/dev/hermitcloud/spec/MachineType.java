package dev.hermitcloud.spec;

import dev.hermitcloud.internal.validation.Check;
import dev.hermitcloud.InvalidSpecException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The size of the machines: either a type the cloud names ({@code f1-micro}, {@code m1.small}), or the
 * smallest type offering at least some vCPUs and memory, which each cloud resolves from its catalogue
 * (fewest vCPUs first, then least memory).
 *
 * <p>On clouds whose types come in families with their own rules (GCE: {@code e2}, {@code n2}, ...), a
 * sized type can be kept to some families and given the boot disk type, for example
 * {@code MachineType.atLeast(2, 4096).family("e2", "n2d").diskType("pd-ssd")}. Targets without
 * families (OpenStack flavors, local QEMU) ignore both.
 */
@Value.Immutable
public abstract class MachineType {
  private static final Pattern FAMILY = Pattern.compile("[a-z][a-z0-9]{0,15}");
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** The cloud's name for the type, if chosen by name. */
  public abstract Optional<String> name();

  /** The least number of vCPUs, if chosen by size. */
  public abstract Optional<Integer> minCpus();

  /** The least memory in MiB, if chosen by size. */
  public abstract Optional<Integer> minMemoryMib();

  /** The families a sized type may come from ({@code e2}, {@code n2d}); empty means the cloud's default choice. */
  public abstract List<String> families();

  /** The boot disk type ({@code pd-balanced}, {@code pd-ssd} on GCE), if not the provider's default. */
  public abstract Optional<String> diskType();

  public static MachineType named(String name) {
    Check.required("machineType.name", name,
        "name the cloud's type, e.g. MachineType.named(\"e2-small\"), or size one with MachineType.atLeast(1, 512)");
    return ImmutableMachineType.builder().name(name).build();
  }

  public static MachineType atLeast(int cpus, int memoryMib) {
    return ImmutableMachineType.builder().minCpus(cpus).minMemoryMib(memoryMib).build();
  }

  /** Keeps a sized type to these families: {@code atLeast(1, 2048).family("e2")} never picks an n2. */
  public MachineType family(String... families) {
    return ImmutableMachineType.builder().from(this).families(List.of(families)).build();
  }

  /** Asks for this boot disk type ({@code pd-ssd}) instead of the provider's default. */
  public MachineType diskType(String diskType) {
    return ImmutableMachineType.builder().from(this).diskType(Check.required("machineType.diskType", diskType)).build();
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
    if (name().isPresent() && !families().isEmpty()) {
      throw new InvalidSpecException("machineType.family", families(),
          "only restricts a sized type: use MachineType.atLeast(cpus, mib).family(...), or name the type alone");
    }
    for (String family : families()) {
      if (family == null || !FAMILY.matcher(family).matches()) {
        throw new InvalidSpecException("machineType.family", family,
            "is not a machine family: give the prefix of the cloud's type names, such as e2 or n2d");
      }
    }
    diskType().ifPresent(d -> {
      if (!TYPE_NAME.matcher(d).matches()) {
        throw new InvalidSpecException("machineType.diskType", d, "is not a disk type name: use the cloud's name such as pd-balanced");
      }
    });
    minCpus().ifPresent(c -> Check.within("machineType.cpus", c, 1, 1024));
    minMemoryMib().ifPresent(m -> Check.within("machineType.memoryMib", m, 64, 16 * 1024 * 1024));
  }

  @Override
  public String toString() {
    String size = name().orElseGet(() -> "at least " + minCpus().orElse(1) + " vCPU, " + minMemoryMib().orElse(0) + " MiB");
    // only what was asked for: an unrestricted type reads (and fingerprints) as it always did
    return size + (families().isEmpty() ? "" : ", family " + String.join("/", families()))
        + diskType().map(d -> ", disk " + d).orElse("");
  }
}
