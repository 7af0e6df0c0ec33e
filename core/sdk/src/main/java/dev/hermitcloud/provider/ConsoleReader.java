package dev.hermitcloud.provider;

/** Reads an instance's serial console from an offset, the way GCE's {@code getSerialPortOutput} does. */
@FunctionalInterface
public interface ConsoleReader {
  /**
   * The console output from {@code offset} on. If the cloud has dropped older output, the chunk starts at
   * the first byte it still has ({@link ConsoleChunk#start()} > offset).
   */
  ConsoleChunk read(String instanceName, long offset) throws Exception;
}
