package dev.hermitcloud.openstack.fake;

import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Glance v2 image data: {@code PUT /v2/images/{id}/file}. The data is streamed (never held),
 * hashed (md5 checksum, sha512 multihash) and its head inspected; the image is {@code saving} for
 * {@link Timings#save()}, then {@code active}, or {@code killed} if the data does not match its
 * disk_format or a fault asks for it.
 */
final class GlanceUpload {
  private final CloudState state;
  private final Transitions transitions;
  private final Timings timings;
  private final CloudFailures failures;

  private final BootedServers booted;

  /** @param booted boot mode's VMs, which keep the data; null when servers are not booted */
  GlanceUpload(CloudState state, Transitions transitions, Timings timings, CloudFailures failures, BootedServers booted) {
    this.booted = booted;
    this.state = state;
    this.transitions = transitions;
    this.timings = timings;
    this.failures = failures;
  }

  void register(Router router) {
    router.add("PUT", GlanceApi.IMAGES + "/{id}/file", this::upload);
  }

  /** What the streamed data came to. */
  private record Received(long size, String md5, String sha512, byte[] head) {}

  private Reply upload(Request r) {
    String type = r.header("Content-Type");
    if (type == null || !type.split(";")[0].trim().equals("application/octet-stream")) {
      throw OpenStackErrors.of(415, "Unsupported Content-Type");
    }
    String id = r.var("id");
    FakeImage image;
    synchronized (state) {
      image = state.images.get(id);
      if (image == null) {
        throw OpenStackErrors.notFound("No image found with ID " + id);
      }
      if (image.diskFormat == null || image.containerFormat == null) {
        throw OpenStackErrors.badRequest(
            "Properties disk_format, container_format must be set prior to saving data.");
      }
      if (!image.status.equals("queued")) {
        throw OpenStackErrors.conflict(
            "Image status transition from " + image.status + " to saving is not allowed");
      }
      image.status = "saving";
      image.updatedAt = Instant.now();
    }
    Received data;
    try {
      data = receive(r.bodyStream(), booted == null ? OutputStream.nullOutputStream() : booted.imageData(id));
    } catch (IOException e) {
      synchronized (state) {
        image.status = "queued"; // as Glance does when the client drops mid-upload
      }
      throw new UncheckedIOException(e);
    }
    boolean kill = failures.takeUploadKill()
        || DiskFormatCheck.problem(image.diskFormat, data.head()) != null;
    synchronized (state) {
      if (state.images.get(id) != image) {
        throw OpenStackErrors.of(410, "Image " + id + " could not be found after upload. "
            + "The image may have been deleted during the upload.");
      }
    }
    transitions.after(timings.save(), () -> finish(image, data, kill));
    return Reply.empty(204);
  }

  private void finish(FakeImage image, Received data, boolean kill) {
    synchronized (state) {
      if (!image.status.equals("saving")) {
        return;
      }
      image.updatedAt = Instant.now();
      if (kill) {
        image.status = "killed";
        return;
      }
      image.status = "active";
      image.size = data.size();
      Long virtual = DiskFormatCheck.virtualSize(image.diskFormat, data.head());
      image.virtualSize = virtual != null ? virtual : data.size();
      image.checksum = data.md5();
      image.osHashValue = data.sha512();
    }
  }

  private static Received receive(InputStream in, OutputStream keep) throws IOException {
    MessageDigest md5 = digest("MD5");
    MessageDigest sha512 = digest("SHA-512");
    byte[] head = new byte[DiskFormatCheck.HEAD_BYTES];
    int headLength = 0;
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (in; keep) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        keep.write(buffer, 0, n);
        md5.update(buffer, 0, n);
        sha512.update(buffer, 0, n);
        int take = Math.min(n, head.length - headLength);
        System.arraycopy(buffer, 0, head, headLength, take);
        headLength += take;
        size += n;
      }
    }
    HexFormat hex = HexFormat.of();
    return new Received(size, hex.formatHex(md5.digest()), hex.formatHex(sha512.digest()),
        Arrays.copyOf(head, headLength));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
