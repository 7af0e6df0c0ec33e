package dev.hermitcloud.local;

import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.InvalidSpecException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Machine sizes for QEMU: a few named ones, {@code custom-<cpus>-<mib>} for anything else, and by-size
 * requests met exactly (there is no catalogue to round up to here beyond the named sizes).
 */
final class LocalMachineTypes {
  private static final List<ResolvedMachineType> NAMED = List.of(
      ResolvedMachineType.of("tiny", 1, 256),
      ResolvedMachineType.of("small", 1, 512),
      ResolvedMachineType.of("medium", 2, 1024),
      ResolvedMachineType.of("large", 4, 4096));
  private static final Pattern CUSTOM = Pattern.compile("custom-(\\d{1,3})-(\\d{2,7})");

  private LocalMachineTypes() {}

  static ResolvedMachineType resolve(MachineType type) {
    if (type.name().isPresent()) {
      String name = type.name().get();
      Matcher custom = CUSTOM.matcher(name);
      if (custom.matches()) {
        return ResolvedMachineType.of(name, Integer.parseInt(custom.group(1)), Integer.parseInt(custom.group(2)));
      }
      return NAMED.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
          new InvalidSpecException("machineType.name", name,
              "is not a local machine type: use tiny, small, medium, large or custom-<cpus>-<mib>"));
    }
    return NAMED.stream().filter(t -> type.admits(t.cpus(), t.memoryMib())).findFirst()
        .orElseGet(() -> ResolvedMachineType.of("custom-" + type.minCpus().orElse(1) + "-" + type.minMemoryMib().orElse(512),
            type.minCpus().orElse(1), type.minMemoryMib().orElse(512)));
  }
}
