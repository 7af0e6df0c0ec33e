package dev.hermitcloud.examples.cli;

import dev.hermitcloud.openstack.fake.FakeOpenStackMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code hermit fake-openstack}: runs the fake OpenStack until interrupted and prints the OS_* variables
 * and the clouds.yaml entry that point the SDK (or the {@code openstack} command) at it.
 */
@Command(name = "fake-openstack", mixinStandardHelpOptions = true,
    description = {"Run a fake OpenStack (Keystone, Glance, Nova, Neutron) on 127.0.0.1 until interrupted.",
        "Options: --port N, --app-stand-in, --app-port P, --build-ms N, --save-ms N, --delete-ms N, --user, --password,",
        "--project, --app-credential ID NAME SECRET, --token-lifetime-s N, --seed N, --trace."})
final class FakeOpenStackCommand implements Callable<Integer> {
  @Unmatched
  List<String> options = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    FakeOpenStackMain.main(options.toArray(String[]::new));
    return 0;
  }
}
