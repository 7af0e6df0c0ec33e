package dev.hermitcloud.image;

import dev.hermitcloud.internal.host.HostTools;
import dev.hermitcloud.MissingHostToolException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * GRUB's i386-pc boot code, taken from this machine: {@code boot.img} from the platform directory and a
 * {@code core.img} made by {@code grub-mkimage} with the modules an image needs to read grub.cfg from
 * the ext2 partition and start a Multiboot kernel on the serial console. core.img is made once per
 * process.
 */
final class HostGrub {
  static final String DEBIAN_PACKAGE = "grub-pc-bin";
  static final String PREFIX = "(hd0,msdos1)/boot/grub";
  static final List<String> MODULES =
      List.of("biosdisk", "part_msdos", "ext2", "multiboot", "normal", "serial", "terminal", "boot");

  private static final Path DEFAULT_PLATFORM_DIRECTORY = Path.of("/usr/lib/grub/i386-pc");
  private static final String MKIMAGE = "grub-mkimage";
  private static final long MKIMAGE_TIMEOUT_SECONDS = 60;
  private static final Map<List<String>, GrubBootCode> CACHE = new HashMap<>();

  private final Path platformDirectory;
  private final String mkimage;

  /** GRUB from {@code platformDirectory}, with {@code mkimage} (a path, or a name looked up on PATH). */
  HostGrub(Path platformDirectory, String mkimage) {
    this.platformDirectory = platformDirectory;
    this.mkimage = mkimage;
  }

  /** Debian's GRUB: {@code /usr/lib/grub/i386-pc} and {@code grub-mkimage} on the PATH. */
  static HostGrub system() {
    return new HostGrub(DEFAULT_PLATFORM_DIRECTORY, MKIMAGE);
  }

  /** The boot code, made on first use in this process. */
  GrubBootCode bootCode() throws IOException {
    List<String> key = List.of(platformDirectory.toString(), mkimage);
    synchronized (CACHE) {
      GrubBootCode cached = CACHE.get(key);
      if (cached == null) {
        cached = make();
        CACHE.put(key, cached);
      }
      return cached;
    }
  }

  private GrubBootCode make() throws IOException {
    Path bootImage = platformDirectory.resolve("boot.img");
    if (!Files.isRegularFile(bootImage) || !Files.isRegularFile(platformDirectory.resolve("moddep.lst"))) {
      throw new MissingHostToolException("GRUB for BIOS (i386-pc)", DEBIAN_PACKAGE,
          bootImage + " or moddep.lst not found");
    }
    byte[] boot = Files.readAllBytes(bootImage);
    if (boot.length != MasterBootRecord.SECTOR_SIZE) {
      throw new IOException(bootImage + " is " + boot.length + " bytes, expected 512: reinstall " + DEBIAN_PACKAGE);
    }
    String program = findProgram(mkimage);
    Path core = Files.createTempFile("hermit-core", ".img");
    try {
      List<String> command = new ArrayList<>(List.of(program, "-O", "i386-pc", "-d", platformDirectory.toString(),
          "-p", PREFIX, "-o", core.toString()));
      command.addAll(MODULES);
      run(command);
      return new GrubBootCode(Arrays.copyOf(boot, MasterBootRecord.CODE_SIZE), Files.readAllBytes(core));
    } finally {
      Files.deleteIfExists(core);
    }
  }

  private static void run(List<String> command) throws IOException {
    // Output goes to a file so that the timeout holds even if the program never closes its output.
    Path log = Files.createTempFile("hermit-grub-mkimage", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(MKIMAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IOException(String.join(" ", command) + " did not finish in " + MKIMAGE_TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed with status " + process.exitValue() + ": "
            + new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }

  private static String findProgram(String name) {
    return HostTools.require(name, DEBIAN_PACKAGE).toString();
  }

}
