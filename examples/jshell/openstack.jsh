// hermit-cloud on OpenStack from JShell: plan, deploy, read the console, re-plan, destroy.
// Runs against a fake OpenStack in this JShell; for a real cloud, replace `target` with
// OpenStack.cloud("mycloud").floatingIpFrom("public"); add .serverGroup(ServerGroupPolicy.ANTI_AFFINITY)
// to put count(n) servers on n compute hosts, or .group(Group.managed().size(n)) on the deployment for
// n servers in a server group (anti-affinity unless the target says otherwise), each replaced beside
// itself by a new image, or in place with .rollout(0, 1).
//   examples/jshell/run openstack.jsh
import dev.hermitcloud.*
import dev.hermitcloud.demo.*
import dev.hermitcloud.echokernel.EchoKernel
import dev.hermitcloud.examples.Hello
import dev.hermitcloud.openstack.*
import dev.hermitcloud.progress.Progress
import dev.hermitcloud.spec.*
import dev.hermitcloud.unikernel.Unikernel
import java.net.URI
import java.nio.file.*
import java.time.Duration

var cloud = dev.hermitcloud.openstack.fake.FakeOpenStack.builder().appStandIn(true).
    buildTime(Duration.ofMillis(500)).saveTime(Duration.ofMillis(200)).deleteTime(Duration.ofMillis(200)).start()
var target = dev.hermitcloud.examples.fake.SharedFakeOpenStack.target(cloud).floatingIpFrom("public")

var work = dev.hermitcloud.examples.ScratchDir.create("hermit-jshell")
// The project's echo kernel (it ignores its module, but a unikernel needs one). The fake boots nothing:
// its app stand-in answers on port 8000 where the security group lets 127.0.0.1 in.
var echo = Unikernel.named("echo").
    loader(EchoKernel.writeTo(work), EchoKernel.commandLine(8000)).
    module(DemoModule.writeTo(work.resolve("unused-module"), "ignored".getBytes())).
    build()

DeploymentDefinition.WithCreate echoOnOpenStack() {
  return Hermit.deploy(echo).to(target).
      machineType(MachineType.atLeast(1, 512)).
      expose(Port.tcp(8000)).from("0.0.0.0/0").
      waitUntil(Health.http(8000, "/")).
      onProgress(Progress.console());
}

System.out.println("--- plan ---")
System.out.print(echoOnOpenStack().plan().render())

System.out.println("--- deploy ---")
var d = echoOnOpenStack().apply()
System.out.println("endpoint: " + d.endpoint(8000))
var hello = Hello.get(d.endpoint(8000))
System.out.print("GET /hello -> " + hello.statusCode() + " " + hello.body())

System.out.println("--- logs ---")
System.out.print(ConsoleText.clean(d.serialLog().read()))

System.out.println("--- plan again: nothing to do ---")
System.out.print(echoOnOpenStack().plan().render())

System.out.println("--- destroy ---")
System.out.println("destroyed " + d.destroy().changes().size() + " resources")
System.out.println("left in the cloud: " + (cloud.images().size() + cloud.servers().size() + cloud.floatingIps().size()) + " resources")
cloud.close()
dev.hermitcloud.examples.ScratchDir.delete(work)
/exit
