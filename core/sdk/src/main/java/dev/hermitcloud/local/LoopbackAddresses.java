package dev.hermitcloud.local;

import dev.hermitcloud.spec.Port;
import dev.hermitcloud.spec.Protocol;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Gives each local instance its own loopback address in 127.77.0.0/16, so several instances can forward
 * the same port. Linux routes all of 127.0.0.0/8 to the loopback interface. The first candidate derives
 * from the canonical state directory and the instance name, so the same name in two state directories
 * (two users, a CI run beside a person) starts from different addresses; every candidate is checked for
 * free ports before QEMU is asked to forward them.
 */
final class LoopbackAddresses {
  private static final int SPACE = 250 * 250;
  /** Candidates tried whose ports are taken before giving up with the first clash. */
  private static final int TRIES = 32;

  private LoopbackAddresses() {}

  /** A stable address for {@code name} in {@code stateDir} that is not in {@code taken} and whose {@code ports} are free. */
  static String allocate(Path stateDir, String name, Set<String> taken, List<Port> ports) throws IOException {
    String key = stateDir.toAbsolutePath().normalize().toRealPath() + "\0" + name;
    int seed = Math.floorMod(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).hashCode(), SPACE);
    Clash firstClash = null;
    int tried = 0;
    for (int i = 0; i < SPACE && tried < TRIES; i++) {
      int n = (seed + i) % SPACE;
      String address = "127.77." + (n / 250 + 1) + "." + (n % 250 + 2);
      if (taken.contains(address)) {
        continue;
      }
      tried++;
      Optional<Clash> clash = busyPort(address, ports);
      if (clash.isEmpty()) {
        return address;
      }
      if (firstClash == null) {
        firstClash = clash.get();
      }
    }
    String holder = PortHolders.of(firstClash.address(), firstClash.port(), firstClash.protocol()).map(h -> ", held by " + h).orElse("");
    throw new IOException("no free loopback address for instance " + name + ": " + firstClash.protocol().wireName() + " "
        + firstClash.address() + ":" + firstClash.port() + " is in use" + holder + " (and "
        + (tried - 1) + " more candidates in 127.77.0.0/16 had a port taken); stop what holds them or expose other ports");
  }

  /** A port that cannot be bound on an address. */
  private record Clash(String address, int port, Protocol protocol) {}

  /** The first of {@code ports} that cannot be bound on {@code address}. */
  private static Optional<Clash> busyPort(String address, List<Port> ports) throws IOException {
    InetAddress host = InetAddress.getByName(address);
    for (Port port : ports) {
      for (int p = port.from(); p <= port.to(); p++) {
        if (!free(host, port.protocol(), p)) {
          return Optional.of(new Clash(address, p, port.protocol()));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean free(InetAddress host, Protocol protocol, int port) {
    try {
      if (protocol == Protocol.UDP) {
        new DatagramSocket(new InetSocketAddress(host, port)).close();
      } else {
        try (ServerSocket socket = new ServerSocket()) {
          socket.setReuseAddress(true);
          socket.bind(new InetSocketAddress(host, port));
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
