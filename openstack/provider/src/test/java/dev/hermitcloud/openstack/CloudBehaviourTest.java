package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.CloudException;
import dev.hermitcloud.DeployedInstance;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.openstack.proxy.RecordingProxy;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.FastEngine;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.Facing;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.SecurityGroup;

/**
 * One deployment's life, run on two backends: the fake (in boot mode, so the guest really boots) and the
 * real OpenStack that {@code openstack/local-cloud/up} brings up ({@link RealOpenStackBehaviourTest}).
 * What the SDK did is checked through the cloud's own API, the same calls on both, so where the fake
 * answers differently from the real cloud one of the two runs fails.
 *
 * <p>The steps build on each other (booting a guest on the real cloud takes a minute), in order: a fresh
 * deploy whose kernel's report is read through {@code Deployment.serialLog()}; an unchanged re-deploy,
 * given the same credentials as {@code OS_*} variables, that leaves every resource as it was (ids, Nova's
 * and Glance's update times, the security group's revision number: the cloud's own record that nothing was
 * written) and sends no write but its lock's; a source change that rewrites the rules only; a module change
 * that replaces image and server and keeps the rules; a guest stopped with {@code os-stop}, whose console
 * Nova no longer has; a destroy that leaves nothing the deployment owned. Then a second deployment of two
 * servers from a RAW image, authenticated with an application credential made through Keystone's API and
 * given as {@code OS_*} variables; a third, whose fresh deploy is aborted at each of its writes in turn
 * and run again; and a fourth, two servers in an affinity server group, then moved to anti-affinity,
 * which a one-host cloud cannot place. Writes are counted, and refused, by a {@link RecordingProxy} on 127.0.0.1, since the real
 * cloud counts nothing. No packet goes to a floating IP: it is checked through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CloudBehaviourTest {
  /** Booting under TCG on a shared 2-core machine; a wait, not a timed assertion. */
  private static final Duration BOOT = Duration.ofMinutes(6);
  private static final String NAME = "behave";
  /** The second deployment: two servers, a RAW image, an application credential. */
  private static final String PAIR = "behave-pair";
  /** The third: a run aborted at each of its writes, then run again. */
  private static final String ABORT = "behave-abort";
  /** The fourth: two servers in a server group. */
  private static final String GROUP = "behave-group";
  /** The managed group whose servers a new image replaces one at a time. */
  private static final String ROLL = "behave-roll";

  private Path dir;
  /** The deployment's unikernel as last deployed (the module-change step changes it). */
  private Unikernel demo;
  private Clients clients;
  private OpenStackHttp http;
  private Snapshot first;
  /** Counts and refuses what the SDK sends: the real cloud has no counter of its own. */
  private RecordingProxy proxy;
  /** The same user and project as {@link #target()}, given as {@code OS_*} variables, through the proxy. */
  private OpenStack viaProxy;

  /** The target the deployment goes to: password auth, a floating IP from the external network. */
  abstract OpenStack target();

  /** Starts what the backend needs, before any test. */
  abstract void startBackend() throws Exception;

  /** Stops what {@link #startBackend()} started. */
  abstract void stopBackend() throws Exception;

  @BeforeAll
  void start() throws Exception {
    startBackend();
    dir = Files.createTempDirectory("hermit-behaviour");
    demo = demoUnikernel(NAME, "app", new byte[] {7, 7, 7}, "answer=42");
    CloudConfig config = target().config();
    clients = new Clients(TokenSource.of(config), Facing.value(config.endpointInterface()), config.region());
    http = new OpenStackHttp(clients);
    proxy = RecordingProxy.inFrontOf(config.authUrl());
    viaProxy = OpenStack.fromEnvironment(osVariables(config, proxy.authUrl())).network("private").floatingIpFrom("public");
    // a run that died before its destroy leaves its deployments: start from nothing
    destroyAll();
  }

  /** A clouds.yaml entry's password settings as the {@code OS_*} variables a user would export instead. */
  private static Map<String, String> osVariables(CloudConfig config, String authUrl) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("OS_AUTH_URL", authUrl);
    config.username().ifPresent(v -> vars.put("OS_USERNAME", v));
    config.userId().ifPresent(v -> vars.put("OS_USER_ID", v));
    config.password().ifPresent(v -> vars.put("OS_PASSWORD", v));
    config.projectName().ifPresent(v -> vars.put("OS_PROJECT_NAME", v));
    config.projectId().ifPresent(v -> vars.put("OS_PROJECT_ID", v));
    config.userDomainName().ifPresent(v -> vars.put("OS_USER_DOMAIN_NAME", v));
    config.userDomainId().ifPresent(v -> vars.put("OS_USER_DOMAIN_ID", v));
    config.projectDomainName().ifPresent(v -> vars.put("OS_PROJECT_DOMAIN_NAME", v));
    config.projectDomainId().ifPresent(v -> vars.put("OS_PROJECT_DOMAIN_ID", v));
    config.region().ifPresent(v -> vars.put("OS_REGION_NAME", v));
    return vars;
  }

  @AfterAll
  void stop() throws Exception {
    try {
      destroyAll();
    } finally {
      try {
        proxy.close();
        stopBackend();
      } finally {
        dev.hermitcloud.internal.host.HostFiles.deleteTree(dir);
      }
    }
  }

  private DeploymentDefinition.WithCreate deploy(String from) {
    return deploy(from, target());
  }

  private DeploymentDefinition.WithCreate deploy(String from, OpenStack to) {
    return Hermit.deploy(demo).to(to).engineOptions(FastEngine.OPTIONS).machineType(MachineType.atLeast(1, 512))
        .expose(Port.tcp(8000)).from(from);
  }

  private Plan destroy() {
    return destroy(NAME, target());
  }

  /** Every deployment the steps make: a run that died before its destroys leaves them. */
  private void destroyAll() {
    for (String deployment : List.of(NAME, PAIR, ABORT, GROUP, ROLL)) {
      destroy(deployment, target());
    }
  }

  private static Plan destroy(String deployment, OpenStack on) {
    return Hermit.destroy(deployment).engineOptions(FastEngine.OPTIONS).on(on);
  }

  /** The demo kernel as {@code name}'s loader, with a module of {@code bytes} written to {@code moduleFile}. */
  private Unikernel demoUnikernel(String name, String moduleFile, byte[] bytes, String cmdline) throws Exception {
    return Unikernel.named(name).loader(DemoKernel.writeTo(dir.resolve(name + ".elf")), "-uart=io:0x3f8")
        .module(DemoModule.writeTo(dir.resolve(moduleFile), bytes), cmdline).build();
  }

  @Test
  @Order(1)
  void aFreshDeployBootsTheKernelAndItsReportIsReadThroughTheSerialLog() throws Exception {
    CompletableFuture<Deployment> apply = CompletableFuture.supplyAsync(() -> deploy("203.0.113.0/24").apply());
    List<String> buildingReads = new ArrayList<>();
    try (Provider reader = target().connect()) {
      // while Nova builds the server it has no console yet (real Zed: 409, then 404): an empty read, no error
      while (!apply.isDone()) {
        Optional<Server> building = clients.os().compute().servers().list(Map.of("name", "^" + NAME + "$")).stream()
            .filter(server -> server.getStatus() == Server.Status.BUILD).map(server -> (Server) server).findFirst();
        if (building.isPresent()) {
          ConsoleChunk chunk = reader.console().read(NAME, 0);
          if (clients.os().compute().servers().get(building.get().getId()).getStatus() == Server.Status.BUILD) {
            assertThat(chunk.text()).as("the console of a server in BUILD").isEmpty();
            buildingReads.add(building.get().getTaskState());
          }
        }
        Thread.sleep(200);
      }
    }
    assertThat(buildingReads).as("console reads while the server was in BUILD").isNotEmpty();
    try (Deployment deployment = apply.join()) {
      StringBuilder seen = new StringBuilder();
      boolean done = deployment.serialLog().follow(seen::append, s -> s.contains(DemoKernel.DONE), BOOT);

      assertThat(done).as("the demo kernel's report within %s; the console said:%n%s", BOOT, seen).isTrue();
      List<String> report = DemoKernel.reportIn(seen.toString());
      assertThat(report).contains("hermit-demo: cmdline [-uart=io:0x3f8]", "hermit-demo: modules 1", DemoKernel.DONE);
      assertThat(report).anySatisfy(line -> assertThat(line).startsWith("hermit-demo: module 0 size ").endsWith("cmdline [answer=42]"));
    }
    first = snapshot();
    assertThat(first.server().getStatus()).isEqualTo(Server.Status.ACTIVE);
    assertThat(first.image().getStatus()).isEqualTo(Image.ImageStatus.ACTIVE);
    assertThat(first.floatingIp()).as("a floating IP from the external network, on the server's port").isPresent();
    assertThat(rules(first.group())).containsExactly("ingress tcp 8000-8000 from 203.0.113.0/24");
  }

  @Test
  @Order(2)
  void anUnchangedRedeployGivenTheSameCredentialsAsOsVariablesWritesNothingButItsLock() throws Exception {
    Plan plan = deploy("203.0.113.0/24", viaProxy).plan();
    assertThat(plan.hasChanges()).as("%s", plan.changes()).isFalse();
    proxy.resetCounters();

    deploy("203.0.113.0/24", viaProxy).apply().close();

    assertThat(proxy.requests()).as("what the re-deploy sent, through the proxy").containsKey("compute GET /servers/detail");
    assertThat(proxy.mutatingKinds()).as("the lock, a security group, taken and released; nothing else")
        .containsOnly(Map.entry("network POST /v2.0/security-groups", 1L),
            Map.entry("network DELETE /v2.0/security-groups/{id}", 1L));
    Snapshot again = snapshot();
    assertThat(again.server().getId()).isEqualTo(first.server().getId());
    assertThat(again.server().getUpdated()).as("Nova's updated time of the server").isEqualTo(first.server().getUpdated());
    assertThat(again.image().getId()).isEqualTo(first.image().getId());
    assertThat(again.image().getUpdatedAt()).as("Glance's updated_at of the image").isEqualTo(first.image().getUpdatedAt());
    assertThat(again.revision()).as("the security group's revision_number (Neutron bumps it on any write)")
        .isEqualTo(first.revision());
    assertThat(again.floatingIp().map(NetFloatingIP::getId)).isEqualTo(first.floatingIp().map(NetFloatingIP::getId));
  }

  @Test
  @Order(3)
  void aSourceChangeRewritesTheRulesAndNothingElse() throws Exception {
    Plan plan = deploy("198.18.0.0/15").plan();
    assertThat(plan.changes()).filteredOn(c -> c.action().mutates()).extracting(Change::action, c -> c.kind().label())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.UPDATE, "firewall"));

    deploy("198.18.0.0/15").apply().close();

    Snapshot after = snapshot();
    assertThat(rules(after.group())).containsExactly("ingress tcp 8000-8000 from 198.18.0.0/15");
    assertThat(after.server().getId()).isEqualTo(first.server().getId());
    assertThat(after.server().getUpdated()).isEqualTo(first.server().getUpdated());
    assertThat(after.image().getId()).isEqualTo(first.image().getId());
    assertThat(after.revision()).isGreaterThan(first.revision());
  }

  @Test
  @Order(4)
  void aModuleChangeReplacesTheImageAndTheServerAndKeepsTheRules() throws Exception {
    Snapshot before = snapshot();
    int floatingIps = clients.os().networking().floatingip().list().size();
    demo = demoUnikernel(NAME, "app-2", new byte[] {8, 8, 8, 8}, "answer=43");
    Plan plan = deploy("198.18.0.0/15", viaProxy).plan();
    assertThat(plan.changes()).filteredOn(c -> c.kind().label().equals("instance")).singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(Action.REPLACE));
    assertThat(plan.changes()).filteredOn(c -> c.kind().label().equals("image")).extracting(Change::action)
        .containsExactlyInAnyOrder(Action.CREATE, Action.DELETE);
    assertThat(plan.changes()).filteredOn(c -> c.kind().label().equals("firewall")).extracting(Change::action)
        .containsOnly(Action.KEEP);
    proxy.resetCounters();

    deploy("198.18.0.0/15", viaProxy).apply().close();

    assertThat(proxy.mutatingKinds().keySet()).as("nothing written to the rules")
        .noneMatch(kind -> kind.contains("security-group-rules"));
    Snapshot after = snapshot();
    assertThat(after.server().getId()).isNotEqualTo(before.server().getId());
    assertThat(after.server().getName()).as("made beside the old server, under its other name").isEqualTo(NAME + "-b");
    assertThat(after.server().getStatus()).isEqualTo(Server.Status.ACTIVE);
    // the writes in the order the cloud took them: the new server and its address come before the old go
    List<String> writes = proxy.writes();
    System.out.println("behaviour: a module change wrote " + writes);
    assertThat(positions(writes, "compute POST /servers").get(0)).as("the new server is booted before the old is deleted")
        .isLessThan(positions(writes, "compute DELETE /servers/{id}").get(0));
    assertThat(positions(writes, "network POST /v2.0/floatingips").get(0)).as("and addressed before the old address goes")
        .isLessThan(positions(writes, "network DELETE /v2.0/floatingips/{id}").get(0));
    assertThat(after.image().getId()).isNotEqualTo(before.image().getId());
    assertThat(clients.os().imagesV2().list(Map.of("name", before.image().getName()))).as("the old image").isEmpty();
    assertThat(after.group().getId()).isEqualTo(before.group().getId());
    assertThat(after.revision()).as("the rules' revision").isEqualTo(before.revision());
    assertThat(after.floatingIp()).as("the new server's floating IP").isPresent();
    assertThat(clients.os().networking().floatingip().list()).as("the old server's floating IP is not left behind")
        .hasSize(floatingIps);
    assertThat(deploy("198.18.0.0/15").plan().hasChanges()).as("re-planned from clouds.yaml").isFalse();
    first = after;
  }

  @Test
  @Order(5)
  void aStoppedGuestHasNoConsoleAndTheSdkSaysWhyAndReplacesItNextTime() throws Exception {
    String id = first.server().getId();
    OSClientV3 os = clients.os();
    assertThat(os.compute().servers().action(id, org.openstack4j.model.compute.Action.STOP).isSuccess()).isTrue();
    Instant deadline = Instant.now().plus(BOOT);
    while (os.compute().servers().get(id).getStatus() != Server.Status.SHUTOFF && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
    }
    assertThat(os.compute().servers().get(id).getStatus()).isEqualTo(Server.Status.SHUTOFF);

    String name = first.server().getName();
    try (Provider fresh = target().connect()) {
      assertThatThrownBy(() -> fresh.console().read(name, 0)).isInstanceOf(CloudException.class)
          .hasMessageContaining("server " + name + " (" + id + ") is SHUTOFF")
          .hasMessageContaining("(\"Guest does not have a console available.\")");
    }
    Plan plan = deploy("198.18.0.0/15").plan();
    assertThat(plan.changes()).filteredOn(c -> c.kind().label().equals("instance")).singleElement()
        .satisfies(c -> {
          assertThat(c.action()).isEqualTo(Action.REPLACE);
          assertThat(c.reason()).contains("SHUTOFF").as("a stopped server serves nothing: replaced in place")
              .doesNotContain("made beside");
        });
  }

  @Test
  @Order(6)
  void destroyLeavesNothingTheDeploymentOwned() throws Exception {
    Plan plan = destroy();
    assertThat(plan.changes()).isNotEmpty().allMatch(c -> c.action() == Action.DELETE);

    OSClientV3 os = clients.os();
    assertThat(servers("^" + NAME + "(-b)?$")).isEmpty();
    assertThat(os.imagesV2().list(Map.of("name", first.image().getName()))).isEmpty();
    assertThat(os.networking().securitygroup().list(Map.of("name", "hermit-" + NAME))).isEmpty();
    assertThat(os.networking().securitygroup().list(Map.of("name", NeutronLocks.PREFIX + NAME))).as("the lock").isEmpty();
    assertThat(os.networking().floatingip().list()).noneMatch(ip -> ip.getId().equals(first.floatingIp().get().getId()));
    assertThat(destroy().changes()).as("a second destroy finds nothing").isEmpty();
  }

  @Test
  @Order(7)
  void twoServersFromARawImageWithAnApplicationCredentialGivenAsOsVariables() throws Exception {
    CloudConfig config = target().config();
    String credentials = "/users/" + clients.os().getToken().getUser().getId() + "/application_credentials";
    JsonNode made = keystone("POST", credentials, OpenStackHttp.JSON.createObjectNode().set("application_credential",
        OpenStackHttp.JSON.createObjectNode().put("name", "hermit-behave-" + System.nanoTime())), 201)
        .path("application_credential");
    String credential = made.path("id").asText();
    try {
      OpenStack viaCredential = OpenStack.fromEnvironment(Map.of("OS_AUTH_URL", config.authUrl(),
              "OS_AUTH_TYPE", "v3applicationcredential", "OS_APPLICATION_CREDENTIAL_ID", credential,
              "OS_APPLICATION_CREDENTIAL_SECRET", made.path("secret").asText(), "OS_REGION_NAME", "RegionOne"))
          .network("private").imageFormat(ImageFormat.RAW);
      Unikernel pair = demoUnikernel(PAIR, "pair-app", new byte[] {2, 2}, "answer=2");
      DeploymentDefinition.WithCreate definition = Hermit.deploy(pair).to(viaCredential).engineOptions(FastEngine.OPTIONS)
          .machineType(MachineType.atLeast(1, 512)).count(2).expose(Port.tcp(8000)).from("203.0.113.0/24");
      try (Deployment deployment = definition.apply()) {
        assertThat(deployment.instances()).hasSize(2);
      }
      OSClientV3 os = clients.os();
      List<Server> servers = servers("^" + PAIR + "-").stream()
          .map(s -> os.compute().servers().get(s.getId())).toList();
      assertThat(servers).extracting(Server::getName).containsExactlyInAnyOrder(PAIR + "-0", PAIR + "-1");
      Server one = servers.get(0);
      assertThat(one.getStatus()).isEqualTo(Server.Status.ACTIVE);
      Image image = os.imagesV2().get(imageId(one));
      assertThat(image.getDiskFormat()).isEqualTo(org.openstack4j.model.image.v2.DiskFormat.RAW);
      assertThat(image.getSize()).as("a RAW upload is the whole disk: 1 GiB").isEqualTo(1L << 30);
      assertThat(servers).allSatisfy(s -> assertThat(imageId(s)).isEqualTo(image.getId()));
      assertThat(definition.plan().hasChanges()).as("an unchanged re-plan of the pair").isFalse();

      assertThat(destroy(PAIR, viaCredential).changes())
          .allMatch(c -> c.action() == Action.DELETE);
      assertThat(servers("^" + PAIR + "-")).isEmpty();
      assertThat(os.imagesV2().list(Map.of("name", image.getName()))).isEmpty();
      assertThat(os.networking().securitygroup().list(Map.of("name", "hermit-" + PAIR))).isEmpty();
    } finally {
      keystone("DELETE", credentials + "/" + credential, null, 204);
    }
  }

  @Test
  @Order(8)
  void aRunAbortedAtEachOfItsWritesThenRunAgainConvergesWithNothingLeftOrDuplicated() throws Exception {
    Unikernel app = demoUnikernel(ABORT, "abort-app", new byte[] {5}, "answer=5");
    DeploymentDefinition.WithCreate definition = Hermit.deploy(app).to(viaProxy).engineOptions(FastEngine.OPTIONS)
        .machineType(MachineType.atLeast(1, 512)).expose(Port.tcp(8000)).from("203.0.113.0/24");
    int floatingIps = clients.os().networking().floatingip().list().size();
    // the writes of a fresh deploy, in the order they came; the image's and the security group's run in
    // parallel, and how many times the lock is renewed depends on the run's length
    proxy.resetCounters();
    definition.apply().close();
    List<String> writes = proxy.writes();
    destroy(ABORT, viaProxy);
    assertOwnsNothing(ABORT, floatingIps, "after the first run");

    Map<String, Integer> seen = new LinkedHashMap<>();
    List<String> abortedAt = new ArrayList<>();
    for (String write : writes) {
      int occurrence = seen.merge(write, 1, Integer::sum);
      String at = write + " #" + occurrence;
      proxy.resetCounters();
      proxy.refuseFrom(write, occurrence);
      try {
        definition.apply().close();
        // the write never came in this run (one renewal fewer), or refusing it failed nothing (the lock's
        // release, or a renewal: the lease runs out)
      } catch (RuntimeException expected) {
        abortedAt.add(at);
      } finally {
        proxy.clearFaults();
      }
      definition.apply().close();
      assertThat(definition.plan().hasChanges()).as("converged after refusing %s", at).isFalse();
      assertOwnsOneOfEach(ABORT);
      assertThat(destroy(ABORT, viaProxy).changes()).isNotEmpty();
      assertOwnsNothing(ABORT, floatingIps, "after refusing " + at);
    }
    System.out.println("behaviour: a fresh deploy's writes " + writes + "; runs aborted at " + abortedAt);
    assertThat(abortedAt).as("runs aborted at a write of a fresh deploy").contains("image POST /v2/images #1",
        "image PUT /v2/images/{id}/file #1", "network POST /v2.0/security-groups #1",
        "network POST /v2.0/security-groups #2", "network POST /v2.0/security-group-rules #1",
        "compute POST /servers #1", "network POST /v2.0/floatingips #1");
  }

  @Test
  @Order(9)
  void serversBootedIntoAnAffinityGroupAndAnAntiAffinityChangeNovaCannotPlaceFailsWithItsReason() throws Exception {
    Unikernel app = demoUnikernel(GROUP, "group-app", new byte[] {6}, "answer=6");
    OpenStack together = target().serverGroup(ServerGroupPolicy.AFFINITY);
    // the portable managed group: its size in servers, in the target's server group
    DeploymentDefinition.WithCreate definition = Hermit.deploy(app).to(together).engineOptions(FastEngine.OPTIONS)
        .machineType(MachineType.atLeast(1, 512)).group(Group.managed().size(2));
    try (Deployment d = definition.apply()) {
      assertThat(d.instances()).extracting(DeployedInstance::name).containsExactly(GROUP + "-0", GROUP + "-1");
    }

    OSClientV3 os = clients.os();
    List<String> ids = servers("^" + GROUP + "-").stream().map(Server::getId).toList();
    assertThat(ids).hasSize(2);
    assertThat(os.compute().serverGroups().list()).filteredOn(g -> g.getName().startsWith("hermit-" + GROUP + "-"))
        .singleElement().satisfies(g -> {
          assertThat(g.getName()).isEqualTo("hermit-" + GROUP + "-affinity");
          assertThat(g.getPolicies()).containsExactly("affinity");
          assertThat(g.getMembers()).containsExactlyInAnyOrderElementsOf(ids);
        });
    assertThat(definition.plan().hasChanges()).as("an unchanged re-plan of the group").isFalse();
    assertThat(Hermit.deploy(app).to(together).engineOptions(FastEngine.OPTIONS).machineType(MachineType.atLeast(1, 512))
        .count(2).plan().hasChanges()).as("the same as count(2) in the server group").isFalse();

    // this cloud has one compute host: an anti-affinity pair fits nowhere (NOVA_CANNOT_PLACE)
    OpenStack apart = target().serverGroup(ServerGroupPolicy.ANTI_AFFINITY);
    assertThatThrownBy(() -> Hermit.deploy(app).to(apart).engineOptions(FastEngine.OPTIONS)
        .machineType(MachineType.atLeast(1, 512)).count(2).apply())
        .hasMessageMatching(ServerGroupTest.NOVA_CANNOT_PLACE)
        .hasMessageContaining("openstack.serverGroup: the anti-affinity group hermit-" + GROUP + "-anti-affinity needs");
    // the new servers were to be made beside the old ones, which keep serving in their own group
    assertThat(os.compute().serverGroups().list()).filteredOn(g -> g.getName().startsWith("hermit-" + GROUP + "-"))
        .extracting(g -> g.getName()).containsExactlyInAnyOrder("hermit-" + GROUP + "-affinity", "hermit-" + GROUP + "-anti-affinity");
    // (Nova may place the first successor, whose old server then goes; the one it cannot place keeps its old server)
    List<String> kept = ids.stream().filter(id -> os.compute().servers().get(id) != null).toList();
    assertThat(kept).as("the old servers whose successors Nova could not place").isNotEmpty()
        .allSatisfy(id -> assertThat(os.compute().servers().get(id).getStatus()).isEqualTo(Server.Status.ACTIVE));

    assertThat(destroy(GROUP, apart).changes()).isNotEmpty();
    assertThat(servers("^" + GROUP + "-")).isEmpty();
    assertThat(os.compute().serverGroups().list()).noneMatch(g -> g.getName().startsWith("hermit-" + GROUP + "-"));
    assertThat(images(GROUP)).isEmpty();
  }

  @Test
  @Order(10)
  void aManagedGroupsServersAreReplacedOneAtATimeBesideTheOldOrInPlaceEachWithItsFloatingIp() throws Exception {
    OpenStack target = viaProxy.serverGroup(ServerGroupPolicy.AFFINITY);
    Group two = Group.managed().size(2);
    Hermit.deploy(demoUnikernel(ROLL, "roll-v1", new byte[] {8}, "answer=8")).to(target).engineOptions(FastEngine.OPTIONS)
        .machineType(MachineType.atLeast(1, 512)).group(two).apply().close();
    proxy.resetCounters();

    Hermit.deploy(demoUnikernel(ROLL, "roll-v2", new byte[] {9}, "answer=9")).to(target).engineOptions(FastEngine.OPTIONS)
        .machineType(MachineType.atLeast(1, 512)).group(two).apply().close();

    // the writes in the order the cloud took them: by default each server's successor is booted and
    // addressed beside it, and the old one goes before the next successor comes (a surge of one)
    List<String> writes = proxy.writes();
    System.out.println("behaviour: a group's rolling replacement beside the old servers wrote " + writes);
    List<Integer> deletes = positions(writes, "compute DELETE /servers/{id}");
    List<Integer> boots = positions(writes, "compute POST /servers");
    List<Integer> addresses = positions(writes, "network POST /v2.0/floatingips");
    List<Integer> released = positions(writes, "network DELETE /v2.0/floatingips/{id}");
    assertThat(List.of(deletes.size(), boots.size(), addresses.size(), released.size())).containsOnly(2);
    assertThat(boots.get(0)).as("the first successor before the first old server goes").isLessThan(deletes.get(0));
    assertThat(addresses.get(0)).as("addressed before the old address goes").isLessThan(released.get(0));
    assertThat(boots.get(1)).as("the second successor once the first old server is gone").isGreaterThan(deletes.get(0));
    assertThat(released.get(1)).as("the second old server keeps its address until its own successor has one")
        .isGreaterThan(addresses.get(1));
    assertThat(servers("^" + ROLL + "-")).extracting(Server::getName)
        .containsExactlyInAnyOrder(ROLL + "-0-b", ROLL + "-1-b");

    // with no surge, in place: the second server and its address go only once the first is back with its own
    proxy.resetCounters();
    Hermit.deploy(demoUnikernel(ROLL, "roll-v3", new byte[] {10}, "answer=10")).to(target).engineOptions(FastEngine.OPTIONS)
        .machineType(MachineType.atLeast(1, 512)).group(Group.managed().size(2).rollout(0, 1)).apply().close();
    writes = proxy.writes();
    System.out.println("behaviour: a group's rolling replacement in place wrote " + writes);
    deletes = positions(writes, "compute DELETE /servers/{id}");
    boots = positions(writes, "compute POST /servers");
    addresses = positions(writes, "network POST /v2.0/floatingips");
    released = positions(writes, "network DELETE /v2.0/floatingips/{id}");
    assertThat(List.of(deletes.size(), boots.size(), addresses.size(), released.size())).containsOnly(2);
    assertThat(deletes.get(1)).as("the second server goes after the first is booted and addressed again")
        .isGreaterThan(boots.get(0)).isGreaterThan(addresses.get(0));
    assertThat(released.get(1)).isGreaterThan(addresses.get(0));
    assertThat(released.get(0)).as("the first server keeps its address while the new image is uploaded")
        .isGreaterThan(positions(writes, "image PUT /v2/images/{id}/file").get(0));
    assertThat(servers("^" + ROLL + "-")).extracting(Server::getName)
        .as("the servers are replaced under the names they had").containsExactlyInAnyOrder(ROLL + "-0-b", ROLL + "-1-b");

    assertThat(destroy(ROLL, target).changes()).isNotEmpty();
    assertThat(servers("^" + ROLL + "-")).isEmpty();
    assertThat(images(ROLL)).isEmpty();
  }

  private static List<Integer> positions(List<String> writes, String kind) {
    List<Integer> at = new java.util.ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i).equals(kind)) {
        at.add(i);
      }
    }
    return at;
  }

  /**
   * The servers whose names match {@code name}, as a user counts them. Real Nova lists a server it has just
   * deleted, with status DELETED, until its record is marked deleted a moment later (CI met one right after
   * a destroy had seen it DELETED), so those do not count.
   */
  private List<Server> servers(String name) throws Exception {
    return clients.os().compute().servers().list(Map.of("name", name)).stream()
        .filter(server -> server.getStatus() != Server.Status.DELETED).<Server>map(server -> server).toList();
  }

  /** One server, one image and one security group by the deployment's names, and no more. */
  private void assertOwnsOneOfEach(String deployment) throws Exception {
    OSClientV3 os = clients.os();
    assertThat(servers("^" + deployment + "$")).as("servers").hasSize(1);
    assertThat(images(deployment)).as("images").hasSize(1);
    assertThat(os.networking().securitygroup().list(Map.of("name", "hermit-" + deployment))).as("groups").hasSize(1);
  }

  private void assertOwnsNothing(String deployment, int floatingIps, String when) throws Exception {
    OSClientV3 os = clients.os();
    assertThat(servers("^" + deployment + "$")).as("servers %s", when).isEmpty();
    assertThat(images(deployment)).as("images %s", when).isEmpty();
    assertThat(os.networking().securitygroup().list(Map.of("name", "hermit-" + deployment))).as("groups %s", when).isEmpty();
    assertThat(os.networking().securitygroup().list(Map.of("name", NeutronLocks.PREFIX + deployment))).as("lock %s", when)
        .isEmpty();
    assertThat(os.networking().floatingip().list()).as("floating IPs %s", when).hasSize(floatingIps);
  }

  /** The deployment's images: named {@code <deployment>-<12 hex digits of the content>}. */
  private List<String> images(String deployment) throws Exception {
    return clients.os().imagesV2().list().stream().map(Image::getName)
        .filter(name -> name != null && name.matches(java.util.regex.Pattern.quote(deployment) + "-[0-9a-f]{12}")).toList();
  }

  /** A Keystone call with the member's token (openstack4j has no application-credential API). */
  private JsonNode keystone(String method, String path, JsonNode body, int expected) throws Exception {
    OpenStackHttp.Answer answer = http.send(ServiceType.IDENTITY, method, path, body, Map.of());
    assertThat(answer.status()).as("%s %s answered %s", method, path, answer.body()).isEqualTo(expected);
    return answer.json();
  }

  /** The image a server booted from: Nova shows its id in one of two places, by microversion. */
  private static String imageId(Server server) {
    return server.getImageId() != null ? server.getImageId() : server.getImage().getId();
  }

  /** The deployment's resources as the cloud's API shows them now. */
  private record Snapshot(Server server, Image image, SecurityGroup group, long revision, Optional<NetFloatingIP> floatingIp) {}

  private Snapshot snapshot() throws Exception {
    OSClientV3 os = clients.os();
    List<Server> servers = servers("^" + NAME + "(-b)?$");
    assertThat(servers).as("servers named %s or %s-b", NAME, NAME).hasSize(1);
    Server server = os.compute().servers().get(servers.get(0).getId());
    Image image = os.imagesV2().get(imageId(server));
    List<? extends SecurityGroup> groups = os.networking().securitygroup().list(Map.of("name", "hermit-" + NAME));
    assertThat(groups).as("security groups named hermit-%s", NAME).hasSize(1);
    SecurityGroup group = groups.get(0);
    JsonNode shown = http.send(ServiceType.NETWORK, "GET", "/security-groups/" + group.getId(), null, Map.of()).json();
    long revision = shown.path("security_group").path("revision_number").asLong(-1);
    assertThat(revision).as("Neutron shows a revision_number").isPositive();
    Optional<NetFloatingIP> floating = os.networking().floatingip().list().stream()
        .filter(ip -> ip.getPortId() != null)
        .filter(ip -> Optional.ofNullable(os.networking().port().get(ip.getPortId()))
            .map(port -> server.getId().equals(port.getDeviceId())).orElse(false))
        .map(ip -> (NetFloatingIP) ip).findFirst();
    return new Snapshot(server, image, group, revision, floating);
  }

  /** The group's rules as {@code ingress tcp 8000-8000 from CIDR}, without Neutron's default egress rules. */
  private List<String> rules(SecurityGroup group) throws Exception {
    return clients.os().networking().securityrule().list(Map.of("security_group_id", group.getId())).stream()
        .filter(r -> "ingress".equals(r.getDirection()))
        .map(r -> r.getDirection() + " " + r.getProtocol() + " " + r.getPortRangeMin() + "-" + r.getPortRangeMax()
            + " from " + r.getRemoteIpPrefix())
        .toList();
  }
}
