// The SDK from JShell against local QEMU: examples/jshell/run local.jsh
import dev.hermitcloud.*;
import dev.hermitcloud.demo.*;
import dev.hermitcloud.local.*;
import dev.hermitcloud.progress.*;
import dev.hermitcloud.spec.*;
import dev.hermitcloud.unikernel.*;
import java.nio.file.*;
import java.time.Duration;

var work = Files.createTempDirectory("hermit-jshell");
var kernel = DemoKernel.writeTo(work.resolve("ldhermit.elf"));
var app = DemoModule.writeTo(work.resolve("server"), "hello from jshell".getBytes());
var echo = Unikernel.named("jshell-demo").loader(kernel, "-uart=io:0x3f8").module(app, "port=8000").build();
var local = Local.qemu().stateDir(work.resolve("state"));

System.out.print(Hermit.deploy(echo).to(local).expose(Port.tcp(8000)).from("127.0.0.1/32").plan());
var d = Hermit.deploy(echo).to(local).expose(Port.tcp(8000)).from("127.0.0.1/32").onProgress(Progress.console(System.out)).apply();
System.out.println("endpoint " + d.endpoint(8000));
d.serialLog().follow(System.out::print, text -> text.contains(DemoKernel.DONE), Duration.ofSeconds(90));
System.out.print(Hermit.deploy(echo).to(local).expose(Port.tcp(8000)).from("127.0.0.1/32").plan());
System.out.print(d.destroy());
/exit
