package dev.hermitcloud;

import dev.hermitcloud.internal.engine.Applied;
import dev.hermitcloud.internal.engine.Engine;
import dev.hermitcloud.internal.engine.Translation;
import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.resource.Observed;
import java.net.URI;
import java.util.List;

/**
 * A deployment that {@code apply()} converged: its instances and their addresses, their serial consoles,
 * and {@link #destroy()}. Holds a connection to the target; {@link #close()} releases it (the deployment
 * keeps running).
 */
public final class Deployment implements AutoCloseable {
  private final String name;
  private final Target target;
  private final Engine engine;
  private final Provider provider;
  private final Plan plan;
  private final List<DeployedInstance> instances;
  private final ConsoleReader console;

  Deployment(String name, Target target, Engine engine, Provider provider, Applied applied) {
    this.name = name;
    this.target = target;
    this.engine = engine;
    this.provider = provider;
    this.plan = applied.plan();
    this.instances = applied.instances().stream().map(o -> new DeployedInstance(o.name(),
        o.attribute(Observed.ADDRESS), o.attribute(Observed.PRIVATE_ADDRESS), o.attribute(Observed.MACHINE_TYPE))).toList();
    this.console = new Translation(provider).console();
  }

  public String name() {
    return name;
  }

  /** The plan apply executed. */
  public Plan plan() {
    return plan;
  }

  public List<DeployedInstance> instances() {
    return instances;
  }

  /** The first instance's external address. */
  public String address() {
    return instances.get(0).address().orElseThrow(() -> new IllegalStateException(
        "instance " + instances.get(0).name() + " has no external address"));
  }

  /** {@code http://<address>:<port>} of the first instance. */
  public URI endpoint(int port) {
    return endpoints(port).get(0);
  }

  /** {@code http://<address>:<port>} of every instance that has an address. */
  public List<URI> endpoints(int port) {
    return instances.stream().flatMap(i -> i.address().stream())
        .map(a -> URI.create("http://" + (a.contains(":") ? "[" + a + "]" : a) + ":" + port)).toList();
  }

  /** The first instance's serial console. */
  public SerialLog serialLog() {
    return serialLog(instances.get(0).name());
  }

  public SerialLog serialLog(String instance) {
    return new SerialLog(console, instance, engine.runtime().time());
  }

  /** Deletes everything the deployment owns, then closes the connection. */
  public Plan destroy() {
    try {
      return HermitException.wrap("destroy " + name, () -> engine.destroy(name, target.describe(), provider));
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    HermitException.wrap("close connection to " + target.describe(), () -> {
      provider.close();
      return null;
    });
  }

  @Override
  public String toString() {
    return "Deployment " + name + " on " + target.describe() + " " + instances;
  }
}
