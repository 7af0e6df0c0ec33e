package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * GCS uploads under {@code /upload/storage/v1/b/{bucket}/o}: {@code uploadType=resumable} (start,
 * then PUT chunks to the absolute {@code Location} with {@code upload_id}), {@code multipart}
 * (metadata + media, often gzip'd by the client) and {@code media}. Preconditions such as {@code
 * ifGenerationMatch=0} are checked when the object is created.
 */
final class UploadsHandler {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final GcsStore gcs;

  UploadsHandler(GcsStore gcs) {
    this.gcs = gcs;
  }

  void register(Router router) {
    router.add("POST", RouteTemplates.OBJECT_UPLOADS, true, this::start);
    router.add("PUT", RouteTemplates.OBJECT_UPLOADS, true, this::chunk);
    router.add("DELETE", RouteTemplates.OBJECT_UPLOADS, true, this::cancel);
  }

  private Reply start(Request request) throws IOException {
    String uploadType = request.query("uploadType");
    if (request.query("upload_id") != null) {
      return chunk(request);
    }
    if ("resumable".equals(uploadType)) {
      return startResumable(request);
    }
    if ("multipart".equals(uploadType)) {
      return multipart(request);
    }
    if ("media".equals(uploadType)) {
      return create(request, request.query("name"), request.body(),
          request.header("Content-Type"), Json.object());
    }
    throw GoogleErrors.invalid("Upload requests must include an uploadType URL parameter"
        + " (resumable, multipart or media).");
  }

  private Reply startResumable(Request request) {
    String bucket = request.var("bucket");
    gcs.bucketJson(bucket);
    ObjectNode meta = GoogleJson.body(request);
    String name = objectName(request, meta);
    String contentType = request.header("X-Upload-Content-Type");
    if (contentType == null) {
      contentType = GoogleJson.text(meta, "contentType");
    }
    String declared = request.header("X-Upload-Content-Length");
    ResumableSession session = new ResumableSession(newId(), bucket, name,
        contentType == null ? "application/octet-stream" : contentType,
        GoogleJson.stringMap(meta.get("metadata")), GcsPreconditions.from(request),
        new ResumableSession.ExpectedHashes(
            GoogleJson.text(meta, "crc32c"), GoogleJson.text(meta, "md5Hash")),
        declared == null ? null : Long.parseLong(declared.trim()));
    gcs.addSession(session);
    String location = request.baseUrl() + "/upload/storage/v1/b/" + bucket
        + "/o?uploadType=resumable&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "&upload_id=" + session.id();
    return Reply.empty(200)
        .header("Location", location)
        .header("X-GUploader-UploadID", session.id());
  }

  private Reply chunk(Request request) {
    return session(request).put(request, gcs);
  }

  private Reply cancel(Request request) {
    session(request).cancel();
    return Reply.empty(499);
  }

  private ResumableSession session(Request request) {
    ResumableSession session = gcs.session(request.query("upload_id"));
    if (session == null) {
      throw ApiError.of(404, "notFound", "No such upload session.");
    }
    return session;
  }

  private Reply multipart(Request request) throws IOException {
    List<MultipartBody.Part> parts =
        MultipartBody.parse(request.header("Content-Type"), request.body());
    if (parts.size() != 2) {
      throw GoogleErrors.invalid("A multipart upload has exactly two parts: metadata, media.");
    }
    ObjectNode meta = Json.parse(parts.get(0).content()).deepCopy();
    byte[] media = parts.get(1).content();
    String contentType = GoogleJson.text(meta, "contentType");
    if (contentType == null) {
      contentType = parts.get(1).headers().get("content-type");
    }
    String crc = GoogleJson.text(meta, "crc32c");
    if (crc != null) {
      ResumableSession.requireHash("CRC32C", crc, ObjectHashes.crc32c(media, media.length));
    }
    String md5 = GoogleJson.text(meta, "md5Hash");
    if (md5 != null) {
      ResumableSession.requireHash("MD5", md5, ObjectHashes.md5(media, media.length));
    }
    return create(request, objectName(request, meta), media, contentType, meta);
  }

  private Reply create(Request request, String name, byte[] data, String contentType,
      ObjectNode meta) {
    if (name == null || name.isEmpty()) {
      throw ApiError.of(400, "required", "Required");
    }
    FakeObject o = gcs.put(request.var("bucket"), name, data, contentType,
        GoogleJson.stringMap(meta.get("metadata")), GcsPreconditions.from(request), true);
    return Reply.ok(o.toJson(request.baseUrl()));
  }

  private static String objectName(Request request, ObjectNode meta) {
    String name = request.query("name");
    if (name == null) {
      name = GoogleJson.text(meta, "name");
    }
    if (name == null || name.isEmpty()) {
      throw ApiError.of(400, "required", "Required");
    }
    return name;
  }

  private static String newId() {
    byte[] b = new byte[30];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
