package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.resource.Observed;
import java.util.NoSuchElementException;

/**
 * A server's console through {@code os-getConsoleOutput}. Nova returns the whole log it keeps on each
 * call; offsets are positions in that text. When the log has become shorter than an offset (Nova keeps a
 * bounded tail), reading starts over at what it holds.
 */
final class NovaConsole implements ConsoleReader {
  private final Clients clients;
  private final NovaServers servers;

  NovaConsole(Clients clients, NovaServers servers) {
    this.clients = clients;
    this.servers = servers;
  }

  @Override
  public ConsoleChunk read(String instanceName, long offset) throws Exception {
    Observed server = servers.read(instanceName)
        .orElseThrow(() -> new NoSuchElementException("there is no server named " + instanceName));
    String text = clients.os().compute().servers().getConsoleOutput(server.attribute(Observed.ID).orElseThrow(), 0);
    String output = text == null ? "" : text;
    long start = offset > output.length() ? 0 : Math.max(0, offset);
    return new ConsoleChunk(output.substring((int) start), start, output.length());
  }
}
