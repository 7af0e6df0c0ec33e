/**
 * The unikernel to deploy: a Multiboot loader and the modules it loads, with their command lines, checked
 * when built and named by a hash of their content.
 */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.unikernel;

import org.immutables.value.Value;
