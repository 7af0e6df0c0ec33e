// Deploy, plan, read the console and destroy on Google Compute Engine, from JShell.
// Against a fake GCE in this session:  examples/jshell/run gce.jsh
// Against real GCE (Application Default Credentials):
//   GCE_PROJECT=my-project GCE_BUCKET=my-bucket examples/jshell/run gce.jsh
// (JShell ends a statement at a line end when it can: continued lines end with '.' or sit in braces.)
import dev.hermitcloud.*;
import dev.hermitcloud.demo.*;
import dev.hermitcloud.echokernel.EchoKernel;
import dev.hermitcloud.examples.Hello;
import dev.hermitcloud.gce.Gce;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.progress.Progress;
import dev.hermitcloud.spec.*;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.*;
import java.time.Duration;

String project = System.getenv("GCE_PROJECT");
String bucket = System.getenv("GCE_BUCKET");
boolean onFake = project == null || bucket == null;
FakeGce fake = null;
Gce gce = null;
if (onFake) {
  fake = FakeGce.builder().project("hermit-demo").bucket("hermit-demo").appStandIn(true)
      .operationDuration(Duration.ofMillis(300)).bootOutput("HermitCore (fake serial console)\n").start();
  gce = Gce.project("hermit-demo").zone("us-central1-c").bucket("hermit-demo").endpoint(fake.endpoint());
} else {
  gce = Gce.project(project).zone("us-central1-c").bucket(bucket);
}

Path dir = dev.hermitcloud.examples.ScratchDir.create("hermit-jshell");
// The project's echo kernel answers HTTP on port 8000 like the tutorial's Go server; it ignores its
// module, but a unikernel needs one.
Unikernel echo = Unikernel.named("echo").
    loader(EchoKernel.writeTo(dir), EchoKernel.commandLine(8000)).
    module(DemoModule.writeTo(dir.resolve("unused-module"), "ignored".getBytes())).
    build();

// Add .group(Group.managed().size(3).autoscale(Autoscaling.between(2, 6))) for a managed instance group
// that GCE keeps running, heals and rolls over to a new image (see README, "Managed groups"); add
// .regional() to it to spread the machines over three zones of the zone's region.
DeploymentDefinition.WithCreate definition() {
  return Hermit.deploy(echo).to(gce).machineType(MachineType.named("f1-micro")).
      expose(Port.tcp(8000)).from("0.0.0.0/0").waitUntil(Health.http(8000, "/")).onProgress(Progress.console(System.out));
}

Deployment d = definition().apply();
System.out.println("endpoint: " + d.endpoint(8000));
// The fake boots nothing: its app stand-in answers for the kernel. On real GCE, curl it yourself.
if (onFake) System.out.print("GET /hello -> " + Hello.get(d.endpoint(8000)).body());
System.out.println(definition().plan().render());
var console = new ConsoleText.Cleaner(System.out::print);
d.serialLog().follow(console, text -> !text.isEmpty(), Duration.ofSeconds(60));
console.finish();
d.close();
System.out.println(Hermit.destroy("echo").onProgress(Progress.console(System.out)).on(gce).render());
if (fake != null) fake.close();
dev.hermitcloud.examples.ScratchDir.delete(dir);
/exit
