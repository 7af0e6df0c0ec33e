package dev.hermitcloud.gce.fake;

import static dev.hermitcloud.gce.fake.MigFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.Image;
import com.google.cloud.compute.v1.ImagesClient;
import com.google.cloud.compute.v1.InsertImageRequest;
import com.google.cloud.compute.v1.InsertInstanceTemplateRequest;
import com.google.cloud.compute.v1.InstanceTemplate;
import com.google.cloud.compute.v1.InstanceTemplatesClient;
import com.google.cloud.compute.v1.ListInstanceTemplatesRequest;
import com.google.cloud.compute.v1.RawDisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real InstanceTemplatesClient against the fake: lifecycle and validation of the properties. */
class InstanceTemplatesWireTest {
  private FakeGce fake;
  private InstanceTemplatesClient templates;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).operationDuration(Duration.ofMillis(30)).start();
    fake.addReadyImage(PROJECT, "web-1", "web", 1);
    templates = FakeGceClients.instanceTemplates(fake);
  }

  @AfterEach
  void stop() {
    templates.close();
    fake.close();
  }

  @Test
  void insertsGetsListsAndDeletes() throws Exception {
    assertThat(templates.insertAsync(PROJECT, MigFixtures.template("web-v1", "web-1").build()).get().hasError())
        .isFalse();
    templates.insertAsync(PROJECT, MigFixtures.template("web-v2", "web-1").build()).get();

    InstanceTemplate got = templates.get(PROJECT, "web-v1");
    assertThat(got.getKind()).isEqualTo("compute#instanceTemplate");
    assertThat(got.getSelfLink()).endsWith("/projects/mig-project/global/instanceTemplates/web-v1");
    assertThat(got.getId()).isPositive();
    assertThat(got.getProperties().getMachineType()).isEqualTo("e2-small");
    assertThat(got.getProperties().getLabelsMap()).containsEntry("hermit-deployment", "web");
    assertThat(got.getProperties().getTags().getItemsList()).containsExactly(MigFixtures.TAG);

    List<String> names = new ArrayList<>();
    templates.list(ListInstanceTemplatesRequest.newBuilder().setProject(PROJECT).setMaxResults(1).build())
        .iterateAll().forEach(t -> names.add(t.getName()));
    assertThat(names).containsExactly("web-v1", "web-v2");

    templates.deleteAsync(PROJECT, "web-v1").get();
    assertThatThrownBy(() -> templates.get(PROJECT, "web-v1")).isInstanceOf(NotFoundException.class);
    assertThat(fake.instanceTemplates(PROJECT)).hasSize(1);
  }

  @Test
  void refusesPropertiesAnInstanceCouldNotHave() {
    List<String> problems = new ArrayList<>();
    refuse(problems, b -> b.setName("-x"), "resource.name");
    refuse(problems, b -> b.setProperties(b.getProperties().toBuilder()
        .setMachineType("zones/us-central1-a/machineTypes/e2-small")), "resource.properties.machineType");
    refuse(problems, b -> b.setProperties(b.getProperties().toBuilder().setMachineType("e2-gigantic")),
        "resource.properties.machineType");
    refuse(problems, b -> MigFixtures.template("bad", "missing"), "projects/mig-project/global/images/missing");
    refuse(problems, b -> b.setProperties(b.getProperties().toBuilder().putLabels("Bad", "x")),
        "resource.properties.labels");
    refuse(problems, b -> b.setProperties(b.getProperties().toBuilder().setTags(
        b.getProperties().getTags().toBuilder().addItems("Not_A_Tag"))), "resource.properties.tags.items[1]");
    assertThat(problems).isEmpty();
    assertThat(fake.instanceTemplates(PROJECT)).isEmpty();
  }

  @Test
  void refusesAnImageThatIsNotReadyYet() throws Exception {
    fake.addBucket(PROJECT, "images");
    fake.operationDuration(Duration.ofMinutes(1));
    try (ImagesClient images = FakeGceClients.images(fake)) {
      images.insertCallable().futureCall(InsertImageRequest.newBuilder().setProject(PROJECT)
          .setImageResource(Image.newBuilder().setName("importing")
              .setRawDisk(RawDisk.newBuilder().setSource("https://storage.googleapis.com/images/web.tar.gz")))
          .build()).get();
    }
    assertThatThrownBy(() -> templates.insertCallable().futureCall(InsertInstanceTemplateRequest.newBuilder()
            .setProject(PROJECT).setInstanceTemplateResource(MigFixtures.template("t", "importing")).build()).get())
        .satisfies(e -> assertThat(MigFixtures.rootMessage(e)).contains("is not ready"));
  }

  private void refuse(List<String> problems, UnaryOperator<InstanceTemplate.Builder> change, String message) {
    try {
      templates.insertAsync(PROJECT, change.apply(MigFixtures.template("bad", "web-1")).build()).get();
      problems.add("accepted: " + message);
    } catch (Exception e) {
      if (!MigFixtures.rootMessage(e).contains(message)) {
        problems.add("expected '" + message + "' but got: " + MigFixtures.rootMessage(e));
      }
    }
  }
}
