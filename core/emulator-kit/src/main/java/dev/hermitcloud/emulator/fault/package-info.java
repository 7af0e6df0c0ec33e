/**
 * Fault injection: a {@link dev.hermitcloud.emulator.fault.FaultRule} says which requests
 * ({@code method}, path template, mutating or not; after skipping some, how many times, with what
 * seeded probability) get which {@link dev.hermitcloud.emulator.fault.Fault}; the {@link
 * dev.hermitcloud.emulator.fault.FaultPlan} decides each request; {@link
 * dev.hermitcloud.emulator.fault.FaultJson} reads rules sent to {@code POST /_fake/faults}.
 */
package dev.hermitcloud.emulator.fault;
