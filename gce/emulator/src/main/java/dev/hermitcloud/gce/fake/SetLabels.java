package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.json.Json;

/**
 * {@code setLabels} on images and instances: replaces all labels when {@code labelFingerprint}
 * matches the current one (else 412), applied when the operation is DONE.
 */
final class SetLabels {
  private SetLabels() {}

  static Reply handle(ComputeContext ctx, Request request, ResourceKey key) {
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, key.project(), () -> {
      StoredResource r = ctx.requireVisible(key);
      ComputeContext.requireIdle(r);
      String current = Fingerprints.of(r.json().get("labels"));
      String given = GoogleJson.text(body, "labelFingerprint");
      if (!current.equals(given)) {
        throw GoogleErrors.conditionNotMet("Labels fingerprint either invalid or resource"
            + " labels have changed");
      }
      JsonNode labels = body.get("labels");
      FieldRules.labels("labels", labels);
      ObjectNode newLabels = labels == null || labels.isNull()
          ? Json.object()
          : ((ObjectNode) labels).deepCopy();
      return ctx.runner().start(request, "setLabels", r, new OperationWork() {
        @Override
        public OperationError complete() {
          if (newLabels.isEmpty()) {
            r.json().remove("labels");
          } else {
            r.json().set("labels", newLabels);
          }
          r.json().put("labelFingerprint", Fingerprints.of(newLabels));
          return null;
        }

        @Override
        public void fail(OperationError error) {}
      });
    });
  }
}
