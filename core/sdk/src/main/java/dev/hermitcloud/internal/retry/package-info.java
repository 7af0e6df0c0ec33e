/** Runs calls under a {@link dev.hermitcloud.retry.RetryPolicy}: backoff, Retry-After, rate limits, fault classes. Not API. */
package dev.hermitcloud.internal.retry;
