package dev.hermitcloud.openstack;

import dev.hermitcloud.CloudException;
import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.ConsoleTranscript;
import dev.hermitcloud.resource.Observed;
import java.util.Map;
import java.util.NoSuchElementException;
import org.openstack4j.api.types.ServiceType;

/**
 * A server's console through {@code os-getConsoleOutput}. Nova returns the whole log it keeps on each
 * call; offsets are positions in that text. When the log has become shorter than an offset (Nova keeps a
 * bounded tail), reading starts over at what it holds.
 *
 * <p>Plain HTTP rather than openstack4j, which turns Nova's 404 into an empty console and drops its
 * message. What real Nova answers (openstack/local-cloud/FINDINGS.md): while the server builds, 409 "is
 * not ready" and then 404 "could not be found" until libvirt defines the guest — no console yet, so an
 * empty chunk; once ACTIVE, the text; for a SHUTOFF server, 404 "Guest does not have a console
 * available." and what the guest printed is gone — then what this connection read before, or an error
 * that says so; for an ERROR server, 409.
 */
final class NovaConsole implements ConsoleReader {
  private final NovaServers servers;
  private final OpenStackHttp http;
  private final ConsoleTranscript transcript = new ConsoleTranscript();

  NovaConsole(NovaServers servers, OpenStackHttp http) {
    this.servers = servers;
    this.http = http;
  }

  @Override
  public ConsoleChunk read(String instanceName, long offset) throws Exception {
    Observed server = servers.read(instanceName)
        .orElseThrow(() -> new NoSuchElementException("there is no server named " + instanceName));
    String id = server.attribute(Observed.ID).orElseThrow();
    var body = OpenStackHttp.JSON.createObjectNode();
    body.putObject("os-getConsoleOutput");
    OpenStackHttp.Answer answer = http.send(ServiceType.COMPUTE, "POST", "/servers/" + id + "/action", body, Map.of());
    if (answer.ok()) {
      String output = answer.json().path("output").asText("");
      long start = offset > output.length() ? 0 : Math.max(0, offset);
      ConsoleChunk chunk = new ConsoleChunk(output.substring((int) start), start, output.length());
      transcript.record(instanceName, chunk);
      return chunk;
    }
    String status = server.attribute(Observed.STATUS).orElse("UNKNOWN");
    boolean noConsole = answer.status() == 404 || answer.status() == 409;
    if (noConsole && status.equals("BUILD")) {
      return new ConsoleChunk("", offset, offset);
    }
    if (noConsole) {
      return transcript.from(instanceName, offset).orElseThrow(() -> new CloudException(answer.status(),
          "server " + instanceName + " (" + id + ") is " + status + " and Nova has no console for it (\""
              + answer.message() + "\")" + (status.equals("ERROR") ? ": " + server.stateMessage().orElse("") : "")
              + ". Nova keeps no console of a guest that is not running, so what it printed is gone, and this"
              + " connection had read none of it. A unikernel that exits leaves its server SHUTOFF and the next"
              + " apply replaces it; to keep its output, follow the console while it runs"
              + " (hermit logs --follow; in Java, Deployment.serialLog().follow)."));
    }
    throw new CloudException(answer.status(), "Nova answered " + answer.status() + " to the console of server "
        + instanceName + " (" + id + "): " + answer.message());
  }
}
