/**
 * The service-provider interface a cloud implements: a few small methods per resource kind. The engine
 * adds planning, retries, waiting, ordering, health checks and cleanup on top, the way jclouds' portable
 * layer sits on its {@code ComputeServiceAdapter}.
 */
package dev.hermitcloud.provider;
