package dev.hermitcloud.gce.fake;

import dev.hermitcloud.emulator.http.Request;

/**
 * The generation preconditions of a GCS request ({@code ifGenerationMatch=0} means "must not
 * exist"). A failed check is a 412 and changes nothing.
 */
record GcsPreconditions(
    Long ifGenerationMatch, Long ifGenerationNotMatch, Long ifMetagenerationMatch,
    Long ifMetagenerationNotMatch) {

  static GcsPreconditions from(Request request) {
    return new GcsPreconditions(
        GoogleJson.queryInt64(request, "ifGenerationMatch"),
        GoogleJson.queryInt64(request, "ifGenerationNotMatch"),
        GoogleJson.queryInt64(request, "ifMetagenerationMatch"),
        GoogleJson.queryInt64(request, "ifMetagenerationNotMatch"));
  }

  /** Checks against the current live object (null when there is none). */
  void check(FakeObject current) {
    long generation = current == null ? 0 : current.generation();
    boolean ok = (ifGenerationMatch == null || ifGenerationMatch == generation)
        && (ifGenerationNotMatch == null || ifGenerationNotMatch != generation)
        && (ifMetagenerationMatch == null
            || current != null && ifMetagenerationMatch == current.metageneration())
        && (ifMetagenerationNotMatch == null
            || current == null || ifMetagenerationNotMatch != current.metageneration());
    if (!ok) {
      throw GoogleErrors.conditionNotMet(
          "At least one of the pre-conditions you specified did not hold.");
    }
  }
}
