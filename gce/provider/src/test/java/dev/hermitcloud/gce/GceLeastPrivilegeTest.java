package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeGceClients;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.testkit.FastEngine;
import org.junit.jupiter.api.Test;

/**
 * Audit A4: an account with only Storage Object Admin on the bucket (no {@code storage.buckets.get}) can
 * deploy and destroy; the SDK never reads the bucket's metadata unless asked to create it.
 */
class GceLeastPrivilegeTest extends FakeGceTestBase {
  @Override
  FakeGce.Builder fakeSettings() {
    return GceFixture.fake().bucketRole(GceFixture.BUCKET, "roles/storage.objectAdmin");
  }

  @Test
  void theFakeRefusesTheBucketGetAsGcsDoes() throws Exception {
    try (Storage storage = FakeGceClients.storage(fake, GceFixture.PROJECT)) {
      assertThatThrownBy(() -> storage.get(GceFixture.BUCKET)).isInstanceOf(StorageException.class)
          .hasMessageContaining("does not have storage.buckets.get access");
    }
  }

  @Test
  void deployAndDestroyNeedOnlyObjectPermissions() {
    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();
    assertThat(fake.objects(GceFixture.BUCKET)).hasSize(1);
    Hermit.destroy("echo").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).on(GceFixture.target(fake));
    assertThat(fake.objects(GceFixture.BUCKET)).isEmpty();
    assertThat(fake.stats().requests("GET", RouteTemplates.BUCKET)).isZero();
  }

  @Test
  void aMissingBucketIsStillAClearErrorBeforeAnyChange() {
    assertThatThrownBy(() -> GceFixture.deploy(echo, Gce.project(GceFixture.PROJECT).zone(GceFixture.ZONE)
        .bucket("no-such-bucket").endpoint(fake.endpoint()), events).apply())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("target.bucket")
        .hasMessageContaining("does not exist");
    assertThat(fake.stats().creations()).isEmpty();
  }
}
