package dev.hermitcloud.testkit;

import java.util.Map;

/**
 * What the provider contract needs from a provider's wire-level fake server: counters seen at the server,
 * and fault switches. Each provider's test tree adapts its fake to this.
 */
public interface FakeCloud {
  /** Mutating HTTP requests the server received so far (POST, PUT, PATCH, DELETE; not auth). */
  int mutatingRequests();

  /**
   * How many times the server created each resource over its life, keyed {@code kind/name}; the
   * deployments' locks left out (each run creates its lock anew).
   */
  Map<String, Integer> creations();

  /** Resources the server holds now (images, instances, firewalls or groups, blobs, addresses...). */
  int resourceCount();

  /**
   * From now on, fails a fraction {@code rate} of requests, chosen with a {@link java.util.Random} seeded
   * with {@code seed}, with a mix of 429 (Retry-After 0), 503 and connection resets.
   */
  void randomFaults(long seed, double rate);

  /** From now on, lets {@code k} more mutating requests through, then refuses every mutating request with 403. */
  void refuseMutationsAfter(int k);

  /** Removes every injected fault. */
  void clearFaults();
}
