/**
 * What the user asks for: ports and their sources, machine types, health checks and the whole deployment,
 * each validated when it is built.
 */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.spec;

import org.immutables.value.Value;
