package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import org.openstack4j.model.image.v2.Image;

/**
 * Waits while Glance saves an image whose data was uploaded: one GET a poll, until {@code active}. An
 * image back in {@code queued} lost its data (an upload cut off); the next run uploads it again.
 */
final class ImageSaving implements Operation {
  private final Clients clients;
  private final String id;
  private final String name;
  private final ImageFormat format;

  ImageSaving(Clients clients, String id, String name, ImageFormat format) {
    this.clients = clients;
    this.id = id;
    this.name = name;
    this.format = format;
  }

  @Override
  public String description() {
    return "create image " + name;
  }

  @Override
  public OperationStatus poll() throws Exception {
    Image image = clients.os().imagesV2().get(id);
    if (image == null) {
      return OperationStatus.failed("image " + name + " (" + id + ") was deleted while it was being created");
    }
    return switch (image.getStatus()) {
      case ACTIVE -> OperationStatus.done();
      case QUEUED -> OperationStatus.failed("Glance holds no data for image " + name + " (" + id
          + "): the upload did not reach it; re-run apply to upload again");
      case KILLED -> OperationStatus.failed(GlanceImages.killedMessage(name, id, format));
      case DELETED, PENDING_DELETE -> OperationStatus.failed("image " + name + " (" + id
          + ") was deleted while it was being created");
      case DEACTIVATED -> OperationStatus.failed("image " + name + " (" + id + ") was deactivated by an administrator");
      default -> OperationStatus.running(String.valueOf(image.getStatus()).toLowerCase(java.util.Locale.ROOT));
    };
  }
}
