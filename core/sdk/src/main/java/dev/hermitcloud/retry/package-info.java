/**
 * One retry policy for every cloud call: exponential backoff with jitter, Retry-After honoured, caps on
 * attempts and elapsed time, and a rate limit per target. Built on resilience4j.
 */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.retry;

import org.immutables.value.Value;
