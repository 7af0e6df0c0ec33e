package dev.hermitcloud.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.spec.Port;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local addresses: unique per state directory and name, checked for a free port before QEMU starts. */
class LoopbackAddressesTest {
  @TempDir
  Path dir;

  @Test
  void oneNameInTwoStateDirsGetsTwoAddresses() throws IOException {
    Path a = Files.createDirectories(dir.resolve("ci"));
    Path b = Files.createDirectories(dir.resolve("person"));
    List<Port> ports = List.of(Port.tcp(8000));

    String first = LoopbackAddresses.allocate(a, "jshell-demo", Set.of(), ports);
    assertThat(LoopbackAddresses.allocate(a, "jshell-demo", Set.of(), ports)).isEqualTo(first);
    assertThat(LoopbackAddresses.allocate(b, "jshell-demo", Set.of(), ports)).isNotEqualTo(first);
  }

  @Test
  void anAddressWhosePortIsTakenIsPassedOverForTheNext() throws IOException {
    List<Port> ports = List.of(Port.tcp(18000));
    String first = LoopbackAddresses.allocate(dir, "echo", Set.of(), ports);
    try (ServerSocket holder = new ServerSocket()) {
      holder.bind(new InetSocketAddress(InetAddress.getByName(first), 18000));
      String next = LoopbackAddresses.allocate(dir, "echo", Set.of(), ports);
      assertThat(next).isNotEqualTo(first).startsWith("127.77.");
    }
  }

  @Test
  void whenEveryCandidateIsTakenTheMessageNamesAddressPortAndHolder() throws IOException {
    List<Port> ports = List.of(Port.tcp(18001));
    try (ServerSocket everywhere = new ServerSocket()) {
      everywhere.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 18001));
      assertThatThrownBy(() -> LoopbackAddresses.allocate(dir, "echo", Set.of(), ports))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("tcp 127.77.")
          .hasMessageContaining(":18001 is in use")
          .hasMessageContaining("held by pid " + ProcessHandle.current().pid());
    }
  }
}
