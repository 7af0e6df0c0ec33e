package dev.hermitcloud.local;

import dev.hermitcloud.spec.Protocol;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who holds a local address and port, for the message when an instance cannot forward it: the socket's
 * inode from {@code /proc/net/tcp} (or {@code udp}), then the process whose {@code /proc/<pid>/fd} links to
 * that socket. Best effort: another user's processes cannot be read, and then nothing is named.
 */
final class PortHolders {
  private PortHolders() {}

  /** {@code pid 1234 (qemu-system-x86_64 -name hermit-echo ...)}, or empty when it cannot be found. */
  static Optional<String> of(String address, int port, Protocol protocol) {
    try {
      Optional<String> inode = inode(address, port, protocol);
      return inode.isEmpty() ? Optional.empty() : process("socket:[" + inode.get() + "]");
    } catch (IOException | RuntimeException e) {
      // only a detail for a message: without it, the address and port are still named
      return Optional.empty();
    }
  }

  private static Optional<String> inode(String address, int port, Protocol protocol) throws IOException {
    byte[] ip = InetAddress.getByName(address).getAddress();
    // /proc/net/tcp writes the IPv4 address as one little-endian 32-bit hex number, then the port in hex
    String local = String.format(Locale.ROOT, "%02X%02X%02X%02X:%04X", ip[3], ip[2], ip[1], ip[0], port);
    String wildcard = String.format(Locale.ROOT, "00000000:%04X", port);
    // a socket bound to every address is often IPv6 (dual-stack), listed in tcp6 with 32 zeros
    String wildcard6 = String.format(Locale.ROOT, "%s:%04X", "0".repeat(32), port);
    String table = protocol == Protocol.UDP ? "udp" : "tcp";
    for (String file : List.of(table, table + "6")) {
      Path path = Path.of("/proc/net/" + file);
      if (!Files.isReadable(path)) {
        continue;
      }
      List<String> lines = Files.readAllLines(path);
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 9 && (f[1].equals(local) || f[1].equals(wildcard) || f[1].equals(wildcard6)) && !"0".equals(f[9])) {
          return Optional.of(f[9]);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> process(String socket) throws IOException {
    try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
      for (Path pid : pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        try (Stream<Path> fds = Files.list(pid.resolve("fd"))) {
          if (fds.anyMatch(fd -> socket.equals(link(fd)))) {
            String cmdline = new String(Files.readAllBytes(pid.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip();
            return Optional.of("pid " + pid.getFileName() + " (" + (cmdline.length() > 120 ? cmdline.substring(0, 120) + "..." : cmdline) + ")");
          }
        } catch (IOException e) {
          // another user's process, or one that just exited
        }
      }
    }
    return Optional.empty();
  }

  private static String link(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return "";
    }
  }
}
