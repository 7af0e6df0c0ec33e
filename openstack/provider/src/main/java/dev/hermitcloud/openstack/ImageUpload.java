package dev.hermitcloud.openstack;

import dev.hermitcloud.image.DiskImage;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.resource.ImageSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.image.v2.Image;

/**
 * Builds an image's disk and sends it to Glance ({@code PUT /v2/images/{id}/file}).
 *
 * <p>qcow2 is streamed from the disk model as it is written, so only the clusters that hold data are
 * produced. openstack4j's RESTEasy transport does not stream request bodies, though: it copies any body
 * over 1 MiB to a temporary file first (to send a Content-Length), so the image passes through
 * {@code java.io.tmpdir} once, never through memory. Raw images are the whole disk: written sparse to a
 * temporary file, then read back in full.
 */
final class ImageUpload {
  private ImageUpload() {}

  /** Uploads the disk of {@code spec} into {@code image}; returns the bytes sent. */
  static long upload(OSClientV3 os, Image image, ImageSpec spec, ImageFormat format, CallContext context)
      throws Exception {
    DiskImage disk = DiskImage.of(spec.unikernel(), spec.diskGib());
    Path tempDir = null;
    InputStream data;
    long total;
    if (format == ImageFormat.QCOW2) {
      data = new Qcow2Stream(disk);
      total = -1;
    } else {
      tempDir = Files.createTempDirectory("hermit-raw-");
      Path raw = tempDir.resolve(spec.name() + ".raw");
      disk.writeRaw(raw);
      data = Files.newInputStream(raw);
      total = disk.sizeBytes();
    }
    try (ProgressInputStream counted = new ProgressInputStream(data, context, total)) {
      CloudErrors.check(os.imagesV2().upload(image.getId(), Payloads.create(counted), image),
          "upload the data of image " + spec.name());
      return counted.count();
    } finally {
      if (tempDir != null) {
        deleteQuietly(tempDir);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a leftover temporary file is not worth failing the deployment for
    }
  }
}
