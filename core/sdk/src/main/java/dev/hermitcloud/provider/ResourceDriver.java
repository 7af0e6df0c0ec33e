package dev.hermitcloud.provider;

import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.List;
import java.util.Optional;

/**
 * The calls for one kind of resource. Each method makes the cloud call(s) for one step and returns; the
 * engine retries faults (after {@link Provider#translate}), waits on the returned {@link Operation}, and
 * never calls {@code create} for a name that exists.
 *
 * <p><b>Where work happens.</b> {@link #read}, {@link #listOwned} and every {@link Operation#poll()} only
 * read. Every call that changes the cloud is made by {@link #create}, {@link #update}, {@link #resume} or
 * {@link #delete}: an upload is part of creating, not of waiting. Work that needs a resource of its own
 * to exist first (a floating IP needs its server's port) is a kind of its own with a dependency, not a
 * poll that writes. A retried mutating method must be safe to run again: look at what an earlier attempt
 * left before changing anything.
 *
 * <p>Every resource created must carry {@link CallContext#ownership()} (labels, metadata, properties or
 * description), and {@link #read} and {@link #listOwned} must report those marks back in
 * {@link Observed#owner()}.
 */
public interface ResourceDriver<S extends ResourceSpec> {
  /** The kind of resource this driver manages. */
  ResourceKind kind();

  /** The resource with this name, if it exists (whoever owns it). */
  Optional<Observed> read(String name) throws Exception;

  /** Every resource of this kind marked as owned by {@code deployment}. */
  List<Observed> listOwned(String deployment) throws Exception;

  /**
   * Creates the resource, making every call that takes (an image's upload included), and returns what is
   * left to wait for; pass {@link CallContext#requestId()} where the cloud takes one.
   */
  Operation create(S spec, CallContext context) throws Exception;

  /**
   * Finishes creating a resource that exists but is not ready: found after a lost response or a 409, or
   * left {@link dev.hermitcloud.resource.ResourceState#PENDING} by a run that stopped early. Makes the
   * missing calls and returns what is left to wait for, or empty (the default) to wait until
   * {@link #read} reports it ready.
   *
   * <p>Drivers whose creation takes further calls once the resource exists implement this, since a read
   * alone would never finish it: an OpenStack image whose data was never uploaded, a security group still
   * without its rules.
   */
  default Optional<Operation> resume(Observed current, S spec, CallContext context) throws Exception {
    return Optional.empty();
  }

  /** Whether {@link #update} can change a resource whose replace-fingerprint is unchanged. */
  default boolean updatesInPlace() {
    return false;
  }

  /** Changes the resource in place to match {@code spec} and re-marks it with the new ownership. */
  default Operation update(Observed current, S spec, CallContext context) throws Exception {
    throw new UnsupportedOperationException(current.kind().label() + " cannot be updated in place");
  }

  /**
   * Deletes the resource and returns what is left to wait for. A resource that is already gone is not an
   * error: return a completed operation.
   */
  Operation delete(Observed current, CallContext context) throws Exception;
}
