package dev.hermitcloud.openstack.fake;

import dev.hermitcloud.emulator.app.Binding;
import dev.hermitcloud.emulator.net.Loopback;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the app stand-in answers: for every ACTIVE server and every TCP port its security groups
 * open to 127.0.0.1 (by a prefix containing it, or no prefix), the server's fixed IP and floating
 * IP (both loopback in this fake). Which ports: the configured app ports, plus every port of a rule
 * range no wider than 16 ports (a rule for "all ports" opens only the configured ones).
 */
final class AppReachability {
  private static final int WIDEST_RANGE = 16;

  private final CloudState state;
  private final Set<Integer> appPorts;

  AppReachability(CloudState state, Set<Integer> appPorts) {
    this.state = state;
    this.appPorts = Set.copyOf(appPorts);
  }

  /** The bindings the cloud's state opens now, each naming its server by name. */
  Set<Binding> open() {
    return open(server -> server.name);
  }

  /** The same, each naming its server as {@code machine} says (boot mode keys VMs by server id). */
  Set<Binding> open(java.util.function.Function<FakeServer, String> machine) {
    Set<Binding> wanted = new TreeSet<>();
    synchronized (state) {
      for (FakeServer server : state.servers.values()) {
        if (!server.status.equals("ACTIVE") || server.deleting()) {
          continue;
        }
        for (FakePort port : state.portsOf(server.id)) {
          FakeFloatingIp fip = state.floatingIpOn(port);
          for (int p : openPorts(port)) {
            wanted.add(new Binding(port.fixedIp, p, machine.apply(server)));
            if (fip != null) {
              wanted.add(new Binding(fip.address, p, machine.apply(server)));
            }
          }
        }
      }
    }
    return wanted;
  }

  private Set<Integer> openPorts(FakePort port) {
    Set<Integer> candidates = new HashSet<>(appPorts);
    for (String groupId : port.securityGroupIds) {
      for (FakeSecurityGroupRule rule : state.rulesOf(groupId)) {
        Integer min = rule.portRangeMin();
        if (min != null && rule.portRangeMax() - min < WIDEST_RANGE) {
          for (int p = min; p <= rule.portRangeMax(); p++) {
            candidates.add(p);
          }
        }
      }
    }
    Set<Integer> open = new HashSet<>();
    for (int p : candidates) {
      for (String groupId : port.securityGroupIds) {
        if (state.rulesOf(groupId).stream()
            .anyMatch(r -> r.allowsTcpFrom(Loopback.CLIENT_ADDRESS, p))) {
          open.add(p);
        }
      }
    }
    return open;
  }
}
