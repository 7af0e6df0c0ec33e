package dev.hermitcloud.examples.cli;

import picocli.CommandLine.Option;

/** The options {@code hermit fake-gce} and {@code hermit fake-openstack} share, named alike because they mean alike. */
final class FakeCloudOptions {
  @Option(names = "--latency-ms", defaultValue = "0", description = "Latency added to every API call (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(names = "--no-app-stand-in",
      description = "Do not answer HTTP on the machines' addresses (by default a stand-in app answers where the firewall lets 127.0.0.1 in).")
  boolean noAppStandIn;

  @Option(names = "--boot",
      description = "Run each machine as a QEMU VM (TCG) from the disk it was created from, serial console included;"
          + " only the ports the firewall or security group lets 127.0.0.1 in on are forwarded (replaces the app stand-in).")
  boolean boot;

  @Option(names = "--seed", defaultValue = "0", description = "Seed for probabilistic faults (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The suggestion a fake prints: a deploy of the demo shape against it, with the exact {@code --fake} to use. */
  static String tryLine(String target, String fakeUrl, String extra) {
    return "  try:   hermit deploy --target " + target + " --fake=" + fakeUrl + extra
        + " --name echo --loader LOADER --module APP --expose tcp:8000 --from 0.0.0.0/0 --health http:8000/";
  }
}
