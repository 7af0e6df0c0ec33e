package dev.hermitcloud.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code hermit --version}: the version Maven stamped into the build, so a release archive and a source
 * build can never disagree about what they are. Reading it loads no picocli class, so that
 * {@link HermitCli#main} can answer {@code --version} before any command is built.
 */
final class BuildVersion {
  private BuildVersion() {}

  static String[] lines() {
    return new String[] {"hermit-cloud " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
  }

  static String version() {
    try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the CLI's class path: rebuild it");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same lines for picocli, where {@code --version} comes with other arguments. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return lines();
    }
  }
}
