package dev.hermitcloud.provider;

import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.List;
import java.util.Optional;

/**
 * The calls for one kind of resource. Each method makes the cloud call(s) for one step and returns; the
 * engine retries faults (after {@link Provider#translate}), waits on the returned {@link Operation}, and
 * never calls {@code create} for a name that exists.
 *
 * <p>Every resource created must carry {@link CallContext#ownership()} (labels, metadata, properties or
 * description), and {@link #read} and {@link #listOwned} must report those marks back in
 * {@link Observed#owner()}.
 */
public interface ResourceDriver<S extends ResourceSpec> {
  /** The resource with this name, if it exists (whoever owns it). */
  Optional<Observed> read(String name) throws Exception;

  /** Every resource of this kind marked as owned by {@code deployment}. */
  List<Observed> listOwned(String deployment) throws Exception;

  /** Starts creating the resource; pass {@link CallContext#requestId()} where the cloud takes one. */
  Operation create(S spec, CallContext context) throws Exception;

  /** Whether {@link #update} can change a resource whose replace-fingerprint is unchanged. */
  default boolean updatesInPlace() {
    return false;
  }

  /** Changes the resource in place to match {@code spec} and re-marks it with the new ownership. */
  default Operation update(Observed current, S spec, CallContext context) throws Exception {
    throw new UnsupportedOperationException(current.kind().label() + " cannot be updated in place");
  }

  /** Starts deleting the resource. A resource that is already gone is not an error: return a completed operation. */
  Operation delete(Observed current, CallContext context) throws Exception;
}
