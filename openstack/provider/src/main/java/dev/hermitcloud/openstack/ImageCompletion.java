package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import dev.hermitcloud.resource.ImageSpec;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.image.v2.Image;

/**
 * Takes a Glance image from {@code queued} to {@code active}: a poll that finds it queued uploads the
 * data (again, if an earlier upload was cut off: Glance puts the image back to queued), then polls wait
 * while Glance saves it.
 */
final class ImageCompletion implements Operation {
  private final Clients clients;
  private final String id;
  private final ImageSpec spec;
  private final ImageFormat format;
  private final CallContext context;

  ImageCompletion(Clients clients, String id, ImageSpec spec, ImageFormat format, CallContext context) {
    this.clients = clients;
    this.id = id;
    this.spec = spec;
    this.format = format;
    this.context = context;
  }

  @Override
  public String description() {
    return "create image " + spec.name();
  }

  @Override
  public OperationStatus poll() throws Exception {
    OSClientV3 os = clients.os();
    Image image = os.imagesV2().get(id);
    if (image == null) {
      return OperationStatus.failed("image " + spec.name() + " (" + id + ") was deleted while it was being created");
    }
    return switch (image.getStatus()) {
      case QUEUED -> {
        long bytes = ImageUpload.upload(os, image, spec, format, context);
        yield OperationStatus.running("uploaded " + bytes + " bytes of " + format.name().toLowerCase() + "; saving");
      }
      case ACTIVE -> OperationStatus.done();
      case KILLED -> OperationStatus.failed(GlanceImages.killedMessage(spec.name(), id, format));
      case DELETED, PENDING_DELETE -> OperationStatus.failed("image " + spec.name() + " (" + id
          + ") was deleted while it was being created");
      case DEACTIVATED -> OperationStatus.failed("image " + spec.name() + " (" + id + ") was deactivated by an administrator");
      default -> OperationStatus.running(String.valueOf(image.getStatus()).toLowerCase());
    };
  }
}
