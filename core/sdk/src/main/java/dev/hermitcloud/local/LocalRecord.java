package dev.hermitcloud.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local target remembers about an image or instance, as a small JSON file beside it: the
 * ownership labels (as a cloud would keep them), and for instances the address, ports and QEMU pid.
 */
record LocalRecord(String name, Map<String, String> labels, String image, String address, List<String> ports,
    long pid, int cpus, int memoryMib, String machineType) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Optional<LocalRecord> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), LocalRecord.class));
  }

  /** Writes atomically, so a reader never sees half a record. */
  void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  LocalRecord withPid(long newPid) {
    return new LocalRecord(name, labels, image, address, ports, newPid, cpus, memoryMib, machineType);
  }
}
