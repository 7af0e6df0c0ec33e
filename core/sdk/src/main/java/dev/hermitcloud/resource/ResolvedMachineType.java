package dev.hermitcloud.resource;

import java.util.Optional;
import org.immutables.value.Value;

/** A machine type the cloud offers, as found in its catalogue. */
@Value.Immutable
public abstract class ResolvedMachineType {
  /** The cloud's name (GCE machine type, OpenStack flavor name). */
  public abstract String name();

  /** The cloud's id, where it differs from the name (OpenStack flavor id). */
  @Value.Default
  public String id() {
    return name();
  }

  public abstract int cpus();

  public abstract int memoryMib();

  /** The root disk the type includes, in GiB, where the cloud sizes disks by type (OpenStack); 0 if not. */
  @Value.Default
  public int diskGib() {
    return 0;
  }

  /** The boot disk type the cloud will be asked for with this type (GCE: {@code pd-balanced}), if the provider chooses one. */
  public abstract Optional<String> bootDiskType();

  public static ResolvedMachineType of(String name, int cpus, int memoryMib) {
    return ImmutableResolvedMachineType.builder().name(name).cpus(cpus).memoryMib(memoryMib).build();
  }

  public static ImmutableResolvedMachineType.Builder builder() {
    return ImmutableResolvedMachineType.builder();
  }

  @Override
  public String toString() {
    return name() + " (" + cpus() + " vCPU, " + memoryMib() + " MiB" + bootDiskType().map(d -> ", boot disk " + d).orElse("")
        + ")";
  }
}
