// The SDK from JShell against local QEMU: examples/jshell/run local.jsh
// Deploys the project's echo kernel, asks it GET /hello, reads its console, re-plans (all unchanged), destroys.
import dev.hermitcloud.*;
import dev.hermitcloud.demo.*;
import dev.hermitcloud.echokernel.EchoKernel;
import dev.hermitcloud.examples.*;
import dev.hermitcloud.local.*;
import dev.hermitcloud.progress.*;
import dev.hermitcloud.spec.*;
import dev.hermitcloud.unikernel.*;
import java.nio.file.*;
import java.time.Duration;

var work = Files.createTempDirectory("hermit-jshell");
var kernel = EchoKernel.writeTo(work);
// the echo kernel ignores modules, but a unikernel needs one
var module = DemoModule.writeTo(work.resolve("unused-module"), "ignored".getBytes());
var echo = Unikernel.named("jshell-echo").loader(kernel, EchoKernel.commandLine(8000)).module(module).build();
var local = Local.qemu().stateDir(work.resolve("state"));

DeploymentDefinition.WithCreate echoLocally() {
  return Hermit.deploy(echo).to(local).expose(Port.tcp(8000)).from("127.0.0.1/32").
      waitUntil(Health.http(8000, "/"), Duration.ofMinutes(3));
}

System.out.print(echoLocally().plan());
var d = echoLocally().onProgress(Progress.console(System.out)).apply();
System.out.println("endpoint " + d.endpoint(8000));
System.out.print(Hello.get(d.endpoint(8000)).body());
d.serialLog().follow(text -> {}, text -> text.contains("GET /hello from"), Duration.ofSeconds(10));
System.out.print(ConsoleText.clean(d.serialLog().read()));
System.out.print(echoLocally().plan());
System.out.print(d.destroy());
try (var files = Files.walk(work)) { files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete()); }
/exit
