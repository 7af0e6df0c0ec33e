package dev.hermitcloud.local;

import dev.hermitcloud.image.DiskImage;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.ImageSpec;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Images as sparse raw disk files, {@code images/<name>.raw}, with a record beside each. */
final class LocalImages implements ResourceDriver<ImageSpec> {
  private final Path dir;

  LocalImages(Path stateDir) {
    this.dir = stateDir.resolve("images");
  }

  Path disk(String name) {
    return dir.resolve(name + ".raw");
  }

  private Path record(String name) {
    return dir.resolve(name + ".json");
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.IMAGE;
  }

  @Override
  public Optional<Observed> read(String name) throws IOException {
    Optional<LocalRecord> record = LocalRecord.read(record(name));
    if (record.isEmpty() || !Files.exists(disk(name))) {
      return Optional.empty();
    }
    return Optional.of(observe(record.get()));
  }

  @Override
  public List<Observed> listOwned(String deployment) throws IOException {
    List<Observed> owned = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return owned;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Optional<LocalRecord> record = LocalRecord.read(file);
        if (record.isPresent() && deployment.equals(record.get().labels().get(Ownership.DEPLOYMENT_KEY))) {
          owned.add(observe(record.get()));
        }
      }
    }
    return owned;
  }

  @Override
  public Operation create(ImageSpec spec, CallContext context) throws IOException {
    Files.createDirectories(dir);
    DiskImage.of(spec.unikernel(), spec.diskGib()).writeRaw(disk(spec.name()));
    new LocalRecord(spec.name(), context.ownership().toLabels(), spec.name(), null, List.of(), 0, 0, 0, null)
        .write(record(spec.name()));
    return Operation.completed("write image " + spec.name());
  }

  @Override
  public Operation delete(Observed current, CallContext context) throws IOException {
    Files.deleteIfExists(record(current.name()));
    Files.deleteIfExists(disk(current.name()));
    return Operation.completed("delete image " + current.name());
  }

  private Observed observe(LocalRecord record) {
    return Observed.builder().kind(ResourceKind.IMAGE).name(record.name())
        .owner(Ownership.fromLabels(record.labels())).attributes(Map.of("file", disk(record.name()).toString())).build();
  }
}
