package dev.hermitcloud.examples.cli;

import dev.hermitcloud.image.DiskImage;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hermit image build}: write the disk image as raw, GCE archive or qcow2, without root. */
@Command(name = "image", description = "Disk images.", subcommands = ImageCommand.Build.class)
final class ImageCommand {
  enum Format { raw, gce, qcow2 }

  @Command(name = "build", mixinStandardHelpOptions = true, description = "Build a bootable disk image without root.")
  static final class Build implements Callable<Integer> {
    @Mixin
    UnikernelOptions unikernel;

    @Option(names = "--format", defaultValue = "raw", description = "raw, gce (disk.raw in a .tar.gz) or qcow2 (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--disk-gib", defaultValue = "1", description = "Disk size in GiB (default: ${DEFAULT-VALUE}).")
    int diskGib;

    @Option(names = "--out", required = true, description = "The file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Path directory = out.toAbsolutePath().getParent();
      if (!Files.isDirectory(directory)) {
        throw new ParameterException(spec.commandLine(), "--out " + out + ": the directory " + directory
            + " does not exist: create it first (mkdir -p " + CliWording.shellWord(directory.toString()) + ") or write elsewhere");
      }
      DiskImage image = DiskImage.of(unikernel.unikernel("image"), diskGib);
      if (format == Format.raw) {
        image.writeRaw(out);
      } else {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
          if (format == Format.gce) {
            image.writeGceArchive(stream);
          } else {
            image.writeQcow2(stream);
          }
        }
      }
      System.out.printf("wrote %s (%s, %d GiB disk, %d bytes written, content %s)%n", out, format, diskGib,
          Files.size(out), image.contentHash().substring(0, 12));
      return 0;
    }
  }
}
