package dev.hermitcloud.gce.fake;

import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import java.util.Arrays;
import java.util.Map;

/**
 * One resumable upload. Chunks are PUT with {@code Content-Range}; GCS persists only whole 256 KiB
 * quanta of an unfinished upload and reports them with 308 and {@code Range: bytes=0-N}. A chunk
 * cut short by a dropped connection keeps the quanta that arrived; the client asks ({@code bytes
 * *}{@code /*}) and resumes. The last chunk, carrying the total, creates the object (200).
 */
final class ResumableSession {
  static final int QUANTUM = 256 * 1024;

  private final String id;
  private final String bucket;
  private final String name;
  private final String contentType;
  private final Map<String, String> metadata;
  private final GcsPreconditions preconditions;
  private final ExpectedHashes expected;
  private final Long declaredTotal;
  private byte[] data = new byte[0];
  private int committed;
  private FakeObject result;
  private boolean cancelled;

  /** Hashes the client declared for the whole object (null when not given). */
  record ExpectedHashes(String crc32c, String md5Hash) {}

  ResumableSession(String id, String bucket, String name, String contentType,
      Map<String, String> metadata, GcsPreconditions preconditions, ExpectedHashes expected,
      Long declaredTotal) {
    this.id = id;
    this.bucket = bucket;
    this.name = name;
    this.contentType = contentType;
    this.metadata = metadata;
    this.preconditions = preconditions;
    this.expected = expected;
    this.declaredTotal = declaredTotal;
  }

  String id() {
    return id;
  }

  synchronized void cancel() {
    cancelled = true;
  }

  synchronized Reply put(Request request, GcsStore gcs) {
    if (cancelled) {
      throw ApiError.of(404, "notFound", "The upload session was cancelled.");
    }
    if (result != null) {
      return Reply.ok(result.toJson(request.baseUrl()));
    }
    byte[] body = request.body();
    ContentRange range = ContentRange.parse(request.header("Content-Range"), body.length);
    if (range.total() != null && declaredTotal != null && !range.total().equals(declaredTotal)) {
      throw GoogleErrors.invalid("The upload was started for " + declaredTotal
          + " bytes but the Content-Range says " + range.total() + ".");
    }
    if (range.isStatusQuery()) {
      return range.total() != null && range.total() == committed
          ? finish(request, gcs)
          : incomplete();
    }
    if (range.first() > committed) {
      throw GoogleErrors.invalid("Invalid request. According to the Content-Range header, the"
          + " upload offset is " + range.first() + " byte(s), which exceeds already uploaded size"
          + " of " + committed + " byte(s).");
    }
    if (range.total() != null && range.last() >= range.total()) {
      throw GoogleErrors.invalid("Invalid Content-Range: the last byte is beyond the total.");
    }
    if (body.length > range.length()) {
      throw GoogleErrors.invalid("The request body is longer than its Content-Range.");
    }
    // Shorter than the range only when the connection died mid-body (fault injection).
    boolean cut = body.length < range.length();
    long skip = committed - range.first();
    if (body.length > skip) {
      append(body, (int) skip, (int) (body.length - skip));
    }
    boolean last = !cut && range.total() != null && range.last() + 1 == range.total();
    if (last) {
      return finish(request, gcs);
    }
    committed = committed / QUANTUM * QUANTUM;
    return incomplete();
  }

  private void append(byte[] src, int from, int length) {
    int end = committed + length;
    if (end > data.length) {
      data = Arrays.copyOf(data, Math.max(end, data.length * 2));
    }
    System.arraycopy(src, from, data, committed, length);
    committed = end;
  }

  private Reply incomplete() {
    Reply reply = Reply.empty(308);
    if (committed > 0) {
      reply.header("Range", "bytes=0-" + (committed - 1));
    }
    return reply;
  }

  private Reply finish(Request request, GcsStore gcs) {
    String crc = ObjectHashes.crc32c(data, committed);
    String md5 = ObjectHashes.md5(data, committed);
    String hashHeader = request.header("X-Goog-Hash");
    if (hashHeader != null) {
      for (String item : hashHeader.split(",")) {
        String h = item.trim();
        if (h.startsWith("crc32c=")) {
          requireHash("CRC32C", h.substring(7), crc);
        } else if (h.startsWith("md5=")) {
          requireHash("MD5", h.substring(4), md5);
        }
      }
    }
    if (expected.crc32c() != null) {
      requireHash("CRC32C", expected.crc32c(), crc);
    }
    if (expected.md5Hash() != null) {
      requireHash("MD5", expected.md5Hash(), md5);
    }
    result = gcs.put(bucket, name, Arrays.copyOf(data, committed), contentType, metadata,
        preconditions, true);
    data = new byte[0];
    return Reply.ok(result.toJson(request.baseUrl()));
  }

  static void requireHash(String kind, String provided, String actual) {
    if (!provided.equals(actual)) {
      throw GoogleErrors.invalid("Provided " + kind + " \"" + provided
          + "\" doesn't match calculated " + kind + " \"" + actual + "\".");
    }
  }
}
