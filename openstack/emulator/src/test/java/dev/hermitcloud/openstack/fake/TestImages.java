package dev.hermitcloud.openstack.fake;

import dev.hermitcloud.emulator.time.Eventually;
import java.io.ByteArrayInputStream;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.image.v2.ContainerFormat;
import org.openstack4j.model.image.v2.DiskFormat;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.openstack.image.v2.domain.GlanceImage;

/** Test helper: makes active images through openstack4j, as a provider would. */
final class TestImages {
  private TestImages() {}

  /** A small raw image, waited on until active. */
  static Image activeRaw(OSClientV3 os, String name, long minDiskGiB) {
    Image image = os.imagesV2().create(GlanceImage.builder().name(name)
        .containerFormat(ContainerFormat.BARE).diskFormat(DiskFormat.RAW)
        .visibility(Image.ImageVisibility.PRIVATE).minDisk(minDiskGiB).build());
    os.imagesV2().upload(image.getId(), Payloads.create(new ByteArrayInputStream(new byte[1024])),
        image);
    return Eventually.get(() -> os.imagesV2().get(image.getId()),
        i -> i.getStatus() == Image.ImageStatus.ACTIVE);
  }
}
