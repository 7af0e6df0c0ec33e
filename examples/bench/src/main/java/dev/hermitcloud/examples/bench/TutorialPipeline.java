package dev.hermitcloud.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The 2017 tutorial's root-only recipe (tutorial-pipeline.sh beside this class), run as a bash script:
 * loop device, sfdisk, mkfs.ext2, mount, grub-install, cp, umount, {@code tar -cSzf}.
 */
final class TutorialPipeline {
  private final Path script;

  private TutorialPipeline(Path script) {
    this.script = script;
  }

  /** Writes the script into {@code work}. */
  static TutorialPipeline in(Path work) throws IOException {
    Path script = work.resolve("tutorial-pipeline.sh");
    try (InputStream in = TutorialPipeline.class.getResourceAsStream("tutorial-pipeline.sh")) {
      if (in == null) {
        throw new IOException("tutorial-pipeline.sh is missing from the class path");
      }
      Files.write(script, in.readAllBytes());
    }
    return new TutorialPipeline(script);
  }

  /** Runs once; returns the archive it made in {@code work}. */
  Path run(Path loader, String loaderArgs, Path module, Path work) throws IOException, InterruptedException {
    Path log = work.resolve("tutorial.log");
    Process process = new ProcessBuilder("bash", script.toString(), loader.toString(), loaderArgs, module.toString(),
        work.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
      throw new IOException("tutorial pipeline did not finish in 5 minutes");
    }
    if (process.exitValue() != 0) {
      throw new IOException("tutorial pipeline failed (" + process.exitValue() + "): "
          + Files.readString(log, StandardCharsets.UTF_8).strip());
    }
    return work.resolve("disk.tar.gz");
  }
}
