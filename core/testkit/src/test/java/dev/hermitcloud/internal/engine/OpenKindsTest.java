package dev.hermitcloud.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.testkit.InMemoryProvider;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kind the engine has never heard of, declared by the provider alone, is planned, ordered, replaced,
 * timed and destroyed from what its kind and specs declare: created after its instance, replaced with it,
 * deleted before it.
 */
class OpenKindsTest {
  private static final ResourceKind ADDRESS = ResourceKind.of("address", Duration.ofMinutes(2), ResourceKind.INSTANCE);

  @TempDir
  Path dir;

  private EngineFixture fixture() {
    return new EngineFixture(dir, InMemoryProvider.likeGce().withAttachedKind(ADDRESS));
  }

  private static int at(List<String> calls, String call) {
    int index = calls.indexOf(call);
    assertThat(index).as("%s in %s", call, calls).isNotNegative();
    return index;
  }

  @Test
  void aNewKindIsCreatedAfterWhatItDependsOnAndDeletedBeforeIt() throws Exception {
    EngineFixture f = fixture();
    Unikernel echo = f.unikernel("echo", 1);

    Plan plan = f.deploy(echo).apply().plan();

    assertThat(plan.change(ADDRESS, "echo").orElseThrow().action()).isEqualTo(Action.CREATE);
    List<String> calls = f.cloud.calls();
    assertThat(at(calls, "create address echo")).isGreaterThan(at(calls, "create instance echo"));
    assertThat(f.deploy(echo).plan().hasChanges()).isFalse();

    int before = f.cloud.calls().size();
    f.configure(Hermit.destroy("echo")).on(f.cloud.target());
    List<String> destroy = f.cloud.calls().subList(before, f.cloud.calls().size());
    assertThat(at(destroy, "delete address echo")).isLessThan(at(destroy, "delete instance echo"));
    assertThat(f.cloud.resources()).isEmpty();
  }

  @Test
  void replacingAnInstanceReplacesWhatIsAttachedToItAroundIt() throws Exception {
    EngineFixture f = fixture();
    f.deploy(f.unikernel("echo", 1)).apply().close();
    int before = f.cloud.calls().size();

    Plan plan = f.deploy(f.unikernel("echo", 2)).apply().plan();

    assertThat(plan.change(ResourceKind.INSTANCE, "echo").orElseThrow().action()).isEqualTo(Action.REPLACE);
    assertThat(plan.change(ADDRESS, "echo").orElseThrow().reason()).isEqualTo("its instance echo is replaced");
    List<String> calls = f.cloud.calls().subList(before, f.cloud.calls().size());
    assertThat(at(calls, "delete address echo")).isLessThan(at(calls, "delete instance echo"));
    assertThat(at(calls, "create instance echo")).isLessThan(at(calls, "create address echo"));
    assertThat(f.cloud.creations()).containsEntry("ADDRESS/echo", 2);
  }

  @Test
  void aNewKindGetsItsOwnDeadlineWhichTheUserCanChange() throws Exception {
    EngineFixture f = fixture();
    Unikernel echo = f.unikernel("echo", 1);
    f.deploy(echo).apply().close();
    f.cloud.pollsPerOperation(1000);
    EngineOptions shortForAddresses = EngineOptions.builder().putTimeouts(ADDRESS, Duration.ofSeconds(30))
        .putTimeouts(ResourceKind.INSTANCE, Duration.ofHours(10)).build();

    var failure = org.assertj.core.api.Assertions.catchThrowable(
        () -> f.deploy(echo).count(2).engineOptions(shortForAddresses).apply());

    assertThat(failure).hasMessageContaining("create address echo-").hasMessageContaining("did not finish within 30 s");
  }
}
